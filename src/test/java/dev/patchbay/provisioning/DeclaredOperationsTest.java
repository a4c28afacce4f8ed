package dev.patchbay.provisioning;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.SkillScale;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector SPI's declarations drive the engine: an undeclared operation becomes a person's task, a
 * field needed at creation waits for its value, an irreversible value for an approval, and a connector's
 * unexpected exception fails the job with its reason without leaving a leaver's access in place.
 */
@QuarkusTest
class DeclaredOperationsTest {

    private static final String PATCHBAY = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    @Inject
    FakeVendor vendor;

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    dev.patchbay.job.RateLimiter rateLimiter;

    @Inject
    dev.patchbay.provisioning.policy.PolicyStore policies;

    private ScimFixture scim;

    @BeforeEach
    void fixture() {
        vendor.reset();
        drain();
        scim = ScimFixture.create("declared");
    }

    private void drain() {
        for (int i = 0; i < 100 && worker.runOnce("declared-worker") > 0; i++) {
            // keep going
        }
    }

    private String createAgent(String userName, String extension) {
        return scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"%s",
                 "displayName":"Agent","emails":[{"type":"work","value":"%2$s"}],"%1$s":%3$s}"""
                .formatted(PATCHBAY, userName, extension)).statusCode(201).extract().path("id");
    }

    private io.restassured.path.json.JsonPath tasks(String userId) {
        return admin().queryParam("connection", scim.connection).queryParam("user", userId).get("/admin/v1/tasks")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anUnexpectedConnectorFailureFailsTheJobWithItsReasonAndStillDeactivates() {
        String id = createAgent("leaver@example.com", "{\"license\":\"CX 2\",\"queues\":[\"Sales\"]}");
        drain();
        // The first offboarding step (clearing queues) throws what no connector should throw.
        vendor.failNext("leaver@example.com", () -> new IllegalArgumentException("cannot execute Apply[QUEUES]"));
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")).statusCode(200);
        drain();

        assertFalse(vendor.accountFor("leaver@example.com").orElseThrow().active(),
                "the leaver's account is deactivated although a step before it failed");
        scim.get("/Users/" + id)
                .body("'" + PATCHBAY + "'.provisioning.state", equalTo("failed"))
                .body("'" + PATCHBAY + "'.provisioning.lastError", containsString(
                        "the connector failed unexpectedly (IllegalArgumentException: cannot execute Apply[QUEUES])"));
        admin().get("/admin/v1/connections/{c}/jobs/dead", scim.connection).then()
                .body("items.lastError", hasItem(containsString("clear queues: the connector failed unexpectedly")));
    }

    @Test
    void aRecreatePolicyFromBeforeOnAVendorWithoutRetireRaisesATaskAndLeavesTheUserWorking() throws Exception {
        vendor.capabilities(builder -> builder.withoutOperation(Operation.RETIRE));
        // Saved before the validator knew the vendor (PUT refuses it now): the planner must not retire.
        policies.save(scim.connection, new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                "{\"immutableChanges\":{\"recreate\":true}}", dev.patchbay.provisioning.policy.PolicyDocument.class));
        String id = createAgent("mover@example.com", "{\"license\":\"CX 2\",\"site\":\"London\",\"queues\":[\"Sales\"]}");
        drain();
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":site\",\"value\":\"Paris\"}"))
                .statusCode(200);
        drain();

        Seat account = vendor.accountFor("mover@example.com").orElseThrow();
        assertTrue(account.active(), "not deactivated for a recreate that cannot happen");
        assertEquals("CX 2", account.text(SeatField.LICENSE));
        assertEquals(java.util.Set.of("Sales"), account.get(SeatField.QUEUES));
        assertEquals("London", account.text(SeatField.SITE));
        assertEquals(List.of("immutable_change"), tasks(id).getList("items.kind"));
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("needs_action"));
    }

    @Test
    void savingTheConnectionsSettingsLiftsAPauseAndWaitingUsersGoOnAtOnce() {
        rateLimiter.pause(scim.connection, java.time.Duration.ofHours(1));
        String id = createAgent("paused@example.com", "{\"license\":\"CX 2\"}");
        drain();
        assertTrue(vendor.accountFor("paused@example.com").isEmpty(), "the account is paused");
        admin().get("/admin/v1/connections/{c}", scim.connection).then()
                .body("health.pausedUntil", org.hamcrest.Matchers.notNullValue());

        admin().body(java.util.Map.of("displayName", "Credentials fixed", "settings", java.util.Map.of()))
                .put("/admin/v1/connections/{c}", scim.connection).then().statusCode(200)
                .body("health.pausedUntil", org.hamcrest.Matchers.nullValue());
        drain();
        assertEquals("CX 2", vendor.accountFor("paused@example.com").orElseThrow().text(SeatField.LICENSE));
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("provisioned"));
    }

    @Test
    void aFieldTheVendorNeedsAtCreationMakesNoCallAndATaskThatClosesOnceTheValueArrives() {
        vendor.capabilities(builder -> builder.field(SeatField.SITE, FieldCapability.immutableAtCreate().required()));
        String id = createAgent("nosite@example.com", "{\"license\":\"CX 2\"}");
        drain();

        assertEquals(List.of(), vendor.calls(), "no vendor call without the site");
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("needs_action"));
        io.restassured.path.json.JsonPath open = tasks(id);
        assertEquals(List.of("missing_field"), open.getList("items.kind"));
        assertEquals("site", open.getString("items[0].field"));
        assertTrue(open.getString("items[0].reason").contains("send it from the IdP"), open.getString("items[0].reason"));

        scim.patch("/Users/" + id, patchOp("{\"op\":\"add\",\"path\":\"" + PATCHBAY + ":site\",\"value\":\"London\"}"))
                .statusCode(200);
        drain();
        assertEquals("London", vendor.accountFor("nosite@example.com").orElseThrow().text(SeatField.SITE));
        assertEquals("verified", tasks(id).getString("items[0].status"));
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("provisioned"));
    }

    @Test
    void withoutACreateApiAPersonCreatesTheUserAndFindLinksIt() {
        vendor.capabilities(builder -> builder.withoutOperation(Operation.CREATE));
        String id = createAgent("byhand@example.com", "{\"license\":\"CX 2\",\"roles\":[\"Agent\"]}");
        drain();
        assertTrue(vendor.accounts().isEmpty());
        io.restassured.path.json.JsonPath open = tasks(id);
        assertEquals("create_by_hand", open.getString("items[0].kind"));
        assertTrue(open.getString("items[0].reason").contains("Agent <byhand@example.com>"),
                open.getString("items[0].reason"));
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("needs_action"));

        // The admin creates the account in the vendor's console; the periodic task check finds it.
        vendor.accounts().put("made-by-hand", new Seat(true, Map.of(SeatField.USER_NAME, "byhand@example.com",
                SeatField.DISPLAY_NAME, "Agent", SeatField.EMAIL, "byhand@example.com")));
        queue.enqueueUsersWithOpenTasks();
        drain();

        scim.get("/Users/" + id)
                .body("'" + PATCHBAY + "'.provisioning.vendorId", equalTo("made-by-hand"))
                .body("'" + PATCHBAY + "'.provisioning.state", equalTo("provisioned"));
        assertEquals("verified", tasks(id).getString("items.find { it.kind == 'create_by_hand' }.status"));
        Seat linked = vendor.accounts().get("made-by-hand");
        assertEquals("CX 2", linked.text(SeatField.LICENSE), "the rest of the plan ran once the account was linked");
        assertEquals(1, vendor.accounts().size(), "no second account");
    }

    @Test
    void anIrreversibleValueWaitsForAnApproval() {
        vendor.capabilities(builder -> builder.field(SeatField.LICENSE, FieldCapability.followUp().irreversibleOnceSet()));
        String id = createAgent("forever@example.com", "{\"license\":\"CX 2\",\"roles\":[\"Agent\"]}");
        drain();
        Seat account = vendor.accountFor("forever@example.com").orElseThrow();
        assertFalse(account.has(SeatField.LICENSE), "held back until approved");
        assertEquals(java.util.Set.of("Agent"), account.get(SeatField.ROLES), "the rest goes on");
        String approval = tasks(id).getString("items.find { it.kind == 'irreversible_approval' }.id");
        assertEquals("license:CX 2", tasks(id).getString("items.find { it.kind == 'irreversible_approval' }.field"));

        admin().body("{\"closedBy\":\"cc-admin@example.com\"}").post("/admin/v1/tasks/{id}/complete", approval)
                .then().statusCode(200);
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Agent 2\"}"))
                .statusCode(200);
        drain();
        assertEquals("CX 2", vendor.accountFor("forever@example.com").orElseThrow().text(SeatField.LICENSE));
    }

    @Test
    void twoRulesGrantingOneSkillKeepTheBetterLevelInTheVendorsScale() {
        vendor.capabilities(builder -> builder.skillScale(SkillScale.lowerIsBetter(1, 10)));
        admin().body("""
                {"groupRules":[{"group":"Tier 1","skills":{"French":6}},{"group":"Tier 2","skills":{"French":2}}]}""")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(200);
        String id = createAgent("skilled@example.com", "{}");
        for (String group : List.of("Tier 1", "Tier 2")) {
            scim.post("/Groups", "{\"schemas\":[\"" + ScimFixture.GROUP_SCHEMA + "\"],\"displayName\":\"" + group
                    + "\",\"members\":[{\"value\":\"" + id + "\"}]}").statusCode(201);
        }
        drain();
        assertEquals(Map.of("French", 2), vendor.accountFor("skilled@example.com").orElseThrow().get(SeatField.SKILLS),
                "1 is the best level on this vendor's scale");
    }

    @Test
    void aRecreatePolicyIsRefusedWhereTheVendorCannotRetireAndSkillsOutsideItsScale() {
        vendor.capabilities(builder -> builder.withoutOperation(Operation.RETIRE).skillScale(SkillScale.higherIsBetter(0, 5)));
        admin().body("{\"immutableChanges\":{\"recreate\":true},\"groupRules\":[{\"group\":\"A\",\"skills\":{\"French\":7}}]}")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(400)
                .body("violations.field", equalTo(List.of("immutableChanges.recreate", "groupRules[0].skills.French")))
                .body("violations[0].message", containsString("Fake vendor (tests) cannot retire an account"))
                .body("violations[1].message", equalTo("must be a level from 0 to 5 (Fake vendor (tests): higher is better)"));
        admin().get("/admin/v1/connections/{c}/policy", scim.connection).then().body("version", equalTo(0));
    }
}
