package dev.patchbay.scim;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests Okta sends (shared/reference/idp-clients.md §2.1, §2.3), end to end. */
@QuarkusTest
class OktaRequestsTest {

    private ScimFixture scim;

    @BeforeEach
    void connection() {
        scim = ScimFixture.create("okta");
    }

    private String createOktaUser(String userName, String externalId) {
        return scim.request().header("User-Agent", "Okta SCIM Client 1.0.0").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%1$s",
                 "name":{"givenName":"Test","familyName":"User"},
                 "emails":[{"primary":true,"value":"%1$s","type":"work"}],
                 "displayName":"Test User","locale":"en-US","externalId":"%2$s","groups":[],
                 "password":"1mz050nq","active":true}""".formatted(userName, externalId))
                .post(scim.path("/Users")).then().statusCode(201).extract().path("id");
    }

    @Test
    void existenceCheckThenCreateWithAnUnsolicitedPassword() {
        existenceCheck()
                .statusCode(200).body("totalResults", equalTo(0)).body("startIndex", equalTo(1))
                .body("itemsPerPage", equalTo(0)).body("Resources", hasSize(0));
        String id = createOktaUser("test.user@okta.local", "00ujl29u0le5T6Aj10h7");
        String body = scim.get("/Users/" + id).statusCode(200)
                .body("$", not(hasKey("password")))
                .body("locale", equalTo("en-US"))
                .extract().asString();
        assertFalse(body.contains("1mz050nq"), "the password is never returned");
        existenceCheck().body("totalResults", equalTo(1));
        scim.request().body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local","active":true}""")
                .post(scim.path("/Users")).then().statusCode(409);
    }

    /** Sent exactly as Okta encodes it. */
    private io.restassured.response.ValidatableResponse existenceCheck() {
        return scim.request().urlEncodingEnabled(false)
                .get(scim.path("/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100"))
                .then();
    }

    @Test
    void pathlessDeactivateAndReactivate() {
        String id = createOktaUser("deact@okta.local", "00u-deact");
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""")
                .statusCode(200).body("active", equalTo(false));
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":true}}]}""")
                .statusCode(200).body("active", equalTo(true));
    }

    @Test
    void putWithTheWholeObjectAsOktaReadIt() {
        String id = createOktaUser("put@okta.local", "00u-put");
        String current = scim.get("/Users/" + id).extract().asString();
        String updated = current.replace("\"Test User\"", "\"Renamed User\"").replace("\"givenName\":\"Test\"",
                "\"givenName\":\"Renamed\"");
        scim.request().body(updated).put(scim.path("/Users/" + id)).then().statusCode(200)
                .body("displayName", equalTo("Renamed User"))
                .body("name.givenName", equalTo("Renamed"))
                .body("id", equalTo(id))
                .body("externalId", equalTo("00u-put"));
    }

    @Test
    void reassignmentAfterAUserNameChangeReactivatesTheRetainedUser() {
        String id = createOktaUser("before@okta.local", "00ujl29u0le5T6Aj10h7");
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""")
                .statusCode(200);
        String again = createOktaUser("after@okta.local", "00ujl29u0le5T6Aj10h7");
        assertEquals(id, again, "the retained user is reused, not duplicated");
        scim.get("/Users").body("totalResults", equalTo(1))
                .body("Resources[0].userName", equalTo("after@okta.local"))
                .body("Resources[0].active", equalTo(true));
    }

    @Test
    void importPagesWithStartIndexAndCount() {
        for (int i = 0; i < 3; i++) {
            createOktaUser("import" + i + "@okta.local", "00u-import-" + i);
        }
        scim.get("/Users?startIndex=1&count=2").body("totalResults", equalTo(3)).body("Resources", hasSize(2))
                .body("itemsPerPage", equalTo(2)).body("startIndex", equalTo(1));
        scim.get("/Users?startIndex=3&count=2").body("Resources", hasSize(1)).body("startIndex", equalTo(3));
        scim.get("/Groups?startIndex=1&count=100").statusCode(200).body("totalResults", equalTo(0));
    }

    @Test
    void groupPushRenameAndMembershipInOnePatch() {
        String alice = createOktaUser("alice@okta.local", "00u-a");
        String bob = createOktaUser("bob@okta.local", "00u-b");
        String group = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}""")
                .statusCode(201).extract().path("id");
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"id":"%s","displayName":"Test SCIMv2"}}]}""".formatted(group))
                .statusCode(204);
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"add","path":"members","value":[{"value":"%s","display":"alice@okta.local"}]}]}""".formatted(alice))
                .statusCode(204);
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"remove","path":"members[value eq \\"%s\\"]"},
                 {"op":"add","path":"members","value":[{"value":"%s","display":"bob@okta.local"}]}]}""".formatted(alice, bob))
                .statusCode(204);
        scim.get("/Groups/" + group).body("members.value", equalTo(List.of(bob)));
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"members","value":[{"value":"%s"},{"value":"%s"}]}]}""".formatted(alice, bob))
                .statusCode(204);
        scim.get("/Groups/" + group).body("members.value", containsInAnyOrder(alice, bob));
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"members","value":[]}]}""").statusCode(204);
        scim.get("/Groups/" + group).body("members", hasSize(0)).body("displayName", equalTo("Test SCIMv2"));
        scim.request().delete(scim.path("/Groups/" + group)).then().statusCode(204);
    }
}
