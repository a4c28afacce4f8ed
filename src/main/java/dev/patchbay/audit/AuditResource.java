package dev.patchbay.audit;

import dev.patchbay.web.ApiException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** {@code GET /admin/v1/audit}: the audit log, newest first, filtered, in pages linked by a cursor. */
@Path("/admin/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_LIMIT = 500;
    /** What the APIs' requests are ({@link RequestTarget}) and the console's own actions. */
    static final Set<String> OPERATIONS = operations();

    public record AuditPage(List<AuditEntry> items, String nextCursor) {
    }

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    public AuditPage list(@QueryParam("connection") String connection, @QueryParam("actor") String actor,
            @QueryParam("operation") String operation, @QueryParam("resourceType") String resourceType,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") String limit) {
        if (operation != null && !OPERATIONS.contains(operation)) {
            throw ApiException.invalid("operation", "must be one of " + OPERATIONS.stream().sorted().toList());
        }
        Instant fromTime = instant("from", from);
        Instant toTime = instant("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw ApiException.invalid("to", "must be after from");
        }
        int pageSize = (int) number("limit", limit, 1, MAX_LIMIT);
        Long cursorId = cursor == null ? null : number("cursor", cursor, 1, Long.MAX_VALUE);
        Integer statusCode = status == null ? null : (int) number("status", status, 100, 599);
        List<AuditEntry> entries = log.find(new AuditQuery(blankToNull(connection), blankToNull(actor), operation,
                blankToNull(resourceType), fromTime, toTime, statusCode, cursorId, pageSize));
        String next = entries.size() == pageSize ? String.valueOf(entries.get(entries.size() - 1).id()) : null;
        return new AuditPage(entries, next);
    }

    private static Set<String> operations() {
        Set<String> names = new java.util.TreeSet<>(List.of("create", "replace", "update", "delete", "bulk", "read",
                "search", "authenticate", "sign-in", "sign-out", "preview"));
        names.addAll(RequestTarget.ADMIN_ACTIONS);
        names.addAll(RequestTarget.ADMIN_STARTS.values());
        return Set.copyOf(names);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static long number(String field, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid(field, max == Long.MAX_VALUE ? "must be a positive whole number (a nextCursor)"
                : "must be a whole number between " + min + " and " + max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
