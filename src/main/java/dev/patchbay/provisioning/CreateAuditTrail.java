package dev.patchbay.provisioning;

import java.time.Instant;

/**
 * The audit entry of a SCIM create, written by the create's own statement so that the user, its job and
 * its entry share one commit. Implemented by the audit log; provisioning knows only this.
 */
public interface CreateAuditTrail {

    /** The entry as it will read if the create succeeds (its resource id is the new user's); null if not audited. */
    Row capture();

    /** The entry was written with the create: the request's own audit step must not write it again. */
    void writtenWithCreate();

    /** An audit log row, its values already fitted to the columns; {@code attributes} is a JSON array. */
    record Row(Instant at, String requestId, String actor, String actorRole, String api, String method, String path,
            String operation, String connectionId, String resourceType, int status, String attributes,
            String sourceAddress) {
    }
}
