package dev.patchbay.console;

import dev.patchbay.audit.AuditEntry;
import dev.patchbay.audit.AuditLog;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Console writes in the audit log, api {@code console}, named for what they are (complete, sync, ...). */
@ApplicationScoped
public class ConsoleAudit {

    public static final String API = "console";

    private final AuditLog log;
    private final Clock clock;

    public ConsoleAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(ConsoleSession session, HttpServerRequest http, String operation, String connectionId,
            String resourceType, String resourceId, int status) {
        String source = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        log.record(new AuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MICROS), UUID.randomUUID().toString(),
                session.actor(), session.role(), API, http.method().name(), http.path(), operation, connectionId,
                resourceType, resourceId, status, List.of(), source));
    }
}
