package dev.patchbay.connector.vcc;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Okta- and Entra-style SCIM requests to Patchbay, provisioned by the real VCC connector into the VCC
 * simulator; each test asserts the simulator's final state.
 */
@QuarkusTest
class VccEndToEndTest {

    private static final String POLICY = """
            {"groupRules":[
              {"group":"VCC Agents","precedence":10,"roles":["Agent"],"skills":{"Billing":5,"Technical":3},
               "agentGroups":["Tier 1"],"telephonyRegion":"UK"},
              {"group":"Tier 2 Agents","precedence":15,"roles":["Agent"],"skills":{"Technical":6},
               "agentGroups":["Tier 2"]},
              {"group":"VCC Supervisors","precedence":20,"roles":["Supervisor","ActAsAgent"],"agentGroups":["Tier 2"],
               "license":"analytics-viewer"}]%s}""";
    private static final String DELETE = ",\"offboarding\":{\"onDelete\":\"delete\"}";

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    EntityManager entityManager;

    private String connection;
    private final List<String> connections = new java.util.ArrayList<>();
    private EndToEnd e2e;

    @BeforeEach
    void fresh() {
        VccSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connect(Map.of(), "");
    }

    /** A new connection with these settings beside the simulator's, and the policy with {@code extra}. */
    private void connect(Map<String, Object> more, String extra) {
        connection = uniqueConnectionId("e2e-vcc");
        Map<String, Object> settings = new HashMap<>(VccSandbox.settings());
        settings.putAll(more);
        admin().body(Map.of("id", connection, "vendor", "vcc", "displayName", "VCC sandbox", "settings", settings))
                .post("/admin/v1/connections").then().statusCode(201);
        connections.add(connection);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy(POLICY.formatted(extra));
    }

    /** Jobs of a finished test's connection must not run into the next test's simulator. */
    @AfterEach
    void disconnect() {
        for (String id : connections) {
            admin().delete("/admin/v1/connections/{c}", id).then().statusCode(204);
        }
        connections.clear();
    }

