package dev.patchbay.connector.genesys;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a wave of users (create, license, role, skill, queue) pushed to the Genesys Cloud simulator
 * at its default 300 calls a minute per OAuth client, with one client and then with two. Reports wall
 * time, vendor calls per user, 429s met, and the ratio to the floor: one create, one role and one skill
 * call per user plus the batched license and queue calls (100 users a call), at 300 a minute per client.
 * {@code mvn -Pbench test -Dtest=GenesysWaveBenchmark -Dwave.users=1000} (default 1,000; each run at that
 * size takes over ten minutes per configuration); {@code -Dwave.workers} sets the worker threads (2).
 */
@QuarkusTest
@TestProfile(GenesysWaveBenchmark.Production.class)
class GenesysWaveBenchmark {

    /** The batching a deployment has (the test profile sends each batched step at once). */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.batch.linger", "15s");
        }
    }

    static final int PER_CLIENT_PER_MINUTE = 300;
    static final String SEAT = """
            {"license":"cx1","roles":["Agent"],"queues":["Support"],"skills":[{"name":"Billing","level":3}]}""";

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Test
    void waveAtTheVendorsCeiling() throws Exception {
        int users = Integer.getInteger("wave.users", 1_000);
        List<String> lines = new ArrayList<>();
        double oneClient = 0;
        for (int clients = 1; clients <= Integer.getInteger("wave.clients", 2); clients++) {
            Result result = wave(users, clients);
            double floorCalls = 3.0 * users + 2 * Math.ceil(users / 100.0);
            double floorMinutes = floorCalls / (PER_CLIENT_PER_MINUTE * clients);
            double ratio = floorMinutes / result.minutes();
            if (clients == 1) {
                oneClient = result.minutes();
            }
            lines.add(String.format(Locale.ROOT, "Genesys wave, %,d users, %d OAuth client(s) at %d calls/min each:"
                            + " %,d provisioned in %.1f min; %.2f vendor calls/user (floor %.2f); %d 429s;"
                            + " %.0f%% of the floor's rate%s",
                    users, clients, PER_CLIENT_PER_MINUTE, result.provisioned(), result.minutes(),
                    result.calls() / (double) users, floorCalls / users, result.rateLimited(), 100 * ratio,
                    clients == 1 ? "" : String.format(Locale.ROOT, "; %.2fx the one-client rate",
                            oneClient / result.minutes())));
            System.out.println(lines.get(lines.size() - 1));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark-genesys-wave.md"), String.join("\n", lines) + "\n");
    }

    record Result(long provisioned, double minutes, long calls, int rateLimited) {
    }

    private Result wave(int users, int clients) throws Exception {
        GenesysSandbox.reset();
        GenesysSandbox.tunables(86400, PER_CLIENT_PER_MINUTE);
        new EndToEnd(worker, entityManager, null, null).drain();
        String connection = uniqueConnectionId("wave-genesys");
        Map<String, Object> settings = GenesysSandbox.settings();
        if (clients > 1) {
            settings.put("clientId2", GenesysCallBudgetTest.CLIENT_2);
            settings.put("clientSecret2", "sandbox-genesys-secret-2");
        }
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys wave",
                "settings", settings)).post("/admin/v1/connections").then().statusCode(201);
        String token = createToken(connection);
        new EndToEnd(worker, entityManager, connection, token).policy("{\"groupRules\":[],\"mappings\":[]}");

        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        int workerCount = Integer.getInteger("wave.workers", 2);
        WaveTimeline timeline = new WaveTimeline(connection, workerCount, entityManager, metrics);
        for (int index = 1; index <= workerCount; index++) {
            String name = "wave-worker-" + index;
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    int ran = worker.runOnce(name);
                    timeline.workedFor(System.nanoTime() - started, ran);
                    if (ran == 0) {
                        sleep(20);
                    }
                }
            }, name);
            thread.start();
            workers.add(thread);
        }
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        Thread sampler = timeline.start();
        for (int i = 0; i < users; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + RestAssured.port + "/scim/v2/" + connection + "/Users"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"wave%1$d@bench.example",
                             "displayName":"Wave %1$d","urn:ietf:params:scim:schemas:extension:patchbay:2.0:User":%2$s}"""
                            .formatted(i, SEAT))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.body());
            }
        }
        double floorMinutes = (3.0 * users + 2 * Math.ceil(users / 100.0)) / (PER_CLIENT_PER_MINUTE * clients);
        long deadline = start + (long) ((floorMinutes * 4 + 3) * 60_000_000_000L);
        while (provisioned(connection) < users && System.nanoTime() < deadline) {
            sleep(200);
        }
        double minutes = (System.nanoTime() - start) / 60_000_000_000.0;
        running.set(false);
        for (Thread thread : workers) {
            thread.join();
        }
        sampler.interrupt();
        sampler.join();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark-genesys-wave-timeline-" + clients + ".txt"), timeline.text());
        JsonPath sandbox = GenesysSandbox.state();
        long calls = 0;
        for (Object count : sandbox.getMap("callsByClient").values()) {
            calls += ((Number) count).longValue();
        }
        return new Result(provisioned(connection), minutes, calls, sandbox.getInt("rateLimited"));
    }

    private long provisioned(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from vendor_account where connection_id = :c and status = 'provisioned'")
                .setParameter("c", connection).getSingleResult()).longValue());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
