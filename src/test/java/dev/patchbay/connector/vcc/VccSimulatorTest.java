package dev.patchbay.connector.vcc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VCC simulator enforces the documented rules of the token endpoint and the User Admin API. */
@QuarkusTest
class VccSimulatorTest {

    private static final String AGENT = """
            {"username":"%s","name":"Ada Lovelace","email":"%s@example.com",
             "userAccountConfiguration":{"role":"Agent","agentConfiguration":{"webrtc":true%s}}}""";

    private String token;

    @BeforeEach
    void fresh() {
        VccSandbox.reset();
        token = VccSandbox.token("users:read users:write");
    }

    private RequestSpecification api() {
        return given().auth().oauth2(token).accept(VccSandbox.MEDIA_TYPE).contentType("application/json");
    }

    private String agent(String username, String more) {
        return api().body(AGENT.formatted(username, username, more)).post(VccSandbox.base() + "/useradmin/users")
                .then().statusCode(201).extract().path("userId");
    }

    @Test
    void tokensNeedTheRightClientAndScopesAndLive7200Seconds() {
        String url = VccSandbox.base() + "/Auth/connect/token";
        given().formParam("grant_type", "client_credentials").formParam("client_id", VccSandbox.CLIENT)
                .formParam("client_secret", "wrong").formParam("scope", "users:read").post(url).then().statusCode(401);
        given().formParam("grant_type", "client_credentials").formParam("client_id", VccSandbox.CLIENT)
                .formParam("client_secret", VccSandbox.SECRET).post(url).then().statusCode(400)
                .body("error", equalTo("invalid_scope"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", VccSandbox.CLIENT)
                .formParam("client_secret", VccSandbox.SECRET).formParam("scope", "users:read users:write")
                .post(url).then().statusCode(200).body("expires_in", equalTo(7200))
                .body("token_type", equalTo("Bearer"));
        String readOnly = VccSandbox.token("users:read");
        given().auth().oauth2(readOnly).accept(VccSandbox.MEDIA_TYPE).get(VccSandbox.base() + "/useradmin/users")
                .then().statusCode(200);
        given().auth().oauth2(readOnly).accept(VccSandbox.MEDIA_TYPE).contentType("application/json")
                .body(AGENT.formatted("ro", "ro", "")).post(VccSandbox.base() + "/useradmin/users").then()
                .statusCode(403);
        VccSandbox.CONTROL.advanceClock(7_200_000);
        api().get(VccSandbox.base() + "/useradmin/users").then().statusCode(401);
    }

    @Test
    void theVersionedAcceptHeaderIsRequired() {
        given().auth().oauth2(token).get(VccSandbox.base() + "/useradmin/users").then().statusCode(400)
                .body("message", equalTo("Version missing from Accept header!"));
        given().auth().oauth2(token).accept("application/vnd.newvoicemedia.v3+json")
                .get(VccSandbox.base() + "/useradmin/users").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("Invalid api-version"));
        api().get(VccSandbox.base() + "/useradmin/users").then().statusCode(200).body("meta.totalCount", equalTo(0));
    }

    @Test
    void createEnforcesRequiredFieldsRolesUsernamesAndAgentSettings() {
        String users = VccSandbox.base() + "/useradmin/users";
        api().body("{\"username\":\"x\",\"name\":\"X\",\"email\":\"x@example.com\"}").post(users).then()
                .statusCode(400).body("message", equalTo("userAccountConfiguration.role is required"));
        api().body("{\"username\":\"x\",\"name\":\"X\",\"email\":\"x@example.com\",\"userAccountConfiguration\":"
                + "{\"role\":\"Owner\"}}").post(users).then().statusCode(400);
        api().body("{\"name\":\"X\",\"email\":\"x@example.com\",\"userAccountConfiguration\":{\"role\":\"Admin\"}}")
                .post(users).then().statusCode(400).body("message", equalTo("username is required"));
        api().body(AGENT.formatted("jane.doe", "jane", "")).post(users).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("alphanumeric characters and underscores"));
        api().body("{\"username\":\"sup\",\"name\":\"S\",\"email\":\"s@example.com\",\"userAccountConfiguration\":"
                + "{\"role\":\"Supervisor\",\"actAsAgent\":true}}").post(users).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("agentConfiguration is required"));
        String id = agent("jane_doe", ",\"agentDisplayId\":\"4711\"");
        api().body(AGENT.formatted("JANE_DOE", "other", "")).post(users).then().statusCode(409)
                .body("message", org.hamcrest.Matchers.containsString("Duplicate username"));
        api().get(users + "/" + id).then().statusCode(200).body("lastLoginTime", nullValue())
                .body("userAccountConfiguration.chargeable", equalTo(true))
                .body("userAccountConfiguration.actAsAgent", equalTo(true));
        api().body("{\"username\":\"jane_doe2\"}").patch(users + "/" + id).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("cannot edit a username"));
        api().body("{\"userAccountConfiguration\":{\"agentConfiguration\":{\"agentDisplayId\":\"4712\"}}}")
                .patch(users + "/" + id).then().statusCode(400)
                .body("message", equalTo("agentDisplayId can be set only once"));
        api().body("{\"userAccountConfiguration\":{\"role\":\"Supervisor\",\"actAsAgent\":false}}")
                .patch(users + "/" + id).then().statusCode(400)
                .body("message", equalTo("Allow to act as agent cannot be revoked"));
        api().body("{\"userAccountConfiguration\":{\"agentConfiguration\":{\"telephonyAddress\":"
                + "{\"outboundTelephonyRegion\":\"00000000-0000-4000-8000-00000000dead\"}}}}")
                .patch(users + "/" + id).then().statusCode(400);
        api().body("{\"name\":\"Jane D.\",\"userAccountConfiguration\":{\"role\":\"Supervisor\"}}")
                .patch(users + "/" + id).then().statusCode(200).body("name", equalTo("Jane D."))
                .body("email", equalTo("jane_doe@example.com"))
                .body("userAccountConfiguration.actAsAgent", equalTo(true)); // kept: it can never be revoked
    }

    @Test
    void agentsBeyondTheLicencesNeedAllowOverages() {
        VccSandbox.CONTROL.settings(Map.of("agentLicences", 1));
        agent("first", "");
        String users = VccSandbox.base() + "/useradmin/users";
        api().body(AGENT.formatted("second", "second", "")).post(users).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("allowOverages"));
        api().body("{\"username\":\"boss\",\"name\":\"B\",\"email\":\"b@example.com\",\"userAccountConfiguration\":"
                + "{\"role\":\"Admin\"}}").post(users).then().statusCode(201);
        api().queryParam("allowOverages", true).body(AGENT.formatted("second", "second", "")).post(users).then()
                .statusCode(201);
        assertEquals(2, VccSandbox.state().getInt("chargeableAgents"));
    }

    @Test
    void listingPagesWithMetaAndIncludeButHasNoFilter() {
        String archived = agent("a1", "");
        agent("a2", "");
        agent("a3", "");
        String users = VccSandbox.base() + "/useradmin/users";
        api().body("{\"active\":false}").patch(users + "/" + archived).then().statusCode(200);
        api().queryParam("limit", 5001).get(users).then().statusCode(400);
        api().get(users).then().statusCode(200).body("meta.totalCount", equalTo(2));
        api().queryParam("include", "Archived").get(users).then().body("items.username", equalTo(List.of("a1")));
        api().queryParam("include", "All").queryParam("limit", 2).queryParam("page", 1).get(users).then()
                .body("meta.pageCount", equalTo(2)).body("meta.count", equalTo(2)).body("meta.totalCount", equalTo(3))
                .body("items.username", equalTo(List.of("a1", "a2")));
        api().queryParam("include", "All").queryParam("limit", 2).queryParam("page", 0).get(users).then()
                .body("items.username", equalTo(List.of("a1", "a2")));
        api().queryParam("include", "All").queryParam("limit", 2).queryParam("page", 2).get(users).then()
                .body("items.username", equalTo(List.of("a3")));
        api().queryParam("username", "a3").get(users).then().body("meta.totalCount", equalTo(2));
    }

    @Test
    void deleteNeedsAnArchivedUserWithoutApiCredentials() {
        String id = agent("leaver", "");
        String user = VccSandbox.base() + "/useradmin/users/" + id;
        api().delete(user).then().statusCode(400)
                .body("message", equalTo("The target user must be archived before deletion."));
        VccSandbox.portal(id, Map.of("multipleAccounts", true, "apiCredentials", 1));
        api().body("{\"active\":false}").patch(user).then().statusCode(400);
        api().queryParam("acceptArchiveInMultipleAccounts", true).body("{\"active\":false}").patch(user).then()
                .statusCode(200).body("active", equalTo(false));
        api().delete(user).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("API credentials"));
        VccSandbox.portal(id, Map.of("apiCredentials", 0));
        api().delete(user).then().statusCode(200);
        api().get(user).then().statusCode(404).body("message", org.hamcrest.Matchers.containsString("not found"));
    }

    @Test
    void skillsAndGroupsAreReplacedWholeAndLicensesPatched() {
        String id = agent("skilled", "");
        String user = VccSandbox.base() + "/useradmin/users/" + id;
        api().body("{\"agentSkills\":[{\"skillId\":\"" + VccSandbox.BILLING + "\",\"agentSkillLevel\":6},"
                + "{\"skillId\":\"" + VccSandbox.SPANISH + "\",\"agentSkillLevel\":2}]}").put(user + "/skills")
                .then().statusCode(200);
        api().body("{\"agentSkills\":[{\"skillId\":\"" + VccSandbox.TECHNICAL + "\",\"agentSkillLevel\":9}]}")
                .put(user + "/skills").then().statusCode(200)
                .body("agentSkills.skillName", equalTo(List.of("Technical")))
                .body("agentSkills[0].agentSkillLevel", equalTo(9));
        api().body("{\"agentSkills\":[{\"skillId\":\"" + VccSandbox.TECHNICAL + "\",\"agentSkillLevel\":11}]}")
                .put(user + "/skills").then().statusCode(400);
        api().body("{\"agentSkills\":[{\"skillId\":\"nope\",\"agentSkillLevel\":3}]}").put(user + "/skills").then()
                .statusCode(400);
        api().body("{\"agentGroups\":[{\"groupId\":\"" + VccSandbox.TIER_1 + "\"}]}").put(user + "/groups").then()
                .statusCode(200);
        api().body("{\"agentGroups\":[{\"groupId\":\"" + VccSandbox.ESCALATIONS + "\"}]}").put(user + "/groups")
                .then().statusCode(200).body("agentGroups.groupName", equalTo(List.of("Escalations")));
        api().body("{\"licenseTypes\":{\"analytics\":\"viewer\",\"krispnoisecancellation\":\"enabled\"}}")
                .patch(user + "/licenses").then().statusCode(200).body("licenseTypes.analytics", equalTo("viewer"));
        api().body("{\"licenseTypes\":{\"analytics\":\"owner\"}}").patch(user + "/licenses").then().statusCode(400);
    }

    @Test
    void theFairUseLimitCountsEveryCallAndAnswers429WithoutRetryAfter() {
        // The token fetched before this test is the window's first call; the token endpoint counts too.
        VccSandbox.CONTROL.settings(Map.of("fairUseCalls", 4, "fairUseWindowSeconds", 60));
        String users = VccSandbox.base() + "/useradmin/users";
        api().get(users).then().statusCode(200);
        api().get(users).then().statusCode(200);
        VccSandbox.token("users:read");
        api().get(users).then().statusCode(429).header("Retry-After", nullValue())
                .body("message", equalTo("Too Many Requests"));
        VccSandbox.CONTROL.advanceClock(60_000);
        api().get(users).then().statusCode(200);
    }
}
