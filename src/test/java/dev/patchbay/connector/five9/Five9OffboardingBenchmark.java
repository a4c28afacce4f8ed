package dev.patchbay.connector.five9;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the wall time to offboard 500 Five9 agents (Okta's PATCH active=false for each) at the
 * simulator's default Modify limit of 140 a minute, next to the physical floor of 500 / 140 minutes.
 * Two workers (the two admin users). Run with {@code mvn -Pbench test -Dtest=Five9OffboardingBenchmark}.
 */
@QuarkusTest
class Five9OffboardingBenchmark {

    private static final int AGENTS = 500;
    private static final int MODIFY_PER_MINUTE = 140;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Test
    void offboardFiveHundredAgents() throws Exception {
        Five9Sandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        Five9Sandbox.CONTROL.settings(Map.of("seatLimit", AGENTS + 10, "modifyPerMinute", 1_000_000,
                "modifyPerHour", 1_000_000, "modifyPerDay", 10_000_000));
        String connection = uniqueConnectionId("bench-five9");
        Map<String, Object> onboarding = new HashMap<>(Five9Sandbox.settings());
        onboarding.put("modifyLimitPerMinute", 1_000_000);
        onboarding.put("modifyLimitPerHour", 1_000_000);
        onboarding.put("modifyLimitPerDay", 10_000_000);
        admin().body(Map.of("id", connection, "vendor", "five9", "displayName", "Five9 bench", "settings", onboarding))
                .post("/admin/v1/connections").then().statusCode(201);
        EndToEnd wave = new EndToEnd(worker, entityManager, connection, createToken(connection));

        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = startWorkers(running);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            users.add(wave.oktaCreate("agent" + i + "@bench.example", "Agent", "Number" + i, "{}"));
        }
        waitUntil(() -> count("it.active == 'true'") == AGENTS, 600);
        System.out.printf(Locale.ROOT, "onboarded %d agents%n", AGENTS);

        // Back to Five9's default limits, from a fresh minute on both sides.
        Five9Sandbox.CONTROL.settings(Map.of("modifyPerMinute", MODIFY_PER_MINUTE, "modifyPerHour", 7_200,
                "modifyPerDay", 172_800));
        admin().body(Map.of("displayName", "Five9 bench", "settings", Five9Sandbox.settings()))
                .put("/admin/v1/connections/{c}", connection).then().statusCode(200);
        Thread.sleep(60_000 - System.currentTimeMillis() % 60_000 + 100);

        long started = System.nanoTime();
        for (String id : users) {
            wave.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}").statusCode(200);
        }
        long lastReport = 0;
        while (count("it.active == 'false'") < AGENTS) {
            long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
            if (elapsed >= lastReport + 30) {
                lastReport = elapsed;
                JsonPath progress = admin().get("/admin/v1/connections/{c}/progress", connection).then()
                        .extract().jsonPath();
                System.out.printf(Locale.ROOT, "  t=%3d s  done=%d remaining=%d estimatedFinish=%s (%s)%n", elapsed,
                        progress.getInt("done"), progress.getInt("remaining"), progress.getString("estimatedFinish"),
                        progress.getString("estimateBasis"));
            }
            Thread.sleep(500);
            if (elapsed > 1_200) {
                throw new AssertionError("the offboarding did not finish in 20 minutes");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        for (Thread thread : workers) {
            thread.join();
        }
        double floor = AGENTS * 60.0 / MODIFY_PER_MINUTE;
        JsonPath state = Five9Sandbox.state();
        System.out.printf(Locale.ROOT, "offboarded %d Five9 agents in %.1f s; floor %d / %d per minute = %.1f s;"
                        + " ratio %.2f; Modify requests refused over the limit: %d%n", AGENTS, seconds, AGENTS,
                MODIFY_PER_MINUTE, floor, seconds / floor, state.getInt("callCounters.Modify.refused"));
    }

    private long count(String condition) {
        return Five9Sandbox.state().getList("users.findAll { it.userName.startsWith('agent') && " + condition + " }")
                .size();
    }

    private List<Thread> startWorkers(AtomicBoolean running) {
        List<Thread> workers = new ArrayList<>();
        for (String name : List.of("bench-worker-1", "bench-worker-2")) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    if (worker.runOnce(name) == 0) {
                        pause(100);
                    }
                }
            }, name);
            thread.start();
            workers.add(thread);
        }
        return workers;
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done in " + seconds + " s");
            }
            Thread.sleep(1_000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
