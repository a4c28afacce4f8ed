package dev.patchbay.connector;

import static dev.patchbay.TestApi.admin;
import static io.restassured.RestAssured.given;

import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;

/**
 * Drives one connection from the IdP's side in end-to-end tests: SCIM requests with its token, its
 * policy, and the provisioning worker run by hand.
 */
public final class EndToEnd {

    public static final String PATCHBAY = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    private final JobWorker worker;
    private final EntityManager entityManager;
    private final String connection;
    private final String token;

    public EndToEnd(JobWorker worker, EntityManager entityManager, String connection, String token) {
        this.worker = worker;
        this.entityManager = entityManager;
        this.connection = connection;
        this.token = token;
    }

    public void policy(String json) {
        admin().body(json).put("/admin/v1/connections/{c}/policy", connection).then().statusCode(200);
    }

    public ValidatableResponse scim(String method, String path, String body) {
        var request = given().auth().oauth2(token).contentType("application/scim+json");
        if (body != null) {
            request.body(body);
        }
        return request.request(method, "/scim/v2/" + connection + path).then();
    }

    /** Okta's create, with its unsolicited password, and the seat values in the Patchbay extension. */
    public String oktaCreate(String userName, String givenName, String familyName, String seat) {
        return scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%3$s"],"userName":"%1$s",
                 "name":{"givenName":"%5$s","familyName":"%6$s"},
                 "emails":[{"primary":true,"value":"%1$s","type":"work"}],"displayName":"%5$s %6$s",
                 "externalId":"00u%2$s","password":"1mz050nq","active":true,"%3$s":%4$s}"""
                .formatted(userName, Math.abs(userName.hashCode()), PATCHBAY, seat, givenName, familyName))
                .statusCode(201).extract().path("id");
    }

    /** Runs due jobs until none is left. */
    public void drain() {
        for (int round = 0; round < 50 && worker.runOnce("e2e-worker") > 0; round++) {
            // keep going
        }
    }

    /** Makes every waiting job of this connection due, lifts rate-limit pauses and runs them, a few times. */
    public void settle() {
        for (int round = 0; round < 8; round++) {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("update provisioning_job set next_attempt_at = now()"
                        + " where state = 'pending' and connection_id = :c")
                        .setParameter("c", connection).executeUpdate();
                entityManager.createNativeQuery("delete from rate_limit_window where connection_id = :c")
                        .setParameter("c", connection).executeUpdate();
                entityManager.createNativeQuery("delete from rate_limit_budget where connection_id = :c")
                        .setParameter("c", connection).executeUpdate();
            });
            drain();
        }
    }

    public String state(String userId) {
        return scim("GET", "/Users/" + userId, null).extract().path("'" + PATCHBAY + "'.provisioning.state");
    }

    public String vendorId(String userId) {
        return scim("GET", "/Users/" + userId, null).extract().path("'" + PATCHBAY + "'.provisioning.vendorId");
    }
}
