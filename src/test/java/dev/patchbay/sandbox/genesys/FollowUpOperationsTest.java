package dev.patchbay.sandbox.genesys;

import static dev.patchbay.sandbox.genesys.Genesys.API;
import static dev.patchbay.sandbox.genesys.Genesys.api;
import static dev.patchbay.sandbox.genesys.Genesys.createUser;
import static dev.patchbay.sandbox.genesys.Genesys.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Licenses, role/division grants, routing skills and queue members. */
@QuarkusTest
class FollowUpOperationsTest {

    private String token;
    private String user;

    @BeforeEach
    void reset() {
        Genesys.SANDBOX.reset();
        token = Genesys.token();
        user = createUser(token, "Jane", "jane@example.com");
    }

    private void license(String licenseId, String action) {
        api(token).body(json(Map.of("actions", List.of(Map.of("userId", user, "licenseId", licenseId,
                "action", action))))).post(API + "/license/organization").then().statusCode(200)
                .body("[0].status", equalTo("success"));
    }

    @Test
    void licenseBatchAnswersPerUserResults() {
        api(token).body(json(Map.of("actions", List.of(
                Map.of("userId", user, "licenseId", "cx2", "action", "add"),
                Map.of("userId", "nobody", "licenseId", "cx1", "action", "add"),
                Map.of("userId", user, "licenseId", "cx9", "action", "add")))))
                .post(API + "/license/organization").then().statusCode(200)
                .body("status", contains("success", "failure", "failure"))
                .body("[0].userId", equalTo(user)).body("[0].licenseId", equalTo("cx2"))
                .body("[0].action", equalTo("add")).body("[1].errors", hasSize(1));
        api(token).get(API + "/license/users/" + user).then().statusCode(200).body("licenses.id", contains("cx2"));
        api(token).get(API + "/license/users").then().statusCode(200).body("total", equalTo(1))
                .body("entities[0].licenses", contains("cx2"));
        // The documented assignments shape works as well.
        api(token).body(json(Map.of("assignments", List.of(Map.of("licenseId", "cx2",
                "userIdsRemove", List.of(user)))))).post(API + "/license/organization").then().statusCode(200)
                .body("[0].result", equalTo("success")).body("[0].action", equalTo("remove"));
        api(token).get(API + "/license/users/" + user).then().body("licenses", hasSize(0));
    }

    @Test
    void licenseInferenceNamesTheLicensesOfRoles() {
        api(token).body(json(List.of(Genesys.AGENT, Genesys.SUPERVISOR))).post(API + "/license/infer").then()
                .statusCode(200).body("$", contains("cx1", "cx2"));
        api(token).body(json(List.of("no-such-role"))).post(API + "/license/infer").then().statusCode(404)
                .body("code", equalTo("not.found"));
        api(token).body(json(List.of(Map.of("id", Genesys.AGENT)))).post(API + "/license/infer").then()
                .statusCode(400).body("code", equalTo("bad.request"));
        api(token).body("{\"roles\":[]}").post(API + "/license/infer").then().statusCode(400);
    }

    @Test
    void aUsersQueuesAreListedAndAddedSkillsJoinTheCatalogue() {
        api(token).body(json(List.of(Map.of("id", user)))).post(API + "/routing/queues/" + Genesys.SUPPORT_QUEUE
                + "/members").then().statusCode(204);
        api(token).get(API + "/users/" + user + "/queues").then().statusCode(200)
                .body("entities.id", contains(Genesys.SUPPORT_QUEUE)).body("entities.name", contains("Support"));
        api(token).get(API + "/users/nobody/queues").then().statusCode(404);

        io.restassured.RestAssured.given().contentType("application/json").body(json(Map.of("names", List.of("Mandarin"))))
                .post(Genesys.CONTROL + "/skills").then().statusCode(200);
        api(token).get(API + "/routing/skills").then().body("entities.name", org.hamcrest.Matchers.hasItem("Mandarin"));
        io.restassured.RestAssured.given().contentType("application/json").body(json(Map.of("names", List.of("Billing"))))
                .post(Genesys.CONTROL + "/skills").then().statusCode(400);
        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .post(Genesys.CONTROL + "/skills").then().statusCode(400);
    }

