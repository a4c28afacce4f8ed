package dev.patchbay.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One vendor account of a run and where it stands: the IdP user it is linked to or matches (null for an
 * orphan), the keys and license the vendor holds (for a line whose type the vendor does not show, the
 * license Patchbay applied) and the phone numbers it holds where the vendor shows them, whether it is active at the vendor and at the IdP, its last login where the
 * vendor tells one, what drifted, and the action the policy chose (taken unless the run is a preview).
 */
public record Finding(long id, String vendorRef, UUID userId, String situation, String userName, String email,
        String license, String numbers, Boolean active, Boolean idpActive, Instant lastLogin, boolean neverLoggedIn,
        List<Drift> drift, String action, boolean actionTaken) {
}
