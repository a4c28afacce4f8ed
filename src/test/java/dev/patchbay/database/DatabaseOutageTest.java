package dev.patchbay.database;

import static dev.patchbay.TestApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.SeatField;
import dev.patchbay.job.JobWorker;
import dev.patchbay.provisioning.FakeVendor;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.Liveness;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL killed under a running gateway: the APIs answer 503 with Retry-After in their
 * own format while it is gone, the gateway starts it again, and the data written before is still there.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** Its own application and database, since this test kills the database. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The test runs the supervisor itself, so that the outage lasts until it does.
            return Map.of("patchbay.database.supervise-interval", "1h");
        }
    }

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    @Inject
    EntityManager entityManager;

    @Inject
    @Liveness
    EmbeddedPostgresSupervisor supervisor;

    @Inject
    JobWorker worker;

    @Inject
    FakeVendor vendor;

    @Test
    void aJobBrokenOffByTheOutageIsDueAgainAsSoonAsTheDatabaseIsBack() throws Exception {
        vendor.reset();
        ScimFixture scim = ScimFixture.create("outage-job");
        scim.createUser("inflight@example.com");
        CountDownLatch calling = new CountDownLatch(1);
        CountDownLatch databaseGone = new CountDownLatch(1);
        vendor.onCreate(() -> {
            calling.countDown();
            awaitQuietly(databaseGone);
        });
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> worker.runOnce("outage-worker"));
        assertTrue(calling.await(30, TimeUnit.SECONDS), "the job is at the vendor");

        killDatabase();
        databaseGone.countDown();
        Thread.sleep(1_500); // the worker meets the outage right after the vendor call
        supervisor.supervise();
        assertTrue(run.get(60, TimeUnit.SECONDS) >= 1);
        vendor.onCreate(() -> { });

        // Not left to its 30 s lease, nor to the one-minute retry of an internal error: due again at once.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"done".equals(jobState(scim.connection)) && System.nanoTime() < deadline) {
            if (worker.runOnce("outage-worker") == 0) {
                Thread.sleep(200);
            }
        }
        assertEquals("done", jobState(scim.connection));
        assertTrue(vendor.calls().contains("find inflight@example.com"), "the second run looked for the account");
        assertEquals(1, vendor.accounts().values().stream()
                .filter(seat -> "inflight@example.com".equals(seat.text(SeatField.USER_NAME))).count(),
                "the account made before the outage is found, not made twice");
    }

    @Test
    void whileTheDatabaseIsDownApisAnswer503WithRetryAfterAndItIsRestarted() throws Exception {
        ScimFixture scim = ScimFixture.create("outage");
        String before = scim.createUser("before@example.com");
        long pid = StalePostmaster.pid(EmbeddedPostgresServer.dataDirectory());
        assertTrue(pid > 0 && Files.exists(EmbeddedPostgresServer.dataDirectory().resolve("postmaster.pid")));

        // The test database commits asynchronously (synchronous_commit off): flush what was written first.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("checkpoint").executeUpdate());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        while (ProcessLiveness.isRunning(pid)) {
            Thread.sleep(20);
        }

        Response scimWrite = scim.request().body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"during@example.com\"}")
                .post(scim.path("/Users"));
        assertEquals(503, scimWrite.statusCode(), scimWrite.asString());
        assertEquals("5", scimWrite.header("Retry-After"));
        assertEquals("503", scimWrite.jsonPath().getString("status"));
        assertTrue(scimWrite.jsonPath().getList("schemas").contains(ScimFixture.ERROR), "a SCIM error body");
        Response adminRead = admin().get("/admin/v1/connections/{c}", scim.connection);
        assertEquals(503, adminRead.statusCode(), adminRead.asString());
        assertEquals("5", adminRead.header("Retry-After"));
        assertEquals("database_unavailable", adminRead.jsonPath().getString("error"));
        given().get("/q/health/live").then().statusCode(200);

        supervisor.supervise();
        long deadline = System.nanoTime() + 60_000_000_000L;
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = scim.request().get(scim.path("/Users/" + before)).statusCode();
        }
        assertEquals(200, status, "the database came back");
        scim.get("/Users/" + before).body("userName", equalTo("before@example.com"));
        assertTrue(StalePostmaster.pid(EmbeddedPostgresServer.dataDirectory()) != pid, "a new postmaster");
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        scim.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"after@example.com\"}").statusCode(201);
    }

    private String jobState(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select state from provisioning_job where connection_id = :c").setParameter("c", connection)
                .getSingleResult());
    }

    private void killDatabase() throws Exception {
        // The test database commits asynchronously (synchronous_commit off): flush what was written first.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("checkpoint").executeUpdate());
        long pid = StalePostmaster.pid(EmbeddedPostgresServer.dataDirectory());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        while (ProcessLiveness.isRunning(pid)) {
            Thread.sleep(20);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
