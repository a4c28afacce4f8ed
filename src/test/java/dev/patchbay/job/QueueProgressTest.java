package dev.patchbay.job;

import static dev.patchbay.TestApi.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.RateLimit;
import dev.patchbay.provisioning.FakeVendor;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection's wave as admins follow it: done, remaining, and when the vendor's limit lets it finish. */
@QuarkusTest
class QueueProgressTest {

    @Inject
    JobWorker worker;

    @Inject
    FakeVendor vendor;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void resetVendor() {
        vendor.reset();
    }

    @Test
    void aWaveShowsDoneRemainingAndAnEstimateFromTheVendorsWindow() throws InterruptedException {
        awayFromTheMinutesEnd();
        vendor.reset();
        vendor.rateLimit(new RateLimit(List.of(new RateLimit.Window(3, Duration.ofMinutes(1))), 10));
        ScimFixture scim = ScimFixture.create("progress");
        for (int i = 0; i < 7; i++) {
            scim.createUser("wave" + i + "@example.com");
        }

        JsonPath before = progress(scim.connection);
        assertEquals(7, before.getInt("remaining"));
        assertEquals(0, before.getInt("done"));
        assertEquals("rate_limit", before.getString("estimateBasis"));
        Instant finish = Instant.parse(before.getString("estimatedFinish"));
        assertEquals(0, finish.toEpochMilli() % 60_000, "the last of seven starts on a window boundary");
        assertTrue(finish.isAfter(Instant.now().plusSeconds(60)) && finish.isBefore(Instant.now().plusSeconds(121)),
                "three now, three next minute, the seventh the minute after: " + finish);

        while (worker.runOnce("progress-worker") > 0) {
            // runs what the window allows; the rest wait for the next minute
        }
        JsonPath during = progress(scim.connection);
        assertEquals(3, during.getInt("done"));
        assertEquals(4, during.getInt("remaining"));
        assertEquals(0, during.getInt("dead"));
        assertTrue(during.getDouble("perMinute") > 0, "the pace it went at");
        assertEquals("rate_limit", during.getString("estimateBasis"), "the window, not the burst, sets the finish");
        assertEquals(finish, Instant.parse(during.getString("estimatedFinish")));

        vendor.rateLimit(RateLimit.unlimited());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update provisioning_job set next_attempt_at = now() where connection_id = :c")
                .setParameter("c", scim.connection).executeUpdate());
        while (worker.runOnce("progress-worker") > 0) {
            // the rest
        }
        JsonPath after = progress(scim.connection);
        assertEquals(0, after.getInt("remaining"));
        assertNull(after.get("estimatedFinish"));
    }

    @Test
    void anUnknownConnectionHasNoProgress() {
        admin().get("/admin/v1/connections/{c}/progress", "no-such-connection").then().statusCode(404);
    }

    private static JsonPath progress(String connection) {
        return admin().get("/admin/v1/connections/{c}/progress", connection).then().statusCode(200).extract().jsonPath();
    }

    private static void awayFromTheMinutesEnd() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 45_000) {
            Thread.sleep(60_000 - intoMinute + 200);
        }
    }
}
