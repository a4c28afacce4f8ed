package dev.patchbay.provisioning;

import static dev.patchbay.TestApi.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.job.JobWorker;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dead letters in bulk: redrive a connection's dead jobs by the error they share, discard others with a reason. */
@QuarkusTest
class DeadLetterBulkTest {

    @Inject
    FakeVendor vendor;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    private ScimFixture scim;

    @BeforeEach
    void fixture() {
        vendor.reset();
        drain();
        scim = ScimFixture.create("dead-bulk");
    }

    private String failedUser(String userName, String error) {
        String id = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s"}""".formatted(userName))
                .statusCode(201).extract().path("id");
        vendor.failNext(userName, () -> new ConnectorException.Rejected(error));
        drain();
        return id;
    }

    private void drain() {
        for (int i = 0; i < 100 && worker.runOnce("dead-bulk-worker") > 0; i++) {
            // keep going
        }
    }

    private long dead() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from provisioning_job where state = 'dead' and connection_id = :c")
                .setParameter("c", scim.connection).getSingleResult()).longValue());
    }

    @Test
    void deadJobsThatShareAnErrorAreRedrivenTogetherAndOthersDiscardedWithAReason() {
        failedUser("pool1@example.com", "License pool exhausted for CX 2");
        failedUser("pool2@example.com", "License pool exhausted for CX 2");
        failedUser("typo@example.com", "Unknown queue 'Salse'");
        assertEquals(3, dead());

        admin().body("{\"errorContains\":\"License pool exhausted\"}")
                .post("/admin/v1/connections/{c}/jobs/dead/redrive", scim.connection)
                .then().statusCode(200).body("redriven", equalTo(2));
        drain();
        assertTrue(vendor.accountFor("pool1@example.com").isPresent());
        assertTrue(vendor.accountFor("pool2@example.com").isPresent());
        admin().get("/admin/v1/connections/{c}/jobs/dead", scim.connection).then()
                .body("items", hasSize(1)).body("items[0].lastError", containsString("Salse"));

        // Discarding needs a reason and says which jobs; nothing changes otherwise.
        admin().body("{\"errorContains\":\"Salse\"}").post("/admin/v1/connections/{c}/jobs/dead/discard",
                scim.connection).then().statusCode(400).body(containsString("reason"));
        admin().body("{\"reason\":\"left the company\"}").post("/admin/v1/connections/{c}/jobs/dead/discard",
                scim.connection).then().statusCode(400).body(containsString("jobIds"));
        admin().body("{\"reason\":\"x\",\"jobIds\":[\"one\"]}").post("/admin/v1/connections/{c}/jobs/dead/discard",
                scim.connection).then().statusCode(400);
        assertEquals(1, dead());

        long jobId = ((Number) admin().get("/admin/v1/connections/{c}/jobs/dead", scim.connection).then()
                .extract().path("items[0].id")).longValue();
        admin().body("{\"reason\":\"queue renamed in the IdP\",\"jobIds\":[" + jobId + "]}")
                .post("/admin/v1/connections/{c}/jobs/dead/discard", scim.connection)
                .then().statusCode(200).body("discarded", equalTo(1));
        assertEquals(0, dead());
        String kept = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select last_error from provisioning_job where id = :id").setParameter("id", jobId).getSingleResult());
        assertTrue(kept.startsWith("discarded: queue renamed in the IdP (was: "), kept);
    }

    @Test
    void anotherConnectionsDeadJobsAreNeverTouchedAndAnUnknownConnectionIs404() {
        failedUser("mine@example.com", "License pool exhausted for CX 2");
        ScimFixture other = ScimFixture.create("dead-bulk-other");
        admin().body("{}").post("/admin/v1/connections/{c}/jobs/dead/redrive", other.connection)
                .then().statusCode(200).body("redriven", equalTo(0));
        long jobId = ((Number) admin().get("/admin/v1/connections/{c}/jobs/dead", scim.connection).then()
                .extract().path("items[0].id")).longValue();
        admin().body("{\"reason\":\"not yours\",\"jobIds\":[" + jobId + "]}")
                .post("/admin/v1/connections/{c}/jobs/dead/discard", other.connection)
                .then().statusCode(200).body("discarded", equalTo(0));
        assertEquals(1, dead());
        admin().body("{}").post("/admin/v1/connections/{c}/jobs/dead/redrive", "no-such-connection")
                .then().statusCode(404);
    }
}
