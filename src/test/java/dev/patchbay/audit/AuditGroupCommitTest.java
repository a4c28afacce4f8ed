package dev.patchbay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Audit entries recorded at the same time share a commit; one that cannot be written fails alone. */
@QuarkusTest
class AuditGroupCommitTest {

    @Inject
    AuditLog log;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentEntriesAreAllWrittenAndABadOneFailsAlone() throws Exception {
        String connection = "audit-group-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int n = 0; n < 32; n++) {
                // PostgreSQL text cannot hold NUL: the 8th entry cannot be written.
                String actor = n == 7 ? "bad\u0000actor" : "actor-" + n;
                AuditEntry entry = new AuditEntry(null, Instant.now().truncatedTo(ChronoUnit.MICROS), "req-" + n, actor,
                        null, "scim", "POST", "/scim/v2/" + connection + "/Users", "create", connection, "User",
                        "id-" + n, 201, List.of("userName"), "127.0.0.1");
                calls.add(() -> {
                    log.record(entry);
                    return true;
                });
            }
            List<Future<Boolean>> results = callers.invokeAll(calls);
            for (int n = 0; n < results.size(); n++) {
                Future<Boolean> result = results.get(n);
                if (n == 7) {
                    assertThrows(java.util.concurrent.ExecutionException.class, result::get);
                } else {
                    assertEquals(true, result.get());
                }
            }
        } finally {
            callers.shutdownNow();
        }
        try (Connection jdbc = dataSource.getConnection();
                PreparedStatement count = jdbc.prepareStatement(
                        "select count(*), count(distinct request_id) from audit_log where connection_id = ?")) {
            count.setString(1, connection);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertEquals(31, rows.getLong(1));
                assertEquals(31, rows.getLong(2));
            }
        }
    }
}
