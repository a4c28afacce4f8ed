package dev.patchbay.provisioning;

import dev.patchbay.connector.Seat;
import java.time.Instant;

/** A user's account at the vendor as Patchbay last left it, and the provisioning status admins see. */
public record VendorAccount(String vendorId, Seat applied, String status, String lastError, int pendingSteps,
        Instant updated) {

    public static final String PENDING = "pending";
    public static final String PROVISIONED = "provisioned";
    public static final String NEEDS_ACTION = "needs_action";
    public static final String FAILED = "failed";
}
