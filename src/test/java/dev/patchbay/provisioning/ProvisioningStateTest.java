package dev.patchbay.provisioning;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.job.JobWorker;
import dev.patchbay.job.QueueMetrics;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The state admins and the IdP see matches the queue: pending while a job is due, dead letters settled by success. */
@QuarkusTest
class ProvisioningStateTest {

    static final String PATCHBAY = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";
    static final String STATE = "'" + PATCHBAY + "'.provisioning.state";
    static final String PENDING_STEPS = "'" + PATCHBAY + "'.provisioning.pendingSteps";

    @Inject
    JobWorker worker;

    @Inject
    FakeVendor vendor;

    @Inject
    QueueMetrics metrics;

    @Inject
    PendingStepsPreview preview;

    ScimFixture scim;

    @BeforeEach
    void fixture() {
        vendor.reset();
        drain();
        scim = ScimFixture.create("state");
    }

    @AfterEach
    void resetVendor() {
        vendor.reset();
    }

    @Test
    void aUserWithADueJobIsPendingWithItsStepsAndProvisionedOnceItRan() {
        String id = scim.createUser("due@example.com");
        drain();
        scim.get("/Users/" + id).body(STATE, equalTo("provisioned")).body(PENDING_STEPS, equalTo(0));

        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}"))
                .statusCode(200);
        scim.get("/Users/" + id).body(STATE, equalTo("pending")).body(PENDING_STEPS, greaterThanOrEqualTo(1));
        scim.get("/Users?filter=userName eq \"due@example.com\"").body("Resources[0]." + STATE, equalTo("pending"));

        drain();
        scim.get("/Users/" + id).body(STATE, equalTo("provisioned")).body(PENDING_STEPS, equalTo(0));
    }

    @Test
    void syncNowMakesTheUsersJobDueAndAnUnknownUserIs404() {
        String id = scim.createUser("now@example.com");
        drain();
        scim.get("/Users/" + id).body(STATE, equalTo("provisioned"));

        admin().post("/admin/v1/connections/{c}/users/{u}/sync", scim.connection, id).then().statusCode(202);
        scim.get("/Users/" + id).body(STATE, equalTo("pending"));
        drain();
        scim.get("/Users/" + id).body(STATE, equalTo("provisioned"));
        admin().post("/admin/v1/connections/{c}/users/{u}/sync", scim.connection, UUID.randomUUID()).then()
                .statusCode(404);
        admin().post("/admin/v1/connections/{c}/users/{u}/sync", "no-such-connection", id).then().statusCode(404);
    }

    @Test
    void aDueJobThatHasNotStartedShowsTheStepsPlannedForIt() {
        String id = scim.createUser("planned@example.com");
        drain();

        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}"))
                .statusCode(200);
        assertTrue(preview.planDue() >= 1);
        scim.get("/Users/" + id).body(STATE, equalTo("pending")).body(PENDING_STEPS, equalTo(1));
        scim.get("/Users?filter=userName eq \"planned@example.com\"").body("Resources[0]." + PENDING_STEPS, equalTo(1));
        drain();

        // A change the vendor does not hold: due, planned, and nothing to do.
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"Pat\"}"))
                .statusCode(200);
        preview.planDue();
        scim.get("/Users/" + id).body(STATE, equalTo("pending")).body(PENDING_STEPS, equalTo(0));
        drain();
        scim.get("/Users/" + id).body(STATE, equalTo("provisioned")).body(PENDING_STEPS, equalTo(0));
    }

    @Test
    void aLaterSuccessfulSyncClearsTheUsersDeadLettersAndTheMetric() {
        String id = scim.createUser("site-later@example.com");
        vendor.failNext("site-later@example.com", () -> new ConnectorException.Rejected("site is required"));
        drain();
        admin().get("/admin/v1/connections/{c}/jobs/dead", scim.connection).then()
                .body("items", hasSize(1)).body("items[0].lastError", containsString("site is required"));
        metrics.refresh();
        given().get("/q/metrics").then().body(containsString(deadGauge(1)));

        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"In a group\"}"))
                .statusCode(200);
        drain();

        scim.get("/Users/" + id).body(STATE, equalTo("provisioned"));
        admin().get("/admin/v1/connections/{c}/jobs/dead", scim.connection).then().body("items", empty());
        metrics.refresh();
        given().get("/q/metrics").then().body(containsString(deadGauge(0)));
    }

    @Test
    void theTimelineOfAnUnknownUserIsNotFound() {
        String id = scim.createUser("known@example.com");
        admin().get("/admin/v1/connections/{c}/users/{u}/timeline", scim.connection, id).then().statusCode(200);
        admin().get("/admin/v1/connections/{c}/users/{u}/timeline", scim.connection, UUID.randomUUID())
                .then().statusCode(404).body("error", equalTo("not_found"));
        ScimFixture other = ScimFixture.create("state-other");
        admin().get("/admin/v1/connections/{c}/users/{u}/timeline", other.connection, id).then().statusCode(404);
        drain();
    }

    private String deadGauge(int value) {
        return "patchbay_jobs_dead{connection=\"" + scim.connection + "\"} " + value + ".0";
    }

    private void drain() {
        for (int i = 0; i < 100 && worker.runOnce("state-worker") > 0; i++) {
            // keep going
        }
    }
}