    private String group(String name, String... members) {
        StringBuilder list = new StringBuilder();
        for (String member : members) {
            list.append(list.length() == 0 ? "" : ",").append("{\"value\":\"").append(member).append("\"}");
        }
        return e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[" + list + "]}").statusCode(201).extract().path("id");
    }

    private void patch(String id, String operations) {
        e2e.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}").statusCode(200);
    }

    private String entraCreate(String userName) {
        return e2e.scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"%1$s","active":"True",
                 "displayName":"Test User","emails":[{"primary":true,"type":"work","value":"%1$s"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[],"title":null,"addresses":null}""".formatted(userName)).statusCode(201).extract().path("id");
    }

    private JsonPath tasks(String status) {
        return admin().queryParam("connection", connection).queryParam("status", status).get("/admin/v1/tasks").then()
                .statusCode(200).extract().jsonPath();
    }

    private JsonPath allTasks() {
        return admin().queryParam("connection", connection).get("/admin/v1/tasks").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void anOktaUserBecomesAnAgentWithItsUsernameRoleAgentSettingsSkillsAndGroups() {
        String id = e2e.oktaCreate("jane.doe@example.com", "Jane", "Doe", "{}");
        group("VCC Agents", id);
        e2e.drain();
        JsonPath vcc = VccSandbox.state();
        String jane = VccSandbox.user("jane_doe_example_com");
        assertEquals(1, vcc.getList("users").size());
        assertEquals(e2e.vendorId(id), vcc.getString(jane + ".userId"));
        assertEquals("jane.doe@example.com", vcc.getString(jane + ".email"));
        assertEquals("jane.doe@example.com", vcc.getString(jane + ".ssoExternalId"), "whose account it is");
        assertEquals("Jane Doe", vcc.getString(jane + ".name"));
        assertEquals("Agent", vcc.getString(jane + ".userAccountConfiguration.role"));
        String agent = jane + ".userAccountConfiguration.agentConfiguration";
        assertEquals(true, vcc.getBoolean(agent + ".webrtc"), "no phone: WebRTC");
        assertEquals("GB", vcc.getString(agent + ".location"));
        assertEquals(3, vcc.getInt(agent + ".capacity.nonLive"));
        assertEquals(VccSandbox.UK, vcc.getString(agent + ".telephonyAddress.outboundTelephonyRegion"),
                "the region's name became its GUID");
        assertEquals(Map.of("Billing", 5, "Technical", 3), vcc.getMap(jane + ".skills"));
        assertEquals(List.of("Tier 1"), vcc.getList(jane + ".groups"));
        assertEquals("provisioned", e2e.state(id));
        admin().get("/admin/v1/connections/{c}", connection).then().body("health.state", equalTo("up"));

        patch(id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Jane Q. Doe\"},"
                + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"jane@example.com\"}]");
        e2e.drain();
        vcc = VccSandbox.state();
        assertEquals("Jane Q. Doe", vcc.getString(jane + ".name"));
        assertEquals("jane@example.com", vcc.getString(jane + ".email"));
        assertEquals(1, vcc.getInt("tokensIssued"), "one access token served every call");
    }

    @Test
    void twoIdpUsersMappingToOneUsernameFailTheSecondAndLeaveTheFirstAlone() {
        String first = e2e.oktaCreate("jane.doe@example.com", "Jane", "Doe", "{}");
        e2e.drain();
        String second = e2e.oktaCreate("jane_doe@example.com", "Janet", "Doe", "{}");
        e2e.drain();
        JsonPath vcc = VccSandbox.state();
        assertEquals(1, vcc.getList("users").size(), "no second account, no overwrite");
        assertEquals("Jane Doe", vcc.getString(VccSandbox.user("jane_doe_example_com") + ".name"));
        assertEquals("jane.doe@example.com", vcc.getString(VccSandbox.user("jane_doe_example_com") + ".ssoExternalId"));
        assertEquals("provisioned", e2e.state(first));
        assertEquals("failed", e2e.state(second));
        e2e.scim("GET", "/Users/" + second, null).body("'" + EndToEnd.PATCHBAY + "'.provisioning.lastError",
                containsString("maps to the VCC username jane_doe_example_com"));
    }

    @Test
    void aFirstNameChangeRenamesAUserWithoutADisplayName() {
        String id = e2e.scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"mary@example.com",
                 "name":{"givenName":"Mary","familyName":"Somerville"},
                 "emails":[{"primary":true,"type":"work","value":"mary@example.com"}],"active":true}""")
                .statusCode(201).extract().path("id");
        e2e.drain();
        assertEquals("Mary Somerville", VccSandbox.state().getString(VccSandbox.user("mary_example_com") + ".name"));

        patch(id, "[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Maria\"}]");
        e2e.drain();
        assertEquals("Maria Somerville", VccSandbox.state().getString(VccSandbox.user("mary_example_com") + ".name"),
                "the family name travels with the changed first name");
    }

    @Test
    void anArchivedAccountOfTheUserIsAdoptedAndRestored() {
        String archived = VccSandbox.createByHand("""
                {"username":"ada_example_com","name":"Ada Lovelace","email":"ada@example.com","active":false,
                 "userAccountConfiguration":{"role":"Agent","agentConfiguration":{"webrtc":true}}}""");
        String id = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", "{}");
        e2e.drain();
        e2e.settle();
        JsonPath vcc = VccSandbox.state();
        assertEquals(1, vcc.getList("users.findAll { it.username == 'ada_example_com' }").size(), "no second account");
        assertEquals(archived, e2e.vendorId(id), "the archived account is the user's");
        assertEquals(true, vcc.getBoolean(VccSandbox.user("ada_example_com") + ".active"), "restored");
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void accountsMadeByHandAreAdoptedAndAWaveOfCreatesListsTheAccountOnce() {
        String alan = VccSandbox.createByHand("""
                {"username":"alan_turing_example_com","name":"Alan Turing","email":"alan.turing@example.com",
                 "userAccountConfiguration":{"role":"Agent","agentConfiguration":{"webrtc":true}}}""");
        String grace = VccSandbox.createByHand("""
                {"username":"ghopper","name":"Grace Hopper","email":"grace@example.com",
                 "userAccountConfiguration":{"role":"Supervisor"}}""");
        String a = e2e.oktaCreate("alan.turing@example.com", "Alan", "Turing", "{}");
        String g = e2e.oktaCreate("grace@example.com", "Grace", "Hopper", "{}");
        String[] others = new String[4];
        for (int i = 0; i < others.length; i++) {
            others[i] = e2e.oktaCreate("new" + i + "@example.com", "New", "Agent" + i, "{}");
        }
        e2e.drain();
        JsonPath vcc = VccSandbox.state();
        assertEquals(alan, e2e.vendorId(a), "adopted by username and email");
        assertEquals(grace, e2e.vendorId(g), "adopted by email (the username is not the rule's)");
        assertEquals(6, vcc.getList("users").size(), "no duplicate");
        assertTrue(vcc.getInt("listings") <= 2, "the listing is reused for a wave of creates: " + vcc.getInt("listings"));
        for (String other : others) {
            assertEquals("provisioned", e2e.state(other));
        }
    }

    @Test
    void allowToActAsAgentWaitsForAnApprovalAndIsNeverRevoked() {
        connect(Map.of("defaultRole", "Supervisor"), "");
        String id = e2e.oktaCreate("sam@example.com", "Sam", "Super", "{}");
        String supervisors = group("VCC Supervisors", id);
        e2e.drain();
        String sam = VccSandbox.user("sam_example_com");
        JsonPath vcc = VccSandbox.state();
        assertEquals("Supervisor", vcc.getString(sam + ".userAccountConfiguration.role"));
        assertEquals(false, vcc.getBoolean(sam + ".userAccountConfiguration.actAsAgent"), "not before the approval");
        assertEquals(List.of("Tier 2"), vcc.getList(sam + ".groups"));
        assertEquals("viewer", vcc.getString(sam + ".licenseTypes.analytics"), "the add-on license");
        String approval = tasks("open").getString("items.find { it.kind == 'role_approval' }.id");
        assertEquals("role:ActAsAgent", tasks("open").getString("items.find { it.kind == 'role_approval' }.field"));
        admin().body("{\"closedBy\":\"it@example.com\"}").post("/admin/v1/tasks/{id}/complete", approval).then()
                .statusCode(200);
        e2e.drain(); // the completed approval synced the user; VCC declares the approval, the policy names none
        vcc = VccSandbox.state();
        assertEquals(true, vcc.getBoolean(sam + ".userAccountConfiguration.actAsAgent"));
        assertEquals("GB", vcc.getString(sam + ".userAccountConfiguration.agentConfiguration.location"));

        // The IdP takes the supervisor group away: VCC keeps act as agent, a person is told.
        e2e.scim("DELETE", "/Groups/" + supervisors, null).statusCode(204);
        e2e.drain();
        vcc = VccSandbox.state();
        assertEquals("Supervisor", vcc.getString(sam + ".userAccountConfiguration.role"), "the default role");
        assertEquals(true, vcc.getBoolean(sam + ".userAccountConfiguration.actAsAgent"));
        assertTrue(tasks("open").<String>getList("items.kind").contains("vcc_act_as_agent_irrevocable"));
    }

    @Test
    void skillsAndGroupsMergeKeepingWhatWasAddedByHand() {
        connect(Map.of(), "");
        String id = e2e.oktaCreate("mia@example.com", "Mia", "Merge", "{}");
        String agents = group("VCC Agents", id);
        e2e.drain();
        String vendorId = e2e.vendorId(id);
        VccSandbox.CONTROL.put("users/" + vendorId + "/skills", "{\"agentSkills\":[{\"skillId\":\"" + VccSandbox.BILLING
                + "\",\"agentSkillLevel\":5},{\"skillId\":\"" + VccSandbox.TECHNICAL + "\",\"agentSkillLevel\":3},"
                + "{\"skillId\":\"" + VccSandbox.SPANISH + "\",\"agentSkillLevel\":7}]}").then().statusCode(200);
        VccSandbox.CONTROL.put("users/" + vendorId + "/groups", "{\"agentGroups\":[{\"groupId\":\"" + VccSandbox.TIER_1
                + "\"},{\"groupId\":\"" + VccSandbox.ESCALATIONS + "\"}]}").then().statusCode(200);

        // From the tier 1 to the tier 2 agents in the IdP.
        e2e.scim("DELETE", "/Groups/" + agents, null).statusCode(204);
        group("Tier 2 Agents", id);
        e2e.drain();
        JsonPath vcc = VccSandbox.state();
        String mia = VccSandbox.user("mia_example_com");
        assertEquals(Map.of("Technical", 6, "Spanish", 7), vcc.getMap(mia + ".skills"),
                "Spanish (by hand) kept, Billing (Patchbay's, no longer granted) taken away, Technical raised");
        assertEquals(List.of("Escalations", "Tier 2"), vcc.<String>getList(mia + ".groups").stream().sorted().toList(),
                "Escalations (by hand) kept, Tier 1 (Patchbay's, no longer granted) left");
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void anIdpAuthoritativeForSkillsReplacesTheWholeList() {
        // The policy says so (the connection's settings could too; the policy wins).
        connect(Map.of(), ",\"vendorOptions\":{\"idpAuthoritative\":[\"skills\"]}");
        String id = e2e.oktaCreate("ida@example.com", "Ida", "Auth", "{\"skills\":[{\"name\":\"Billing\",\"level\":4}]}");
        e2e.drain();
        VccSandbox.CONTROL.put("users/" + e2e.vendorId(id) + "/skills", "{\"agentSkills\":[{\"skillId\":\""
                + VccSandbox.SPANISH + "\",\"agentSkillLevel\":7}]}").then().statusCode(200);
        patch(id, "[{\"op\":\"replace\",\"path\":\"" + EndToEnd.PATCHBAY + ":skills\",\"value\":"
                + "[{\"name\":\"Billing\",\"level\":4},{\"name\":\"Technical\",\"level\":2}]}]");
        e2e.drain();
        assertEquals(Map.of("Billing", 4, "Technical", 2), VccSandbox.state().getMap(VccSandbox.user("ida_example_com")
                + ".skills"), "the hand-made Spanish is gone: the IdP owns the list");
    }

    @Test
    void aPolicysVendorOptionsAreCheckedAsTheSettingsTheyStandFor() {
        admin().body("{\"vendorOptions\":{\"clientSecret\":\"x\"}}").put("/admin/v1/connections/{c}/policy", connection)
                .then().statusCode(400).body("violations[0].field", equalTo("vendorOptions.clientSecret"))
                .body("violations[0].message", containsString("idpAuthoritative"));
        admin().body("{\"vendorOptions\":{\"idpAuthoritative\":[\"queues\"]}}")
                .put("/admin/v1/connections/{c}/policy", connection)
                .then().statusCode(400).body("violations[0].field", equalTo("vendorOptions.idpAuthoritative"))
                .body("violations[0].message", containsString("'queues' is not one of skills, agentGroups"));
        admin().get("/admin/v1/connections/{c}/policy", connection).then().statusCode(200)
                .body("document.vendorOptions", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anEntraDisableArchivesAndADeleteDeletesOnlyAfterArchiving() {
        connect(Map.of(), DELETE);
        String id = entraCreate("Test_User_00aa00aa@contoso.com");
        group("VCC Agents", id);
        e2e.drain();
        String user = VccSandbox.user("Test_User_00aa00aa_contoso_com");
        assertEquals(true, VccSandbox.state().getBoolean(user + ".active"));
        patch(id, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        e2e.drain();
        assertEquals(false, VccSandbox.state().getBoolean(user + ".active"), "archived, not deleted");
        e2e.scim("DELETE", "/Users/" + id, null).statusCode(204);
        e2e.drain();
        assertNull(VccSandbox.state().get(user), "deleted once archived");

        String okta = e2e.oktaCreate("active.leaver@example.com", "Active", "Leaver", "{}");
        e2e.drain();
        e2e.scim("DELETE", "/Users/" + okta, null).statusCode(204);
        e2e.drain();
        assertEquals(0, VccSandbox.state().getList("users").size(), "archived first, then deleted");
    }

    @Test
    void aUserWithApiCredentialsIsDeletedOnceAPersonDeletedThem() {
        connect(Map.of(), DELETE);
        String id = e2e.oktaCreate("bot.owner@example.com", "Bot", "Owner", "{}");
        e2e.drain();
        String vendorId = e2e.vendorId(id);
        VccSandbox.portal(vendorId, Map.of("apiCredentials", 1));
        e2e.scim("DELETE", "/Users/" + id, null).statusCode(204);
        e2e.drain();
        String user = VccSandbox.user("bot_owner_example_com");
        assertEquals(false, VccSandbox.state().getBoolean(user + ".active"), "archived, kept for its credentials");
        assertTrue(tasks("open").<String>getList("items.kind").contains("delete_vcc_api_credentials"));

        VccSandbox.portal(vendorId, Map.of("apiCredentials", 0));
        e2e.settle();
        assertNull(VccSandbox.state().get(user), "deleted");
        assertEquals("verified", allTasks().getString("items.find { it.kind == 'delete_vcc_api_credentials' }.status"));
    }

    @Test
    void agentsBeyondTheLicencesWaitForLicencesOrGoThroughWithOverages() {
        VccSandbox.CONTROL.settings(Map.of("agentLicences", 1));
        VccSandbox.createByHand("""
                {"username":"first_agent","name":"First","email":"first@example.com",
                 "userAccountConfiguration":{"role":"Agent","agentConfiguration":{"webrtc":true}}}""");
        String id = e2e.oktaCreate("late@example.com", "Late", "Agent", "{}");
        e2e.drain();
        assertEquals(1, VccSandbox.state().getList("users").size());
        assertEquals("needs_action", e2e.state(id));
        assertTrue(tasks("open").<String>getList("items.kind").contains("buy_vcc_agent_licences"));

        VccSandbox.CONTROL.settings(Map.of("agentLicences", 2));
        queue.enqueueUsersWithOpenTasks();
        e2e.settle();
        assertEquals(true, VccSandbox.state().getBoolean(VccSandbox.user("late_example_com") + ".active"));
        assertEquals("provisioned", e2e.state(id));
        assertEquals("verified", allTasks().getString("items.find { it.kind == 'buy_vcc_agent_licences' }.status"));

        VccSandbox.CONTROL.settings(Map.of("agentLicences", 3));
        connect(Map.of("allowOverages", true), ",\"prices\":{\"currency\":\"USD\",\"licenses\":{\"agent\":95}}");
        String within = e2e.oktaCreate("within@example.com", "Within", "Licences", "{}");
        e2e.drain();
        assertTrue(tasks("open").<String>getList("items.kind").stream().noneMatch("vcc_agent_overage"::equals),
                "an agent within the licences is no overage: " + tasks("open").getList("items.kind"));
        String over = e2e.oktaCreate("over@example.com", "Over", "Age", "{}");
        e2e.drain();
        assertEquals(4, VccSandbox.state().getInt("chargeableAgents"), "one agent beyond the three licences");
        JsonPath open = tasks("open");
        assertEquals(1, open.getList("items.findAll { it.kind == 'vcc_agent_overage' }").size());
        assertEquals(over, open.getString("items.find { it.kind == 'vcc_agent_overage' }.userId"));
        assertEquals(95.0f, open.getFloat("items.find { it.kind == 'vcc_agent_overage' }.monthlyCost"),
                "the overage charge the policy prices an agent licence at");
        assertEquals("needs_action", e2e.state(over));
        assertEquals("provisioned", e2e.state(within));
    }

    @Test
    void aFairUseStormEndsInTheRightStateWithOneAccountEach() {
        VccSandbox.fault(Map.of("type", "status", "status", 429, "api", "useradmin", "count", 6));
        VccSandbox.fault(Map.of("type", "status", "status", 503, "api", "useradmin", "count", 1));
        String[] ids = new String[3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = e2e.oktaCreate("storm" + i + "@example.com", "Storm", "User" + i, "{}");
        }
        group("VCC Agents", ids);
        e2e.drain();
        e2e.settle();
        JsonPath vcc = VccSandbox.state();
        assertEquals(0, vcc.getList("faults").size(), "the storm passed");
        assertEquals(3, vcc.getList("users").size(), "one account each, however often the calls were retried");
        for (int i = 0; i < ids.length; i++) {
            assertEquals("provisioned", e2e.state(ids[i]));
            String user = VccSandbox.user("storm" + i + "_example_com");
            assertEquals(Map.of("Billing", 5, "Technical", 3), vcc.getMap(user + ".skills"));
            assertEquals(List.of("Tier 1"), vcc.getList(user + ".groups"));
        }
        assertEquals(0, admin().get("/admin/v1/connections/{c}/jobs/dead", connection).then().statusCode(200)
                .extract().jsonPath().getList("items").size());
    }

    @Test
    void theFairUseLimitPausesTheWholeConnectionAndEveryUserEndsProvisioned() {
        VccSandbox.CONTROL.settings(Map.of("fairUseCalls", 12, "fairUseWindowSeconds", 60));
        String[] ids = new String[4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = e2e.oktaCreate("fair" + i + "@example.com", "Fair", "User" + i, "{}");
        }
        group("VCC Agents", ids);
        e2e.drain();
        assertTrue(VccSandbox.state().getInt("refusedForFairUse") > 0, "the account's budget ran out");
        Object paused = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select max(paused_until) from rate_limit_window where connection_id = :c")
                .setParameter("c", connection).getSingleResult());
        assertTrue(paused != null, "a bare 429 pauses the connection in PostgreSQL, for every instance");
        for (int round = 0; round < 10; round++) {
            VccSandbox.CONTROL.advanceClock(60_000);
            e2e.settle();
        }
        JsonPath vcc = VccSandbox.state();
        assertEquals(4, vcc.getList("users").size(), "one account each");
        for (int i = 0; i < ids.length; i++) {
            assertEquals("provisioned", e2e.state(ids[i]));
            assertEquals(Map.of("Billing", 5, "Technical", 3),
                    vcc.getMap(VccSandbox.user("fair" + i + "_example_com") + ".skills"));
        }
    }

    @Test
    void aUserNameChangeIsATaskOrWithThePolicysConsentARecreate() {
        String id = e2e.oktaCreate("old.name@example.com", "Ada", "Lovelace", "{}");
        e2e.drain();
        patch(id, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"new.name@example.com\"},"
                + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada Byron\"}]");
        e2e.drain();
        JsonPath vcc = VccSandbox.state();
        assertEquals(1, vcc.getList("users").size());
        assertEquals("Ada Byron", vcc.getString(VccSandbox.user("old_name_example_com") + ".name"), "the rest syncs");
        assertTrue(tasks("open").<String>getList("items.kind").contains("immutable_change"));

        e2e.policy(POLICY.formatted(",\"immutableChanges\":{\"recreate\":true}"));
        patch(id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada King\"}]");
        e2e.drain();
        vcc = VccSandbox.state();
        assertEquals(2, vcc.getList("users").size());
        assertFalse(vcc.getBoolean(VccSandbox.user("old_name_example_com") + ".active"), "archived");
        assertEquals("retired:old.name@example.com", vcc.getString(VccSandbox.user("old_name_example_com")
                + ".ssoExternalId"));
        assertEquals(true, vcc.getBoolean(VccSandbox.user("new_name_example_com") + ".active"));
        assertEquals(vcc.getString(VccSandbox.user("new_name_example_com") + ".userId"), e2e.vendorId(id));
    }

    @Test
    void aPhoneAndAnAgentIdAreSentAtCreationAndTheAgentIdIsNeverChanged() {
        String id = e2e.scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"phil@example.com",
                 "displayName":"Phil Phone","emails":[{"type":"work","value":"phil@example.com"}],
                 "phoneNumbers":[{"type":"work","value":"+441632960000"}],
                 "%1$s":{"extension":"4711","roles":["Agent"],"telephonyRegion":"US"}}""".formatted(EndToEnd.PATCHBAY))
                .statusCode(201).extract().path("id");
        e2e.drain();
        String agent = VccSandbox.user("phil_example_com") + ".userAccountConfiguration.agentConfiguration";
        JsonPath vcc = VccSandbox.state();
        assertEquals("4711", vcc.getString(agent + ".agentDisplayId"));
        assertEquals(false, vcc.getBoolean(agent + ".webrtc"), "a phone: no WebRTC");
        assertEquals("+441632960000", vcc.getString(agent + ".telephonyAddress.telephoneAddress"));
        assertEquals("53000000-0000-4000-8000-000000000002",
                vcc.getString(agent + ".telephonyAddress.outboundTelephonyRegion"));

        patch(id, "[{\"op\":\"replace\",\"path\":\"" + EndToEnd.PATCHBAY + ":extension\",\"value\":\"4712\"}]");
        e2e.drain();
        assertEquals("4711", VccSandbox.state().getString(agent + ".agentDisplayId"), "set once");
        assertTrue(tasks("open").<String>getList("items.field").contains("extension"));
    }

    @Test
    void aUserOfSeveralAccountsIsArchivedOnlyWithTheConnectionsConsent() {
        String id = entraCreate("multi@contoso.com");
        e2e.drain();
        VccSandbox.portal(e2e.vendorId(id), Map.of("multipleAccounts", true));
        patch(id, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        e2e.drain();
        String user = VccSandbox.user("multi_contoso_com");
        assertEquals(true, VccSandbox.state().getBoolean(user + ".active"));
        assertTrue(tasks("open").<String>getList("items.kind").contains("vcc_archive_multiple_accounts"));

        admin().body(Map.of("displayName", "VCC sandbox", "settings",
                settingsWith(Map.of("acceptArchiveInMultipleAccounts", true))))
                .put("/admin/v1/connections/{c}", connection).then().statusCode(200);
        e2e.settle();
        assertEquals(false, VccSandbox.state().getBoolean(user + ".active"), "archived in every account");
    }

    @Test
    void aSupervisorsSkillsWaitUntilTheyMayActAsAnAgent() {
        e2e.policy("""
                {"groupRules":[{"group":"Leads","roles":["Supervisor","ActAsAgent"],"skills":{"Technical":8}}]}""");
        String id = e2e.oktaCreate("lead@example.com", "Lea", "Lead", "{}");
        group("Leads", id);
        e2e.drain();
        String lead = VccSandbox.user("lead_example_com");
        assertEquals("Supervisor", VccSandbox.state().getString(lead + ".userAccountConfiguration.role"));
        assertEquals(Map.of(), VccSandbox.state().getMap(lead + ".skills"));
        assertEquals("needs_action", e2e.state(id), "not failed: the skills wait");
        assertTrue(tasks("open").<String>getList("items.kind").contains("vcc_skills_need_agent"));

        String approval = tasks("open").getString("items.find { it.kind == 'role_approval' }.id");
        admin().body("{\"closedBy\":\"it@example.com\"}").post("/admin/v1/tasks/{id}/complete", approval).then()
                .statusCode(200);
        e2e.settle();
        assertEquals(Map.of("Technical", 8), VccSandbox.state().getMap(lead + ".skills"));
        assertEquals("verified", allTasks().getString("items.find { it.kind == 'vcc_skills_need_agent' }.status"));
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void aPolicyNamingWhatTheAccountLacksIsRefused() {
        admin().body("""
                {"groupRules":[{"group":"Stars","roles":["Astronaut"],"skills":{"Astrology":5},
                  "agentGroups":["Moon"],"license":"analytics-owner"}]}""")
                .put("/admin/v1/connections/{c}/policy", connection).then().statusCode(400)
                .body(containsString("Astronaut")).body(containsString("Astrology")).body(containsString("Moon"))
                .body(containsString("analytics-owner"));
    }

    private static Map<String, Object> settingsWith(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(VccSandbox.settings());
        settings.putAll(more);
        return settings;
    }
}
