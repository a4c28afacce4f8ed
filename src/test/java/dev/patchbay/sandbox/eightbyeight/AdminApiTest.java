package dev.patchbay.sandbox.eightbyeight;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.ADMIN;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.CUSTOMER_ID;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.OPERATIONS_TYPE;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.USERS_TYPE;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.admin;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminWrite;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.basicInfo;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.createAdminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matcher;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminApiTest {

    @BeforeEach
    void reset() {
        EightByEight.SANDBOX.reset();
    }

    @Test
    void createAnswers202WithAnOperationThatCompletes() {
        Map<String, Object> user = adminUser("grace.hopper", "London");
        basicInfo(user).put("timezone", "Europe/Dublin");
        String operationId = adminWrite(user).post(ADMIN + "/users").then()
                .statusCode(202)
                .contentType(startsWith(OPERATIONS_TYPE))
                .body("operationId", not(nullValue()))
                .body("status", equalTo("PENDING"))
                .body("customerId", equalTo(CUSTOMER_ID))
                .body("resourceType", equalTo("USER"))
                .body("operationType", equalTo("CREATE"))
                .body("resourceId", not(nullValue()))
                .body("createdTime", not(nullValue()))
                .body("completedTime", nullValue())
                .body("error", nullValue())
                .body("_links.self.href", containsString("/sandbox/8x8/admin-provisioning/operations/"))
                .extract().path("operationId");
        String userId = admin().get(ADMIN + "/operations/{id}", operationId).then()
                .statusCode(200)
                .contentType(startsWith(OPERATIONS_TYPE))
                .body("status", equalTo("COMPLETED"))
                .body("completedTime", not(nullValue()))
                .body("_links.resource.href", endsWith("/users/" + admin().get(ADMIN + "/operations/{id}",
                        operationId).path("resourceId")))
                .extract().path("resourceId");
        admin().get(ADMIN + "/users/{id}", userId).then()
                .statusCode(200)
                .contentType(startsWith(USERS_TYPE))
                .body("basicInfo.userId", equalTo(userId))
                .body("basicInfo.customerId", equalTo(CUSTOMER_ID))
                .body("basicInfo.userName", equalTo("grace.hopper"))
                .body("basicInfo.firstName", equalTo("Grace"))
                .body("basicInfo.lastName", equalTo("Hopper"))
                .body("basicInfo.status", equalTo("ACTIVE"))
                .body("basicInfo.primaryEmail", equalTo("grace.hopper@example.com"))
                .body("basicInfo.locale", equalTo("en-US"))
                .body("basicInfo.timezone", equalTo("Europe/Dublin"))
                .body("basicInfo.site.id", equalTo("site-lon"))
                .body("basicInfo.site.name", equalTo("London"))
                .body("basicInfo.site.pbxName", equalTo("lon-pbx"))
                .body("basicInfo.createdTime", not(nullValue()))
                .body("directoryInfo.displayInDirectory", equalTo(true))
                .body("directoryInfo.directoryScope", equalTo("CUSTOMER"))
                .body("serviceInfo.licenses", hasSize(0))
                .body("assignmentInfo.ringGroups", hasSize(0));
    }

    @Test
    void unknownUsersAndOperationsAre404NotFound() {
        admin().get(ADMIN + "/users/nobody").then().statusCode(404)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo(ADMIN + "/users/nobody"))
                .body("time", not(nullValue()))
                .body("errors[0].code", equalTo("NOT_FOUND"));
        admin().get(ADMIN + "/operations/nothing").then().statusCode(404).body("errors[0].code", equalTo("NOT_FOUND"));
        admin().delete(ADMIN + "/users/nobody").then().statusCode(404);
        adminWrite(adminUser("nobody", "London")).put(ADMIN + "/users/nobody").then().statusCode(404);
    }

    @Test
    void missingOrWrongApiKeyIs401() {
        given().get(ADMIN + "/users").then().statusCode(401)
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("errors[0].code", equalTo("UNAUTHORIZED"))
                .body("errors[0].message", not(nullValue()));
        given().header("x-api-key", "eght_wrong").get(ADMIN + "/sites").then().statusCode(401);
        given().auth().oauth2(EightByEight.SCIM_TOKEN).get(ADMIN + "/sites").then().statusCode(401);
    }

    @Test
    void requestIdIsEchoedAsResponseId() {
        admin().header("X-Request-Id", "3f0e8a52-4c1b-4e7b-9d0a-000000000001").get(ADMIN + "/sites").then()
                .header("X-Response-Id", equalTo("3f0e8a52-4c1b-4e7b-9d0a-000000000001"));
        admin().get(ADMIN + "/sites").then().header("X-Response-Id", not(nullValue()));
        given().get(ADMIN + "/sites").then().statusCode(401).header("X-Response-Id", not(nullValue()));
    }

    @Test
    void writesNeedTheUsersMediaType() {
        admin().contentType("application/json").body(json(adminUser("plain.json", "London")))
                .post(ADMIN + "/users").then().statusCode(415)
                .body("status", equalTo(415))
                .body("title", equalTo("Unsupported Media Type"))
                .body("errors[0].message", containsString(USERS_TYPE));
        admin().body(json(adminUser("no.type", "London"))).post(ADMIN + "/users").then().statusCode(415);
        admin().contentType(USERS_TYPE + "; charset=UTF-8").body(json(adminUser("with.charset", "London")))
                .post(ADMIN + "/users").then().statusCode(202);
    }

    @Test
    void invalidUsersAre400ValidationErrorsWithFields() {
        Map<String, Object> user = adminUser("x", "London");
        basicInfo(user).put("firstName", "G");
        basicInfo(user).put("lastName", "H".repeat(31));
        basicInfo(user).put("primaryEmail", "not-an-email");
        adminWrite(user).post(ADMIN + "/users").then().statusCode(400)
                .body("status", equalTo(400))
                .body("title", equalTo("Validation error"))
                .body("errors.code", everyItemIs("VALIDATION_ERROR", 4))
                .body("errors.field", containsInAnyOrder("basicInfo.userName", "basicInfo.firstName",
                        "basicInfo.lastName", "basicInfo.primaryEmail"))
                .body("errors.find { it.field == 'basicInfo.userName' }.message",
                        equalTo("size must be between 3 and 70"))
                .body("errors.find { it.field == 'basicInfo.firstName' }.message",
                        equalTo("size must be between 2 and 128"))
                .body("errors.find { it.field == 'basicInfo.lastName' }.message",
                        equalTo("size must be between 2 and 30"))
                .body("errors.find { it.field == 'basicInfo.primaryEmail' }.message",
                        equalTo("must be a well-formed email address"));

        adminWrite(adminUser("bad name!", "London")).post(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].field", equalTo("basicInfo.userName"))
                .body("errors[0].message", startsWith("must match"));
        Map<String, Object> blank = adminUser("blank.first", "London");
        basicInfo(blank).remove("firstName");
        adminWrite(blank).post(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].field", equalTo("basicInfo.firstName"))
                .body("errors[0].message", equalTo("must not be blank"));
        adminWrite("{\"basicInfo\": ").post(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].code", equalTo("BAD_REQUEST"));
        given().get(EightByEight.CONTROL + "/state").then().body("operations", hasSize(0)).body("users", hasSize(0));
    }

    @Test
    void siteIsRequiredAtCreationAndMustExist() {
        adminWrite(adminUser("no.site", null)).post(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].field", equalTo("basicInfo.site.id"))
                .body("errors[0].message", equalTo("Either site id or name must be provided"));
        adminWrite(adminUser("far.away", "Tokyo")).post(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].field", equalTo("basicInfo.site.name"));
        Map<String, Object> byId = adminUser("by.id", null);
        basicInfo(byId).put("site", Map.of("id", "site-par"));
        String userId = createAdminUser(byId);
        admin().get(ADMIN + "/users/{id}", userId).then().body("basicInfo.site.name", equalTo("Paris"))
                .body("basicInfo.timezone", equalTo("Europe/Paris"));
    }

    @Test
    void duplicateUserNameIs400NotConflict() {
        createAdminUser(adminUser("dup.user", "London"));
        adminWrite(adminUser("DUP.USER", "Paris")).post(ADMIN + "/users").then().statusCode(400)
                .body("status", equalTo(400))
                .body("title", equalTo("Validation error"))
                .body("errors[0].code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].message", equalTo("userName already in use"));
    }

    @Test
    void anotherCustomerIdInTheBodyIs403() {
        Map<String, Object> user = adminUser("other.customer", "London");
        basicInfo(user).put("customerId", "0012J00042NkZQIQA4");
        adminWrite(user).post(ADMIN + "/users").then().statusCode(403)
                .body("title", equalTo("Forbidden"))
                .body("detail", equalTo("CustomerId mismatch: 0012J00042NkZQIQA4 vs " + CUSTOMER_ID))
                .body("errors[0].code", equalTo("FORBIDDEN"));
    }

    @Test
    void putReplacesTheWholeUser() {
        Map<String, Object> user = adminUser("replace.me", "New York");
        @SuppressWarnings("unchecked")
        Map<String, Object> directory = (Map<String, Object>) user.get("directoryInfo");
        directory.put("jobTitle", "Supervisor");
        directory.put("department", "Support");
        String userId = createAdminUser(user);

        Map<String, Object> replacement = adminUser("replaced", "New York");
        basicInfo(replacement).put("userId", userId);
        basicInfo(replacement).put("status", "INACTIVE");
        String operationId = adminWrite(replacement).put(ADMIN + "/users/{id}", userId).then().statusCode(202)
                .body("operationType", equalTo("UPDATE"))
                .body("resourceId", equalTo(userId))
                .extract().path("operationId");
        admin().get(ADMIN + "/operations/{id}", operationId).then().body("status", equalTo("COMPLETED"));
        admin().get(ADMIN + "/users/{id}", userId).then()
                .body("basicInfo.userName", equalTo("replaced"))
                .body("basicInfo.status", equalTo("INACTIVE"))
                .body("basicInfo.site.id", equalTo("site-nyc"))
                .body("directoryInfo.jobTitle", nullValue())
                .body("directoryInfo.department", nullValue());
    }

    @Test
    void putWithAnotherUserIdIsRefused() {
        String userId = createAdminUser(adminUser("mismatch", "London"));
        Map<String, Object> body = adminUser("mismatch", "London");
        basicInfo(body).put("userId", "someone-else");
        adminWrite(body).put(ADMIN + "/users/{id}", userId).then().statusCode(400)
                .body("errors[0].message", equalTo("Mismatched userId in url vs payload"));
    }

    @Test
    void deleteRemovesTheUserWhenTheOperationCompletes() {
        String userId = createAdminUser(adminUser("to.delete", "Paris"));
        String operationId = admin().delete(ADMIN + "/users/{id}", userId).then().statusCode(202)
                .contentType(startsWith(OPERATIONS_TYPE))
                .body("operationType", equalTo("DELETE"))
                .body("resourceId", equalTo(userId))
                .extract().path("operationId");
        admin().get(ADMIN + "/operations/{id}", operationId).then().body("status", equalTo("COMPLETED"));
        admin().get(ADMIN + "/users/{id}", userId).then().statusCode(404);
    }

    @Test
    void sitesAndLicensesAreListed() {
        admin().get(ADMIN + "/sites").then().statusCode(200)
                .body("data.name", equalTo(List.of("London", "Paris", "New York")))
                .body("data.find { it.name == 'London' }.id", equalTo("site-lon"))
                .body("data.find { it.name == 'London' }.pbxName", equalTo("lon-pbx"));
        admin().get(ADMIN + "/licenses").then().statusCode(200)
                .body("data.name", equalTo(List.of("X2", "X4", "X6")))
                .body("data.find { it.name == 'X4' }.id", equalTo("lic-x4"))
                .body("data.find { it.name == 'X6' }.total", equalTo(2))
                .body("data.find { it.name == 'X6' }.assigned", equalTo(0))
                .body("data.find { it.name == 'X6' }.available", equalTo(2))
                .body("data.id", hasItem("lic-x2"));
    }

    private static Matcher<Iterable<? extends String>> everyItemIs(String value, int count) {
        return contains(Collections.nCopies(count, equalTo(value)));
    }
}
