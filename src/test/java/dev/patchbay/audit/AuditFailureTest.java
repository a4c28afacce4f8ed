package dev.patchbay.audit;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.uniqueConnectionId;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An audit log that cannot be written does not turn a committed change into an error. */
@QuarkusTest
class AuditFailureTest {

    @BeforeEach
    void breakTheAuditLog() {
        QuarkusMock.installMockForType(new AuditLog(null, null, Clock.systemUTC(), Duration.ofDays(1), null, null, 1) {
            @Override
            public void record(AuditEntry entry) {
                throw new IllegalStateException("the audit table is gone");
            }
        }, AuditLog.class);
    }

    @Test
    void theRequestStillSucceeds() {
        String id = uniqueConnectionId("audit-down");
        admin().header("X-Request-Id", "req-audit-down")
                .body(Map.of("id", id, "vendor", "fake", "displayName", "Still created"))
                .post("/admin/v1/connections").then().statusCode(201).header("X-Request-Id", "req-audit-down");
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(200);
    }
}
