package dev.patchbay.provisioning;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.patchbay.followup.TaskWebhooks;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** New tasks are POSTed to the connection's webhook, signed, and retried until the receiver takes them. */
@QuarkusTest
class TaskWebhookTest {

    @Inject
    FakeVendor vendor;

    @Inject
    JobWorker worker;

    @Inject
    TaskWebhooks webhooks;

    @Inject
    EntityManager entityManager;

    record Received(String body, String signature) {
    }

    @Test
    void aNewTaskIsDeliveredSignedAndRetriedAfterAFailure() throws Exception {
        vendor.reset();
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Patchbay-Signature")));
            int status = answers.getAndIncrement() == 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String connection = uniqueConnectionId("hook");
            admin().body(Map.of("id", connection, "vendor", "fake", "displayName", "Webhook",
                            "settings", Map.of("taskWebhook", Map.of("url", "http://127.0.0.1:"
                                    + receiver.getAddress().getPort() + "/hook", "secret", "hook-secret"))))
                    .post("/admin/v1/connections").then().statusCode(201);
            String token = createToken(connection);
            String id = given().auth().oauth2(token).contentType("application/scim+json").body("""
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"hooked@example.com",
                     "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User":{"license":"CX 4"}}""")
                    .post("/scim/v2/" + connection + "/Users").then().statusCode(201).extract().path("id");
            drain();
            given().auth().oauth2(token).contentType("application/scim+json")
                    .body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")
                    .patch("/scim/v2/" + connection + "/Users/" + id).then().statusCode(200);
            drain();

            assertEquals(1, webhooks.deliverDue());
            assertEquals(1, received.size(), "the first delivery was refused with a 500");
            assertEquals(0, webhooks.deliverDue(), "the retry waits for its backoff");
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update webhook_delivery set next_attempt_at = now() where connection_id = :c")
                    .setParameter("c", connection).executeUpdate());
            assertEquals(1, webhooks.deliverDue());
            assertEquals(2, received.size());
            assertEquals(0, webhooks.deliverDue(), "delivered once accepted");

            Received delivery = received.get(1);
            JsonNode payload = new ObjectMapper().readTree(delivery.body());
            assertEquals("task.created", payload.path("event").asText());
            assertEquals("billing_cancellation", payload.path("task").path("kind").asText());
            assertEquals(id, payload.path("task").path("user").asText());
            assertEquals(240, payload.path("task").path("monthlyCost").asInt());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("hook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + java.util.HexFormat.of()
                    .formatHex(mac.doFinal(delivery.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, delivery.signature());
            String settings = admin().get("/admin/v1/connections/{id}", connection).then().extract().asString();
            assertTrue(!settings.contains("hook-secret"), "the webhook secret is write-only");
        } finally {
            receiver.stop(0);
        }
    }

    private void drain() {
        for (int i = 0; i < 100 && worker.runOnce("hook-worker") > 0; i++) {
            // keep going
        }
    }
}
