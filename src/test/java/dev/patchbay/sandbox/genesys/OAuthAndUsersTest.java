package dev.patchbay.sandbox.genesys;

import static dev.patchbay.sandbox.genesys.Genesys.API;
import static dev.patchbay.sandbox.genesys.Genesys.api;
import static dev.patchbay.sandbox.genesys.Genesys.createUser;
import static dev.patchbay.sandbox.genesys.Genesys.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OAuthAndUsersTest {

    private String token;

    @BeforeEach
    void reset() {
        Genesys.SANDBOX.reset();
        token = Genesys.token();
    }

    @Test
    void clientCredentialsGiveABearerTokenOfADay() {
        given().auth().preemptive().basic(Genesys.CLIENT_ID, Genesys.CLIENT_SECRET)
                .contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials")
                .post(Genesys.TOKEN).then().statusCode(200)
                .body("access_token", notNullValue()).body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(86400));
    }

    @Test
    void wrongClientCredentialsAre401() {
        given().auth().preemptive().basic(Genesys.CLIENT_ID, "wrong")
                .contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials")
                .post(Genesys.TOKEN).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials")
                .post(Genesys.TOKEN).then().statusCode(401);
        given().auth().preemptive().basic(Genesys.CLIENT_ID, Genesys.CLIENT_SECRET)
                .contentType("application/x-www-form-urlencoded").body("grant_type=password")
                .post(Genesys.TOKEN).then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void apiCallsNeedALiveBearerToken() {
        given().get(API + "/authorization/roles").then().statusCode(401)
                .body("code", equalTo("authentication.required")).body("status", equalTo(401))
                .body("contextId", notNullValue()).body("errors", hasSize(0));
        api("not-a-token").get(API + "/authorization/roles").then().statusCode(401)
                .body("code", equalTo("bad.credentials"));
        api(token).get(API + "/authorization/roles").then().statusCode(200).body("entities", hasSize(3));
    }

    @Test
    void tokensExpire() {
        Genesys.SANDBOX.settings(Map.of("tokenLifetimeSeconds", 60));
        String shortLived = Genesys.token();
        api(shortLived).get(API + "/authorization/divisions").then().statusCode(200);
        Genesys.SANDBOX.advanceClock(61_000);
        api(shortLived).get(API + "/authorization/divisions").then().statusCode(401)
                .body("code", equalTo("bad.credentials"));
    }

    @Test
    void createGetAndDefaults() {
        api(token).body(json(Map.of("name", "Jane Doe", "email", "jane@example.com", "title", "Agent")))
                .post(API + "/users").then().statusCode(200)
                .body("state", equalTo("active")).body("version", equalTo(1))
                .body("division.id", equalTo(Genesys.HOME)).body("title", equalTo("Agent"));
        api(token).body(json(Map.of("email", "x@example.com"))).post(API + "/users").then().statusCode(400)
                .body("code", equalTo("bad.request"));
        api(token).body(json(Map.of("name", "X", "email", "x@example.com", "divisionId", "nope")))
                .post(API + "/users").then().statusCode(400);
        String id = api(token).body(json(Map.of("name", "Sam", "email", "sam@example.com",
                "divisionId", Genesys.SUPPORT_DIVISION, "state", "inactive")))
                .post(API + "/users").then().statusCode(200).extract().path("id");
        api(token).get(API + "/users/" + id).then().statusCode(200)
                .body("state", equalTo("inactive")).body("division.name", equalTo("Support"));
        api(token).get(API + "/users/unknown").then().statusCode(404).body("code", equalTo("not.found"));
    }

    @Test
    void emailIsUniqueAcrossActiveInactiveAndDeletedUsers() {
        String id = createUser(token, "Jane", "jane@example.com");
        api(token).body(json(Map.of("name", "Other", "email", "JANE@example.com"))).post(API + "/users")
                .then().statusCode(409).body("code", equalTo("general.conflict")).body("status", equalTo(409));
        api(token).delete(API + "/users/" + id).then().statusCode(200);
        api(token).body(json(Map.of("name", "Other", "email", "jane@example.com"))).post(API + "/users")
                .then().statusCode(409).body("code", equalTo("general.conflict"));
        String other = createUser(token, "Other", "other@example.com");
        api(token).body(json(Map.of("version", 1, "email", "jane@example.com"))).patch(API + "/users/" + other)
                .then().statusCode(409).body("code", equalTo("general.conflict"));
    }

    @Test
    void patchNeedsTheCurrentVersion() {
        String id = createUser(token, "Jane", "jane@example.com");
        api(token).body(json(Map.of("name", "Jane D"))).patch(API + "/users/" + id).then().statusCode(400);
        api(token).body(json(Map.of("version", 1, "name", "Jane D", "title", "Lead")))
                .patch(API + "/users/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("name", equalTo("Jane D")).body("title", equalTo("Lead"));
        api(token).body(json(Map.of("version", 1, "name", "Stale"))).patch(API + "/users/" + id)
                .then().statusCode(409).body("code", equalTo("general.conflict"))
                .body("message", containsString("version mismatch"))
                .body("message", containsString("does not match the current version"));
        api(token).body(json(Map.of("version", 2, "state", "inactive"))).patch(API + "/users/" + id)
                .then().statusCode(200).body("state", equalTo("inactive")).body("version", equalTo(3));
    }

    @Test
    void deleteIsSoftAndRestoreDoesNotBringBackRolesSkillsOrQueues() {
        String id = createUser(token, "Jane", "jane@example.com");
        api(token).body(json(Map.of("actions", List.of(Map.of("userId", id, "licenseId", "cx1",
                "action", "add"))))).post(API + "/license/organization").then().statusCode(200);
        api(token).body(json(List.of(Map.of("roleId", Genesys.AGENT, "divisionId", Genesys.HOME))))
                .post(API + "/authorization/subjects/" + id + "/bulkadd").then().statusCode(204);
        api(token).body(json(List.of(Map.of("id", Genesys.BILLING, "proficiency", 3))))
                .patch(API + "/users/" + id + "/routingskills/bulk").then().statusCode(200);
        api(token).body(json(List.of(Map.of("id", id))))
                .post(API + "/routing/queues/" + Genesys.SUPPORT_QUEUE + "/members").then().statusCode(204);

        api(token).delete(API + "/users/" + id).then().statusCode(200);
        api(token).get(API + "/users/" + id).then().statusCode(404);
        api(token).get(API + "/users/" + id + "?state=deleted").then().statusCode(200)
                .body("state", equalTo("deleted")).body("version", equalTo(2));
        api(token).delete(API + "/users/" + id).then().statusCode(404);

        api(token).body(json(Map.of("version", 2, "state", "active"))).patch(API + "/users/" + id)
                .then().statusCode(200).body("state", equalTo("active")).body("version", equalTo(3));
        api(token).get(API + "/authorization/subjects/" + id).then().statusCode(200).body("grants", hasSize(0));
        api(token).get(API + "/users/" + id + "/routingskills").then().statusCode(200).body("entities", hasSize(0));
        api(token).get(API + "/routing/queues/" + Genesys.SUPPORT_QUEUE + "/members").then().statusCode(200)
                .body("entities", hasSize(0));
    }

    @Test
    void searchByEmailExactAcrossStates() {
        String id = createUser(token, "Jane", "jane@example.com");
        createUser(token, "John", "john@example.com");
        api(token).delete(API + "/users/" + id).then().statusCode(200);
        Object emailOnly = Map.of("type", "EXACT", "fields", List.of("email"), "value", "jane@example.com");
        api(token).body(json(Map.of("query", List.of(emailOnly)))).post(API + "/users/search")
                .then().statusCode(200).body("total", equalTo(0));
        api(token).body(json(Map.of("query", List.of(emailOnly, Map.of("type", "EXACT", "fields",
                List.of("state"), "values", List.of("active", "inactive", "deleted"))))))
                .post(API + "/users/search").then().statusCode(200)
                .body("total", equalTo(1)).body("results[0].id", equalTo(id))
                .body("results[0].state", equalTo("deleted"));
        api(token).body(json(Map.of("query", List.of(Map.of("type", "EXACT", "fields", List.of("email"),
                "value", "jo"))))).post(API + "/users/search").then().statusCode(200).body("total", equalTo(0));
        api(token).body(json(Map.of("query", List.of()))).post(API + "/users/search").then().statusCode(400);
    }
}
