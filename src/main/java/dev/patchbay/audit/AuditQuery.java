package dev.patchbay.audit;

import java.time.Instant;

/** Filters and page of an audit log query; null fields do not filter. */
record AuditQuery(String connectionId, String actor, String operation, String resourceType, Instant from,
        Instant to, Integer status, Long cursor, int limit) {
}
