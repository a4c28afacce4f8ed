package dev.patchbay.bench;

import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;

import dev.patchbay.job.JobWorker;
import dev.patchbay.provisioning.FakeVendor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Not a test: end-to-end provisioning latency (SCIM 201 → every vendor step done) and throughput for
 * 1,000 users against the zero-latency fake vendor, with two workers. Run with {@code mvn -Pbench test}.
 */
@QuarkusTest
class ProvisioningEngineBenchmark {

    private static final int USERS = 1_000;

    @Inject
    JobWorker worker;

    @Inject
    FakeVendor vendor;

    @Inject
    EntityManager entityManager;

    @Test
    void endToEnd() throws Exception {
        vendor.reset();
        String connection = createConnection(uniqueConnectionId("bench-engine"), "fake");
        String token = createToken(connection);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (String name : List.of("bench-worker-1", "bench-worker-2")) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    if (worker.runOnce(name) == 0) {
                        sleep(5);
                    }
                }
            }, name);
            thread.start();
            workers.add(thread);
        }
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        Instant start = Instant.now();
        for (int i = 0; i < USERS; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + RestAssured.port + "/scim/v2/" + connection + "/Users"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"e2e%1$d@bench.example",
                             "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User":{"license":"CX 2","roles":["Agent"],
                             "queues":["Sales"],"skills":[{"name":"French","level":3}]}}""".formatted(i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.body());
            }
            accepted.put(idOf(response.body()), Instant.now());
        }
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (provisioned(connection) < USERS && System.nanoTime() < deadline) {
            sleep(50);
        }
        running.set(false);
        for (Thread thread : workers) {
            thread.join();
        }
        Map<String, Instant> finished = finishTimes(connection);
        List<Double> latencies = new ArrayList<>();
        Instant last = start;
        for (Map.Entry<String, Instant> entry : finished.entrySet()) {
            Instant created = accepted.get(entry.getKey());
            if (created != null) {
                latencies.add(Math.max(0, entry.getValue().toEpochMilli() - created.toEpochMilli()) * 1.0);
                last = entry.getValue().isAfter(last) ? entry.getValue() : last;
            }
        }
        Collections.sort(latencies);
        double seconds = (last.toEpochMilli() - start.toEpochMilli()) / 1000.0;
        String line = String.format(Locale.ROOT,
                "Provisioning, %,d users (create + license, roles, skills, queues), 2 workers, zero-latency fake vendor:"
                        + " %,d provisioned; SCIM 201 → all steps done p50 %.0f ms, p95 %.0f ms; %.0f users/s overall",
                USERS, latencies.size(), latencies.get(latencies.size() / 2),
                latencies.get((int) (latencies.size() * 0.95)), latencies.size() / seconds);
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark-engine.md"), line + "\n");
    }

    private long provisioned(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from vendor_account where connection_id = :c and status = 'provisioned'")
                .setParameter("c", connection).getSingleResult()).longValue());
    }

    private Map<String, Instant> finishTimes(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                            "select cast(user_id as text), updated from vendor_account where connection_id = :c and status = 'provisioned'")
                    .setParameter("c", connection).getResultList();
            Map<String, Instant> times = new ConcurrentHashMap<>();
            rows.forEach(row -> times.put((String) row[0], (Instant) row[1]));
            return times;
        });
    }

    private static String idOf(String body) {
        int start = body.indexOf("\"id\":\"") + 6;
        return body.substring(start, body.indexOf('"', start));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
