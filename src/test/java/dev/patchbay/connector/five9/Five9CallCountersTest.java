package dev.patchbay.connector.five9;

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
 * The Five9 budget follows the domain's own counters ({@code getCallCountersState}): Modify requests another
 * integration of the domain made count too, so Patchbay waits for the window's end instead of meeting
 * {@code OperationsLimitExceededFault}.
 */
@QuarkusTest
class Five9CallCountersTest {

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Test
    void modifyRequestsOfAnotherIntegrationCountAndTheBudgetWaitsForTheWindow() {
        Five9Sandbox.reset();
        Five9Sandbox.CONTROL.settings(Map.of("modifyPerHour", 20));
        new EndToEnd(worker, entityManager, null, null).drain();
        for (int i = 0; i < 15; i++) {
            // Another integration's Modify requests (Five9 counts them before finding no such user).
            given().auth().preemptive().basic(Five9Sandbox.ADMIN, Five9Sandbox.PASSWORD).contentType("text/xml")
                    .body("""
                            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                              xmlns:ser="http://service.admin.ws.five9.com/"><soapenv:Body>
                              <ser:deleteUser><userName>nobody%d</userName></ser:deleteUser></soapenv:Body></soapenv:Envelope>"""
                            .formatted(i))
                    .post(Five9Sandbox.endpoint()).then().statusCode(500);
        }
        assertEquals(15, Five9Sandbox.state().getInt("callCounters.Modify.hour.value"));
        String connection = uniqueConnectionId("counters-five9");
        Map<String, Object> settings = new HashMap<>(Five9Sandbox.settings());
        settings.put("modifyLimitPerHour", 20);
        admin().body(Map.of("id", connection, "vendor", "five9", "displayName", "Five9 sandbox", "settings", settings))
                .post("/admin/v1/connections").then().statusCode(201);
        EndToEnd e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy("{\"groupRules\":[],\"mappings\":[]}");

        List<String> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(e2e.oktaCreate("counted" + i + "@example.com", "Counted", "User" + i, "{}"));
        }
        e2e.drain();

        Object[] hour = window(connection, 3_600_000);
        long provisioned = users.stream().filter(id -> "provisioned".equals(e2e.state(id))).count();
        assertEquals(0, Five9Sandbox.state().getInt("callCounters.Modify.refused"),
                "no request went over the domain's limit (Five9 counted "
                        + Five9Sandbox.state().getInt("callCounters.Modify.hour.value") + ", the budget " + hour[0]
                        + ", " + provisioned + " provisioned)");
        assertEquals(20, ((Number) hour[1]).intValue(), "the domain's allowance");
        assertEquals(20, ((Number) hour[0]).intValue(), "the hour is spent: the other integration's 15 and Patchbay's");
        assertTrue(provisioned >= 1 && provisioned < users.size(),
                "some were created, the rest wait for the hour: " + provisioned);
    }

    /** {used, allowed} of the connection's window of {@code periodMillis}. */
    private Object[] window(String connection, long periodMillis) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select used, allowed from rate_limit_budget where connection_id = :c and period_millis = :p")
                .setParameter("c", connection).setParameter("p", periodMillis).getSingleResult());
    }
}
