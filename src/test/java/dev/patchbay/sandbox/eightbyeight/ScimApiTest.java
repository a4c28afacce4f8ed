package dev.patchbay.sandbox.eightbyeight;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.SCIM_ERROR;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.SCIM_USERS;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.SITE_EXTENSION;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.createScimUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.json;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.scim;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.scimUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScimApiTest {

    @BeforeEach
    void reset() {
        EightByEight.SANDBOX.reset();
    }

    @Test
    void createAnswers201WithTheUserAndGetReadsItBack() {
        Map<String, Object> body = scimUser("ada", "London");
        body.put("externalId", "okta-00u1");
        body.put("title", "Agent");
        body.put("locale", "en-GB");
        body.put("phoneNumbers", List.of(Map.of("value", "+447700900123", "type", "mobile")));
        String id = scim().body(json(body)).post(SCIM_USERS).then()
                .statusCode(201)
                .contentType(startsWith("application/scim+json"))
                .header("Location", endsWith(SCIM_USERS + "/" + scim().get(SCIM_USERS).path("Resources[0].id")))
                .body("id", not(nullValue()))
                .body("userName", equalTo("ada"))
                .body("name.givenName", equalTo("Ada"))
                .body("name.familyName", equalTo("Lovelace"))
                .body("emails", hasSize(1))
                .body("emails[0].value", equalTo("ada@example.com"))
                .body("emails[0].type", equalTo("work"))
                .body("emails[0].primary", equalTo(true))
                .body("active", equalTo(true))
                .body("externalId", equalTo("okta-00u1"))
                .body("title", equalTo("Agent"))
                .body("locale", equalTo("en-GB"))
                .body("phoneNumbers[0].value", equalTo("+447700900123"))
                .body("phoneNumbers[0].type", equalTo("mobile"))
                .body("'" + SITE_EXTENSION + "'.site", equalTo("London"))
                .body("meta.resourceType", equalTo("User"))
                .body("meta.created", not(nullValue()))
                .extract().path("id");
        scim().get(SCIM_USERS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("userName", equalTo("ada"))
                .body("meta.location", endsWith(SCIM_USERS + "/" + id));
    }

    @Test
    void unknownUsersAre404() {
        scim().get(SCIM_USERS + "/nobody").then().statusCode(404)
                .contentType(startsWith("application/scim+json"))
                .body("schemas", equalTo(List.of(SCIM_ERROR)))
                .body("status", equalTo("404"));
    }

    @Test
    void missingOrWrongBearerTokenIs401() {
        given().get(SCIM_USERS).then().statusCode(401)
                .contentType(startsWith("application/scim+json"))
                .body("schemas", equalTo(List.of(SCIM_ERROR)))
                .body("status", equalTo("401"))
                .body("detail", not(nullValue()));
        given().auth().oauth2("wrong").get(SCIM_USERS).then().statusCode(401);
        given().header("x-api-key", EightByEight.API_KEY).get(SCIM_USERS).then().statusCode(401);
    }

    @Test
    void anotherCustomerIdInThePathIs404() {
        scim().get("/sandbox/8x8/udi/customers/0012J00042NkZQIQA4/scim/v2/Users").then().statusCode(404)
                .body("schemas", equalTo(List.of(SCIM_ERROR)))
                .body("detail", containsString("0012J00042NkZQIQA4"));
    }

    @Test
    void filterByUserNameIgnoresCaseAndByExternalIdDoesNot() {
        Map<String, Object> body = scimUser("grace@example.com", "Paris");
        body.put("externalId", "ext-1");
        scim().body(json(body)).post(SCIM_USERS).then().statusCode(201);
        createScimUser("linus", "Paris");
        scim().queryParam("filter", "userName eq \"GRACE@example.com\"").get(SCIM_USERS).then().statusCode(200)
                .body("schemas", equalTo(List.of("urn:ietf:params:scim:api:messages:2.0:ListResponse")))
                .body("totalResults", equalTo(1))
                .body("Resources[0].userName", equalTo("grace@example.com"));
        scim().queryParam("filter", "externalId eq \"ext-1\"").get(SCIM_USERS).then()
                .body("totalResults", equalTo(1));
        scim().queryParam("filter", "externalId eq \"EXT-1\"").get(SCIM_USERS).then()
                .body("totalResults", equalTo(0))
                .body("Resources", hasSize(0));
    }

    @Test
    void otherFiltersAreInvalidFilter() {
        scim().queryParam("filter", "displayName eq \"Ada\"").get(SCIM_USERS).then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        scim().queryParam("filter", "userName sw \"a\"").get(SCIM_USERS).then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
    }

    @Test
    void listPagesWithStartIndexAndCount() {
        for (String name : List.of("u1", "u2", "u3")) {
            createScimUser(name, "London");
        }
        scim().queryParam("startIndex", 2).queryParam("count", 1).get(SCIM_USERS).then().statusCode(200)
                .body("totalResults", equalTo(3))
                .body("startIndex", equalTo(2))
                .body("itemsPerPage", equalTo(1))
                .body("Resources[0].userName", equalTo("u2"));
        scim().queryParam("count", "many").get(SCIM_USERS).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"));
    }

    @Test
    void siteIsRequiredAndMustExist() {
        scim().body(json(scimUser("nosite", null))).post(SCIM_USERS).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", equalTo("site is required"));
        scim().body(json(scimUser("badsite", "Berlin"))).post(SCIM_USERS).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("Berlin"));
        EightByEight.scim().get(SCIM_USERS).then().body("totalResults", equalTo(0));
    }

    @Test
    void requiredNamesAreChecked() {
        Map<String, Object> body = scimUser("noname", "London");
        body.put("name", Map.of("givenName", "Ada"));
        scim().body(json(body)).post(SCIM_USERS).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("name.familyName"));
        body.remove("userName");
        scim().body(json(body)).post(SCIM_USERS).then().statusCode(400)
                .body("detail", containsString("userName"));
        scim().body("{\"userName\": ").post(SCIM_USERS).then().statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
    }

    @Test
    void userNameIsUniqueWithoutRegardToCase() {
        createScimUser("ada.l", "London");
        scim().body(json(scimUser("ADA.L", "Paris"))).post(SCIM_USERS).then().statusCode(409)
                .body("scimType", equalTo("uniqueness"))
                .body("status", equalTo("409"));
    }

    @Test
    void onlyOneEmailAndNoneMeansNoreply() {
        Map<String, Object> two = scimUser("twomails", "London");
        two.put("emails", List.of(Map.of("value", "a@example.com", "type", "work"),
                Map.of("value", "b@example.com", "type", "home")));
        scim().body(json(two)).post(SCIM_USERS).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("one email"));
        Map<String, Object> none = scimUser("nomail", "London");
        none.remove("emails");
        scim().body(json(none)).post(SCIM_USERS).then().statusCode(201)
                .body("emails", hasSize(1))
                .body("emails[0].value", equalTo("noreply@8x8.com"))
                .body("emails[0].primary", equalTo(true));
    }

    @Test
    void putReplacesTheUser() {
        Map<String, Object> body = scimUser("put.me", "New York");
        body.put("title", "Agent");
        String id = scim().body(json(body)).post(SCIM_USERS).then().statusCode(201).extract().path("id");
        Map<String, Object> replacement = scimUser("put.me2", "New York");
        replacement.put("name", Map.of("givenName", "Ada", "familyName", "Byron"));
        scim().body(json(replacement)).put(SCIM_USERS + "/" + id).then().statusCode(200)
                .body("userName", equalTo("put.me2"))
                .body("name.familyName", equalTo("Byron"))
                .body("title", nullValue());
        scim().get(SCIM_USERS + "/" + id).then().body("userName", equalTo("put.me2"));
        replacement.remove(SITE_EXTENSION);
        scim().body(json(replacement)).put(SCIM_USERS + "/" + id).then().statusCode(400)
                .body("detail", equalTo("site is required"));
        scim().body(json(replacement)).put(SCIM_USERS + "/missing").then().statusCode(404);
    }

    @Test
    void siteCannotChangeAfterCreation() {
        String id = createScimUser("mover", "London");
        scim().body(json(scimUser("mover", "Paris"))).put(SCIM_USERS + "/" + id).then().statusCode(400)
                .body("scimType", equalTo("mutability"))
                .body("detail", equalTo("site cannot be updated after user creation"));
        scim().get(SCIM_USERS + "/" + id).then().body("'" + SITE_EXTENSION + "'.site", equalTo("London"));
    }

    @Test
    void patchChangesActiveOnly() {
        String id = createScimUser("patchy", "London");
        String byPath = json(Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "path", "active", "value", false))));
        scim().body(byPath).patch(SCIM_USERS + "/" + id).then().statusCode(200).body("active", equalTo(false));
        // Path-less, with Entra ID's capitalised op and string boolean.
        String pathLess = json(Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "Replace", "value", Map.of("active", "True")))));
        scim().body(pathLess).patch(SCIM_USERS + "/" + id).then().statusCode(200).body("active", equalTo(true));

        for (Map<String, Object> operation : List.<Map<String, Object>>of(
                Map.of("op", "replace", "path", "title", "value", "Boss"),
                Map.of("op", "replace", "value", Map.of("active", false, "title", "Boss")),
                Map.of("op", "add", "path", "phoneNumbers", "value", List.of()),
                Map.of("op", "remove", "path", "active"))) {
            scim().body(json(Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                    "Operations", List.of(operation)))).patch(SCIM_USERS + "/" + id).then().statusCode(400)
                    .body("scimType", equalTo("invalidPath"))
                    .body("detail", equalTo("8x8 SCIM PATCH supports only the active attribute"));
        }
        scim().get(SCIM_USERS + "/" + id).then().body("active", equalTo(true)).body("title", nullValue());
    }

    @Test
    void deleteOnlyDeactivates() {
        String id = createScimUser("leaver", "Paris");
        scim().delete(SCIM_USERS + "/" + id).then().statusCode(204);
        scim().get(SCIM_USERS + "/" + id).then().statusCode(200).body("active", equalTo(false));
        scim().delete(SCIM_USERS + "/nobody").then().statusCode(404);
    }
}
