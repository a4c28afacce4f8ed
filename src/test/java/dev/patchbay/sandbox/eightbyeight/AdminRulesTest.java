package dev.patchbay.sandbox.eightbyeight;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.ADMIN;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.CONTROL;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.admin;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminWrite;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.basicInfo;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.createAdminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.json;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.submitCreate;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.withExtension;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.withLicense;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules 8x8 checks when an asynchronous operation runs: they end the operation FAILED, changing nothing. */
@QuarkusTest
class AdminRulesTest {

    @BeforeEach
    void reset() {
        EightByEight.SANDBOX.reset();
    }

    @Test
    void changesWaitForTheOperationDelay() {
        EightByEight.SANDBOX.settings(Map.of("operationDelayMs", 5_000));
        String operationId = submitCreate(adminUser("slow.user", "London"));
        String userId = operation(operationId).body("status", equalTo("PENDING"))
                .body("completedTime", nullValue()).extract().path("resourceId");
        admin().get(ADMIN + "/users/{id}", userId).then().statusCode(404);
        EightByEight.SANDBOX.advanceClock(5_000);
        operation(operationId).body("status", equalTo("COMPLETED"));
        admin().get(ADMIN + "/users/{id}", userId).then().statusCode(200);
    }

    @Test
    void licensePoolRunsOutAndFreedLicensesReturn() {
        given().contentType("application/json").body(json(Map.of("X6", 1))).put(CONTROL + "/licenses").then()
                .statusCode(200).body("data.find { it.name == 'X6' }.total", equalTo(1));
        Map<String, Object> first = withLicense(adminUser("first.x6", "London"), "X6");
        String firstId = createAdminUser(first);
        licenses().body("data.find { it.name == 'X6' }.assigned", equalTo(1))
                .body("data.find { it.name == 'X6' }.available", equalTo(0));

        Map<String, Object> second = withLicense(adminUser("second.x6", "Paris"), "X6");
        operation(submitCreate(second)).body("status", equalTo("FAILED"))
                .body("completedTime", notNullValue())
                .body("error.status", equalTo(400))
                .body("error.errors[0].code", equalTo("VALIDATION_ERROR"))
                .body("error.errors[0].message", equalTo("No X6 license available"));
        admin().get(ADMIN + "/users").then().body("data", hasSize(1));

        // Freeing: a full-replace PUT without the license gives it back to the pool.
        Map<String, Object> withoutLicense = adminUser("first.x6", "London");
        operation(adminWrite(withoutLicense).put(ADMIN + "/users/{id}", firstId).then().statusCode(202)
                .extract().path("operationId")).body("status", equalTo("COMPLETED"));
        licenses().body("data.find { it.name == 'X6' }.assigned", equalTo(0));

        String secondId = createAdminUser(second);
        admin().get(ADMIN + "/users/{id}", secondId).then()
                .body("serviceInfo.licenses[0].id", equalTo("lic-x6"))
                .body("serviceInfo.licenses[0].name", equalTo("X6"));
    }

    @Test
    void deletingAUserFreesItsLicense() {
        given().contentType("application/json").body(json(Map.of("X4", 1))).put(CONTROL + "/licenses").then()
                .statusCode(200);
        String userId = createAdminUser(withLicense(adminUser("holder", "London"), "X4"));
        operation(admin().delete(ADMIN + "/users/{id}", userId).then().statusCode(202).extract().path("operationId"))
                .body("status", equalTo("COMPLETED"));
        createAdminUser(withLicense(adminUser("next.holder", "London"), "X4"));
    }

    @Test
    void unknownLicensesAreValidationErrors() {
        adminWrite(withLicense(adminUser("gold.plan", "London"), "X9")).post(ADMIN + "/users").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("serviceInfo.licenses[0].name"))
                .body("errors[0].code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void siteChangeFails() {
        String userId = createAdminUser(adminUser("stays.put", "London"));
        Map<String, Object> moved = adminUser("stays.put", "Paris");
        String operationId = adminWrite(moved).put(ADMIN + "/users/{id}", userId).then().statusCode(202)
                .extract().path("operationId");
        operation(operationId).body("status", equalTo("FAILED"))
                .body("error.errors[0].code", equalTo("VALIDATION_ERROR"))
                .body("error.errors[0].message", equalTo("site cannot be changed"));
        admin().get(ADMIN + "/users/{id}", userId).then().body("basicInfo.site.name", equalTo("London"));

        // Leaving the site out of a PUT keeps it.
        Map<String, Object> noSite = adminUser("stays.put", null);
        basicInfo(noSite).put("firstName", "Renamed");
        operation(adminWrite(noSite).put(ADMIN + "/users/{id}", userId).then().statusCode(202)
                .extract().path("operationId")).body("status", equalTo("COMPLETED"));
        admin().get(ADMIN + "/users/{id}", userId).then().body("basicInfo.site.name", equalTo("London"))
                .body("basicInfo.firstName", equalTo("Renamed"));
    }

    @Test
    void extensionNumbersAreUnique() {
        createAdminUser(withExtension(adminUser("ext.owner", "London"), "1001"));
        String operationId = submitCreate(withExtension(adminUser("ext.thief", "London"), "1001"));
        operation(operationId).body("status", equalTo("FAILED"))
                .body("error.errors[0].code", equalTo("VALIDATION_ERROR"))
                .body("error.errors[0].message", containsString("extension number already in use"));
        String userId = createAdminUser(withExtension(adminUser("ext.other", "London"), "1002"));
        admin().get(ADMIN + "/users/{id}", userId).then()
                .body("serviceInfo.extensions[0].extensionNumber", equalTo("1002"))
                .body("serviceInfo.extensions[0].phoneNumbers[0].phoneNumber", equalTo("+4420712341002"))
                .body("serviceInfo.extensions[0].phoneNumbers[0].primary", equalTo(true));
    }

    @Test
    void licenseForAUserWithoutASiteFails() {
        // Users without a site exist at 8x8 (created before sites were required); the control API seeds one.
        String userId = given().contentType("application/json").body(json(adminUser("legacy.user", null)))
                .post(CONTROL + "/users").then().statusCode(201).extract().path("basicInfo.userId");
        String operationId = adminWrite(withLicense(adminUser("legacy.user", null), "X2"))
                .put(ADMIN + "/users/{id}", userId).then().statusCode(202).extract().path("operationId");
        operation(operationId).body("status", equalTo("FAILED"))
                .body("error.errors[0].message", equalTo("A license cannot be assigned to a user without a site"));
        admin().get(ADMIN + "/users/{id}", userId).then().body("serviceInfo.licenses", hasSize(0));
    }

    @Test
    void aClashingUserNameAtRunTimeFailsTheCreate() {
        EightByEight.SANDBOX.settings(Map.of("operationDelayMs", 1_000));
        String operationId = submitCreate(adminUser("race.winner", "London"));
        EightByEight.createScimUser("race.winner", "Paris");
        EightByEight.SANDBOX.advanceClock(1_000);
        operation(operationId).body("status", equalTo("FAILED"))
                .body("error.errors[0].message", equalTo("userName already in use"));
        adminWrite(adminUser("race.winner", "London")).post(ADMIN + "/users").then().statusCode(400);
        admin().get(ADMIN + "/users").then().body("data.basicInfo.site.name", equalTo(List.of("Paris")));
    }

    private static ValidatableResponse operation(String operationId) {
        return admin().get(ADMIN + "/operations/{id}", operationId).then().statusCode(200);
    }

    private static ValidatableResponse licenses() {
        return admin().get(ADMIN + "/licenses").then().statusCode(200);
    }
}
