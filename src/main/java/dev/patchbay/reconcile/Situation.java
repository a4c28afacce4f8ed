package dev.patchbay.reconcile;

import java.util.Arrays;
import java.util.Optional;

/** Where a vendor account stands against the IdP's view; each has its name in the API and in policies. */
public enum Situation {
    /** Linked to an IdP user, and the vendor holds what Patchbay applied. */
    IN_SYNC("in_sync", null),
    /** Linked, but a field differs from what Patchbay applied (changed in the vendor console). */
    DRIFT("drift", "drift"),
    /** No IdP user: an account nobody provisioned through Patchbay, still holding a seat. */
    ORPHAN("orphan", "orphan"),
    /** Patchbay links the user to an account the vendor no longer has. */
    IDP_ONLY("idp_only", "idpOnly"),
    /** Not linked, but an IdP user matches it by the connection's matching keys: adoptable. */
    UNLINKED_MATCH("unlinked_match", "unlinkedMatch");

    private final String apiName;
    private final String policyName;

    Situation(String apiName, String policyName) {
        this.apiName = apiName;
        this.policyName = policyName;
    }

    /** "unlinked_match": as findings, filters and CSV name it. */
    public String apiName() {
        return apiName;
    }

    /** "unlinkedMatch": as a policy's {@code reconciliation.actions} names it; null for in sync (no action). */
    public String policyName() {
        return policyName;
    }

    public static Optional<Situation> ofApiName(String name) {
        return Arrays.stream(values()).filter(situation -> situation.apiName.equals(name)).findFirst();
    }
}