    @Test
    void roleBulkOperationsWithDivisions() {
        license("cx3", "add");
        String subject = API + "/authorization/subjects/" + user;
        api(token).body(json(List.of(Map.of("roleId", Genesys.AGENT, "divisionId", Genesys.HOME),
                Map.of("roleId", Genesys.SUPERVISOR, "divisionId", Genesys.SUPPORT_DIVISION))))
                .post(subject + "/bulkadd").then().statusCode(204);
        api(token).get(subject).then().statusCode(200).body("grants", hasSize(2))
                .body("grants.role.name", containsInAnyOrder("Agent", "Supervisor"));
        api(token).body(json(Map.of("grants", List.of(Map.of("roleId", Genesys.AGENT, "divisionId",
                Genesys.HOME))))).post(subject + "/bulkremove").then().statusCode(204);
        api(token).get(subject).then().body("grants.role.name", contains("Supervisor"));
        api(token).body(json(List.of(Map.of("roleId", Genesys.ADMIN, "divisionId", Genesys.HOME))))
                .post(subject + "/bulkreplace").then().statusCode(204);
        api(token).get(subject).then().body("grants.role.name", contains("Admin"))
                .body("grants[0].division.name", equalTo("Home"));
        api(token).body(json(List.of(Map.of("roleId", "nope", "divisionId", Genesys.HOME))))
                .post(subject + "/bulkadd").then().statusCode(404).body("code", equalTo("not.found"));
        api(token).body(json(List.of(Map.of("roleId", Genesys.AGENT, "divisionId", "nope"))))
                .post(subject + "/bulkadd").then().statusCode(404);
    }

    @Test
    void rolesNeedTheirLicense() {
        String subject = API + "/authorization/subjects/" + user;
        api(token).body(json(List.of(Map.of("roleId", Genesys.AGENT, "divisionId", Genesys.HOME))))
                .post(subject + "/bulkadd").then().statusCode(400).body("code", equalTo("bad.request"));
        license("cx1", "add");
        api(token).body(json(List.of(Map.of("roleId", Genesys.AGENT, "divisionId", Genesys.HOME))))
                .post(subject + "/bulkadd").then().statusCode(204);
        api(token).body(json(List.of(Map.of("roleId", Genesys.SUPERVISOR, "divisionId", Genesys.HOME))))
                .post(subject + "/bulkadd").then().statusCode(400);
        api(token).body(json(Map.of("actions", List.of(Map.of("userId", user, "licenseId", "cx1",
                "action", "remove"))))).post(API + "/license/organization").then().statusCode(200)
                .body("[0].status", equalTo("failure"));
    }

    @Test
    void routingSkillsMergeReplaceAndLimits() {
        String bulk = API + "/users/" + user + "/routingskills/bulk";
        api(token).body(json(List.of(Map.of("id", Genesys.BILLING, "proficiency", 4.5))))
                .patch(bulk).then().statusCode(200).body("entities", hasSize(1));
        api(token).body(json(List.of(Map.of("id", Genesys.SALES_SKILL, "proficiency", 2))))
                .patch(bulk).then().statusCode(200).body("entities", hasSize(2));
        api(token).body(json(List.of(Map.of("id", Genesys.SALES_SKILL, "proficiency", 0))))
                .put(bulk).then().statusCode(200).body("entities", hasSize(1));
        api(token).get(API + "/users/" + user + "/routingskills").then().statusCode(200)
                .body("entities[0].name", equalTo("Sales")).body("entities[0].proficiency", equalTo(0.0f));
        api(token).body(json(List.of(Map.of("id", Genesys.BILLING, "proficiency", 5.5)))).patch(bulk)
                .then().statusCode(400).body("code", equalTo("bad.request"));
        api(token).body(json(List.of(Map.of("id", Genesys.BILLING, "proficiency", -1)))).put(bulk)
                .then().statusCode(400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(Map.of("id", Genesys.BILLING, "proficiency", 1));
        }
        api(token).body(json(tooMany)).patch(bulk).then().statusCode(400);
        api(token).body(json(tooMany.subList(0, 50))).patch(bulk).then().statusCode(200);
    }

    @Test
    void queueMembersAddDeleteAndLimit() {
        String members = API + "/routing/queues/" + Genesys.SUPPORT_QUEUE + "/members";
        String other = createUser(token, "John", "john@example.com");
        api(token).body(json(List.of(Map.of("id", user), Map.of("id", other)))).post(members)
                .then().statusCode(204);
        api(token).get(members).then().statusCode(200).body("entities.id", containsInAnyOrder(user, other));
        api(token).body(json(List.of(Map.of("id", other)))).queryParam("delete", true).post(members)
                .then().statusCode(204);
        api(token).get(members).then().body("entities.id", contains(user));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("id", user));
        }
        api(token).body(json(tooMany)).post(members).then().statusCode(400).body("code", equalTo("bad.request"));
        api(token).body(json(List.of(Map.of("id", user)))).post(API + "/routing/queues/nope/members")
                .then().statusCode(404);
    }
}
