package dev.patchbay.sandbox.eightbyeight;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.ADMIN;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.SCIM_USERS;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.SITE_EXTENSION;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.admin;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminWrite;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.basicInfo;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.createAdminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.createScimUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.json;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.scim;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.scimUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.withLicense;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCIM API and the Admin API are two views of the same users. */
@QuarkusTest
class SharedUsersTest {

    @BeforeEach
    void reset() {
        EightByEight.SANDBOX.reset();
    }

    @Test
    void aScimUserIsAnAdminUserWithTheSameId() {
        Map<String, Object> body = scimUser("shared.user", "Paris");
        body.put("title", "Agent");
        body.put("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", Map.of("department", "Sales"));
        String id = scim().body(json(body)).post(SCIM_USERS).then().statusCode(201).extract().path("id");
        admin().get(ADMIN + "/users/{id}", id).then().statusCode(200)
                .body("basicInfo.userId", equalTo(id))
                .body("basicInfo.userName", equalTo("shared.user"))
                .body("basicInfo.firstName", equalTo("Ada"))
                .body("basicInfo.primaryEmail", equalTo("shared.user@example.com"))
                .body("basicInfo.status", equalTo("ACTIVE"))
                .body("basicInfo.site.name", equalTo("Paris"))
                .body("basicInfo.timezone", equalTo("Europe/Paris"))
                .body("directoryInfo.jobTitle", equalTo("Agent"))
                .body("directoryInfo.department", equalTo("Sales"));
        admin().queryParam("filter", "basicInfo.userName==shared.user").get(ADMIN + "/users").then()
                .body("data.basicInfo.userId", equalTo(List.of(id)));
    }

    @Test
    void adminChangesShowInScimAndScimDeactivationShowsInAdmin() {
        String id = createScimUser("both.ways", "London");
        JsonPath asAdmin = admin().get(ADMIN + "/users/{id}", id).then().extract().jsonPath();
        Map<String, Object> replacement = withLicense(adminUser("both.ways", "London"), "X4");
        basicInfo(replacement).put("userId", id);
        basicInfo(replacement).put("firstName", asAdmin.getString("basicInfo.firstName"));
        basicInfo(replacement).put("lastName", "Byron");
        basicInfo(replacement).put("primaryEmail", asAdmin.getString("basicInfo.primaryEmail"));
        basicInfo(replacement).put("status", "INACTIVE");
        String operationId = adminWrite(replacement).put(ADMIN + "/users/{id}", id).then().statusCode(202)
                .extract().path("operationId");
        admin().get(ADMIN + "/operations/{id}", operationId).then().body("status", equalTo("COMPLETED"));
        scim().get(SCIM_USERS + "/" + id).then()
                .body("active", equalTo(false))
                .body("name.familyName", equalTo("Byron"));

        // A SCIM PUT keeps what only the Admin API knows, such as licenses.
        scim().body(json(scimUser("both.ways", "London"))).put(SCIM_USERS + "/" + id).then().statusCode(200)
                .body("active", equalTo(true));
        admin().get(ADMIN + "/users/{id}", id).then()
                .body("basicInfo.status", equalTo("ACTIVE"))
                .body("serviceInfo.licenses[0].name", equalTo("X4"));

        scim().delete(SCIM_USERS + "/" + id).then().statusCode(204);
        admin().get(ADMIN + "/users/{id}", id).then().body("basicInfo.status", equalTo("INACTIVE"))
                .body("serviceInfo.licenses[0].name", equalTo("X4"));
        get(EightByEight.CONTROL + "/state").then()
                .body("users[0].scimActive", equalTo(false))
                .body("licenses.find { it.name == 'X4' }.assigned", equalTo(1));
    }

    @Test
    void adminCreatedUsersAreScimUsersAndAdminDeleteRemovesThem() {
        String id = createAdminUser(adminUser("from.admin", "New York"));
        scim().get(SCIM_USERS + "/" + id).then().statusCode(200)
                .body("userName", equalTo("from.admin"))
                .body("'" + SITE_EXTENSION + "'.site", equalTo("New York"));
        scim().body(json(scimUser("FROM.ADMIN", "London"))).post(SCIM_USERS).then().statusCode(409);
        String operationId = admin().delete(ADMIN + "/users/{id}", id).then().statusCode(202)
                .extract().path("operationId");
        admin().get(ADMIN + "/operations/{id}", operationId).then().body("status", equalTo("COMPLETED"));
        scim().get(SCIM_USERS + "/" + id).then().statusCode(404);
    }
}
