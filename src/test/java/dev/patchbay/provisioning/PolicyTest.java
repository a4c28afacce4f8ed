package dev.patchbay.provisioning;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.job.JobWorker;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyTest {

    static final String POLICY = """
            {"licenseOrder":["CX 1","CX 2","CX 3"],
             "groupRules":[
               {"group":"CC Agents","precedence":10,"license":"CX 2","roles":["Agent"],"skills":{"French":2},
                "queues":["Sales"],"site":"London"},
               {"group":"Supervisors","precedence":20,"license":"CX 3","roles":["Supervisor","Admin"],
                "skills":{"French":4,"German":1},"queues":["Escalations"],"agentGroups":["Tier 2"],"site":"Paris"}],
             "mappings":[{"from":"emails[type eq \\"work\\"].value","to":"email","transform":"lowercase"},
                         {"from":"phoneNumbers[type eq \\"work\\"].value","to":"extension","transform":"template","template":"9{value}"},
                         {"to":"telephonyRegion","default":"EU"}],
             "approvals":{"roles":["Admin"]},
             "offboarding":{"onDelete":"delete","removeLicense":true},
             "prices":{"currency":"USD","licenses":{"CX 1":75,"CX 2":115,"CX 3":155}}}""";

    @Inject
    FakeVendor vendor;

    @Inject
    JobWorker worker;

    private ScimFixture scim;

    @BeforeEach
    void fixture() {
        vendor.reset();
        drain();
        scim = ScimFixture.create("policy");
    }

    private void drain() {
        for (int i = 0; i < 100 && worker.runOnce("policy-worker") > 0; i++) {
            // keep going
        }
    }

    private void savePolicy() {
        admin().body(POLICY).put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(200);
    }

    private String userInGroups(String userName, String... groups) {
        String id = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "emails":[{"type":"work","value":"%s"}],"phoneNumbers":[{"type":"work","value":"1234"}]}"""
                .formatted(userName, userName.toUpperCase())).statusCode(201).extract().path("id");
        for (String group : groups) {
            String groupId = scim.get("/Groups?filter=displayName eq \"" + group + "\"").extract().path("Resources[0].id");
            if (groupId == null) {
                groupId = scim.createGroup(group);
            }
            scim.patch("/Groups/" + groupId, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}"))
                    .statusCode(204);
        }
        return id;
    }

    @Test
    void policiesAreVersionedAndValidatedOnSave() {
        admin().get("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(200)
                .body("version", equalTo(0));
        savePolicy();
        admin().body("{\"extensionOverridesGroups\":false}").put("/admin/v1/connections/{c}/policy", scim.connection)
                .then().statusCode(200).body("version", equalTo(2));
        admin().get("/admin/v1/connections/{c}/policy", scim.connection).then()
                .body("version", equalTo(2)).body("document.extensionOverridesGroups", equalTo(false));
        admin().queryParam("version", 1).get("/admin/v1/connections/{c}/policy", scim.connection).then()
                .body("document.groupRules[1].group", equalTo("Supervisors"));
        admin().queryParam("version", 9).get("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(404);
        admin().get("/admin/v1/connections/no-such-conn/policy").then().statusCode(404);
    }

    @Test
    void badPoliciesAreRejectedWithEveryProblemNamed() {
        admin().body("""
                {"licenseOrder":["CX 1","CX 1"],
                 "groupRules":[{"group":"A","license":"CX 9","skills":{"French":-1}},{"group":"a"}],
                 "mappings":[{"from":"emails[type eq","to":"email"},{"from":"title","to":"shoeSize"},
                             {"from":"title","to":"extension","transform":"template","template":"no placeholder"},
                             {"from":"title","to":"site","transform":"reverse"},{"to":"queues","from":"title"},
                             {"to":"site"}],
                 "matching":{"by":["phone"]},"offboarding":{"onDelete":"shred"},
                 "prices":{"currency":"dollars","licenses":{"CX 1":-5}}}""")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(400)
                .body("error", equalTo("invalid_policy"))
                .body("violations.field", hasItems("licenseOrder", "groupRules[0].license", "groupRules[0].skills.French",
                        "groupRules[1].group", "mappings[0].from", "mappings[1].to", "mappings[2].template",
                        "mappings[3].transform", "mappings[4].to", "mappings[5]", "matching.by", "offboarding.onDelete",
                        "prices.currency", "prices.licenses.CX 1"));
        admin().body("{\"groupRules\":[{\"group\":\"A\",\"colour\":\"red\"}]}")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(400)
                .body("error", equalTo("unknown_field"));
        admin().body("{\"groupRules\":{\"group\":\"A\"}}")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(400);
        admin().body("{\"licenseOrder\":").put("/admin/v1/connections/{c}/policy", scim.connection).then()
                .statusCode(400).body("error", equalTo("malformed_json"));
        admin().get("/admin/v1/connections/{c}/policy", scim.connection).then().body("version", equalTo(0));
    }

    @Test
    void dryRunShowsTheMergedSeatAndThePlanWithoutTouchingTheVendor() {
        savePolicy();
        String id = userInGroups("Ada@Example.com", "CC Agents", "Supervisors");
        int calls = vendor.calls().size();
        admin().body("{\"userId\":\"" + id + "\"}").post("/admin/v1/connections/{c}/policy/dry-run", scim.connection)
                .then().statusCode(200)
                .body("desired.fields.license", equalTo("CX 3"))
                .body("desired.fields.roles", containsInAnyOrder("Agent", "Supervisor"))
                .body("desired.fields.skills", equalTo(Map.of("French", 4, "German", 1)))
                .body("desired.fields.queues", containsInAnyOrder("Escalations", "Sales"))
                .body("desired.fields.agent_groups", containsInAnyOrder("Tier 2"))
                .body("desired.fields.site", equalTo("Paris"))
                .body("desired.fields.email", equalTo("ada@example.com"))
                .body("desired.fields.extension", equalTo("91234"))
                .body("desired.fields.telephony_region", equalTo("EU"))
                .body("awaitingApproval", equalTo(List.of("Admin")))
                .body("applied", nullValue())
                .body("steps[0].type", equalTo("create"))
                .body("steps.field", hasItem("license"));
        assertEquals(calls, vendor.calls().size(), "a dry-run calls no vendor");
        admin().body("{\"userId\":\"" + id + "\",\"policy\":{\"extensionOverridesGroups\":false}}")
                .post("/admin/v1/connections/{c}/policy/dry-run", scim.connection).then().statusCode(200)
                .body("desired.fields", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("license")));
        admin().body("{\"userId\":\"nope\"}").post("/admin/v1/connections/{c}/policy/dry-run", scim.connection)
                .then().statusCode(400);
        admin().body("{\"userId\":\"00000000-0000-0000-0000-000000000000\"}")
                .post("/admin/v1/connections/{c}/policy/dry-run", scim.connection).then().statusCode(404);
        admin().body("{\"userId\":\"" + id + "\",\"policy\":{\"prices\":{\"currency\":\"x\"}}}")
                .post("/admin/v1/connections/{c}/policy/dry-run", scim.connection).then().statusCode(400)
                .body("violations[0].field", equalTo("policy.prices.currency"));
    }

    @Test
    void groupRulesDriveTheVendorAndGuardedRolesWaitForApproval() {
        savePolicy();
        String id = userInGroups("sup@example.com", "Supervisors");
        drain();
        Seat account = vendor.accountFor("sup@example.com").orElseThrow();
        assertEquals("CX 3", account.text(SeatField.LICENSE));
        assertEquals(Set.of("Supervisor"), account.get(SeatField.ROLES), "Admin waits for approval");
        String approval = admin().queryParam("connection", scim.connection).queryParam("status", "open")
                .get("/admin/v1/tasks").then()
                .body("items.kind", hasItem("role_approval"))
                .extract().path("items.find { it.kind == 'role_approval' }.id");
        admin().body("{\"closedBy\":\"cc-admin@example.com\"}").post("/admin/v1/tasks/{id}/complete", approval)
                .then().statusCode(200);
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Sup\"}"));
        drain();
        assertEquals(Set.of("Supervisor", "Admin"),
                vendor.accountFor("sup@example.com").orElseThrow().get(SeatField.ROLES));
    }

    @Test
    void offboardingFreesTheLicenseAndStatesTheCostAtStake() {
        savePolicy();
        String id = userInGroups("cost@example.com", "CC Agents");
        drain();
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
        drain();
        Seat account = vendor.accountFor("cost@example.com").orElseThrow();
        assertFalse(account.active());
        assertFalse(account.has(SeatField.LICENSE), "removeLicense frees the license");
        admin().queryParam("connection", scim.connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items.find { it.kind == 'billing_cancellation' }.monthlyCost", equalTo(115.0f))
                .body("items.find { it.kind == 'billing_cancellation' }.currency", equalTo("USD"));
        scim.request().delete(scim.path("/Users/" + id)).then().statusCode(204);
        drain();
        assertTrue(vendor.accountFor("cost@example.com").isEmpty(), "onDelete: delete");
    }

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void aDelayedDeleteDeactivatesFirstAndDeletesWhenDue() {
        admin().body("{\"offboarding\":{\"onDelete\":\"delete\",\"deleteAfterDays\":30}}")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(200);
        String id = userInGroups("later@example.com");
        drain();
        scim.request().delete(scim.path("/Users/" + id)).then().statusCode(204);
        drain();
        Seat account = vendor.accountFor("later@example.com").orElseThrow();
        assertFalse(account.active(), "deactivated at once");
        java.time.Instant due = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                (java.time.Instant) entityManager.createNativeQuery("select next_attempt_at from provisioning_job"
                        + " where state = 'pending' and user_id = cast(:u as uuid)").setParameter("u", id).getSingleResult());
        assertTrue(due.isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(29))), "comes back in 30 days: " + due);

        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update scim_user_tombstone set deleted_at = now() - interval '31 days'"
                    + " where user_id = cast(:u as uuid)").setParameter("u", id).executeUpdate();
            entityManager.createNativeQuery("update provisioning_job set next_attempt_at = now()"
                    + " where state = 'pending' and user_id = cast(:u as uuid)").setParameter("u", id).executeUpdate();
        });
        drain();
        assertTrue(vendor.accountFor("later@example.com").isEmpty(), "deleted once due");
        admin().body("{\"offboarding\":{\"deleteAfterDays\":-1}}")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(400)
                .body("violations.field", hasItem("offboarding.deleteAfterDays"));
    }

    @Test
    void withoutAPolicyAnIdpDeleteOnlyDeactivates() {
        String id = userInGroups("keep@example.com");
        drain();
        scim.request().delete(scim.path("/Users/" + id)).then().statusCode(204);
        drain();
        Seat account = vendor.accountFor("keep@example.com").orElseThrow();
        assertFalse(account.active(), "deactivated, not deleted, by default");
    }
}
