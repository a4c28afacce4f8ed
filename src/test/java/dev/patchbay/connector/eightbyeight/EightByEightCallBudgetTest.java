package dev.patchbay.connector.eightbyeight;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 8x8 budget counts calls and follows the Admin API's {@code x-ratelimit-*} counters: calls another
 * client of the same API key made count too, so Patchbay waits for 8x8's reset instead of meeting a 429.
 */
@QuarkusTest
class EightByEightCallBudgetTest {

    static final String SEAT = "{\"site\":\"London\",\"license\":\"X4\"}";

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Test
    void callsOfAnotherClientOfTheKeyCountAndTheBudgetWaitsForTheVendorsReset() {
        EightByEightSandbox.reset();
        EightByEightSandbox.tune(Map.of("rateLimitPerMinute", 100));
        new EndToEnd(worker, entityManager, null, null).drain();
        String connection = uniqueConnectionId("budget-8x8");
        Map<String, Object> settings = new HashMap<>(EightByEightSandbox.settings());
        settings.put("requestTimeoutSeconds", 20);
        admin().body(Map.of("id", connection, "vendor", "eightbyeight", "displayName", "8x8 sandbox",
                "settings", settings)).post("/admin/v1/connections").then().statusCode(201);
        EndToEnd e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        for (int i = 0; i < 88; i++) {
            given().header("x-api-key", "eght_sandbox_api_key").accept("application/vnd.users.v1+json")
                    .get(EightByEightSandbox.base() + "/admin-provisioning/sites").then().statusCode(200);
        }

        String first = e2e.oktaCreate("budget0@example.com", "Budget", "Zero", SEAT);
        e2e.drain();
        assertEquals("provisioned", e2e.state(first));
        Object[] minute = minuteWindow(connection);
        assertEquals(100, ((Number) minute[1]).intValue(), "8x8's allowance");
        assertTrue(((Number) minute[0]).intValue() > 88, "8x8's count, the other client's 88 calls included: "
                + minute[0]);

        List<String> more = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            more.add(e2e.oktaCreate("budget" + i + "@example.com", "Budget", "User" + i, SEAT));
        }
        e2e.drain();
        assertEquals(0, EightByEightSandbox.state().getInt("rateLimited"), "no call met a 429");
        assertTrue(more.stream().anyMatch(id -> !"provisioned".equals(e2e.state(id))),
                "the rest waits for 8x8's window to reset");
    }

    /** {used, allowed} of the connection's minute window. */
    private Object[] minuteWindow(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select used, allowed from rate_limit_budget where connection_id = :c and period_millis = 60000")
                .setParameter("c", connection).getSingleResult());
    }
}
