package dev.patchbay.provisioning;

import static dev.patchbay.TestApi.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.job.JobWorker;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new user's create waits a short settle time after its last SCIM write while it is in no group (IdPs
 * send the memberships a moment later); a user whose group has arrived is created at once.
 */
@QuarkusTest
@TestProfile(CreateSettleTest.Settling.class)
class CreateSettleTest {

    private static final String PATCHBAY = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    public static class Settling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.provisioning.create-settle-time", "1h");
        }
    }

    @Inject
    FakeVendor vendor;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Test
    void aUserWithoutGroupsWaitsAndAUserWithItsGroupDoesNot() {
        vendor.reset();
        ScimFixture scim = ScimFixture.create("settle");
        admin().body("{\"groupRules\":[{\"group\":\"London Agents\",\"site\":\"London\"}]}")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(200);
        String waiting = scim.createUser("waiting@example.com");
        String grouped = scim.createUser("grouped@example.com");
        scim.post("/Groups", "{\"schemas\":[\"" + ScimFixture.GROUP_SCHEMA + "\"],\"displayName\":\"London Agents\","
                + "\"members\":[{\"value\":\"" + grouped + "\"}]}").statusCode(201);
        drain();

        assertEquals(List.of("find grouped@example.com", "create grouped@example.com"), vendor.calls(),
                "the user whose group arrived is created at once");
        assertEquals("London", vendor.accountFor("grouped@example.com").orElseThrow().text(dev.patchbay.connector.SeatField.SITE));
        scim.get("/Users/" + waiting).body("'" + PATCHBAY + "'.provisioning.state", equalTo("pending"));

        // The settle time has passed since the last write: the user is created without a group.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update scim_user set last_modified = now() - interval '2 hours'"
                    + " where id = cast(:id as uuid)").setParameter("id", waiting).executeUpdate();
            entityManager.createNativeQuery("update provisioning_job set next_attempt_at = now()"
                    + " where state = 'pending' and user_id = cast(:id as uuid)").setParameter("id", waiting)
                    .executeUpdate();
        });
        drain();
        assertTrue(vendor.accountFor("waiting@example.com").isPresent());
        scim.get("/Users/" + waiting).body("'" + PATCHBAY + "'.provisioning.state", equalTo("provisioned"));
    }

    @Test
    void aUserWaitingToSettleGoesAtOnceWhenItsGroupArrives() {
        vendor.reset();
        ScimFixture scim = ScimFixture.create("settle-late");
        admin().body("{\"groupRules\":[{\"group\":\"Paris Agents\",\"site\":\"Paris\"}]}")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(200);
        String late = scim.createUser("late@example.com");
        drain();
        assertTrue(vendor.accountFor("late@example.com").isEmpty(), "waiting for its groups");

        scim.post("/Groups", "{\"schemas\":[\"" + ScimFixture.GROUP_SCHEMA + "\"],\"displayName\":\"Paris Agents\","
                + "\"members\":[{\"value\":\"" + late + "\"}]}").statusCode(201);
        drain();
        assertEquals("Paris", vendor.accountFor("late@example.com").orElseThrow()
                .text(dev.patchbay.connector.SeatField.SITE), "created at once, with the site its group gives");
    }

    private void drain() {
        for (int i = 0; i < 20 && worker.runOnce("settle-worker") > 0; i++) {
            // keep going
        }
    }
}
