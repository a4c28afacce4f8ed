package dev.patchbay.audit;

import java.time.Instant;
import java.util.List;

/** One audit log entry: who did what, to which resource, with which outcome, when and from where. */
public record AuditEntry(Long id, Instant at, String requestId, String actor, String actorRole, String api,
        String method, String path, String operation, String connectionId, String resourceType, String resourceId,
        int status, List<String> attributes, String sourceAddress) {
}
