package dev.patchbay.security;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.scim.ScimFixture.GROUP_SCHEMA;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.scim.ScimFixture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A credential of connection A reaches nothing of connection B: B's ids are unknown (404) on A's
 * endpoints for every operation, B's resources never appear in A's lists, filters, searches or bulk
 * requests, A's groups cannot take B's users as members, and B's data is unchanged afterwards.
 */
@QuarkusTest
class TenantIsolationTest {

    private ScimFixture a;
    private ScimFixture b;
    private String bUser;
    private String bGroup;
    private String bUserVersion;

    @BeforeEach
    void twoConnections() {
        a = ScimFixture.create("tenant-a");
        b = ScimFixture.create("tenant-b");
        a.createUser("alice@a.example.com");
        bUser = b.createUser("bob@b.example.com");
        bGroup = b.createGroup("B Team");
        b.patch("/Groups/" + bGroup, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bUser
                + "\"}]}")).statusCode(204);
        bUserVersion = b.get("/Users/" + bUser).statusCode(200).extract().path("meta.version");
    }

    @Test
    void anotherConnectionsIdsAreUnknownForEveryOperation() {
        a.get("/Users/" + bUser).statusCode(404);
        a.request().body(ScimFixture.user("bob@b.example.com")).put(a.path("/Users/" + bUser)).then().statusCode(404);
        a.patch("/Users/" + bUser, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")).statusCode(404);
        a.request().delete(a.path("/Users/" + bUser)).then().statusCode(404);
        a.get("/Groups/" + bGroup).statusCode(404);
        a.patch("/Groups/" + bGroup, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Taken\"}"))
                .statusCode(404);
        a.request().delete(a.path("/Groups/" + bGroup)).then().statusCode(404);
        assertBUnchanged();
    }

    @Test
    void listsFiltersAndSearchesShowNothingOfTheOtherConnection() {
        a.get("/Users").statusCode(200).body("Resources.id", not(hasItem(bUser)))
                .body("Resources.userName", everyItem(not(equalTo("bob@b.example.com"))));
        a.request().queryParam("filter", "userName eq \"bob@b.example.com\"").get(a.path("/Users")).then()
                .statusCode(200).body("totalResults", equalTo(0));
        a.request().queryParam("filter", "id eq \"" + bUser + "\"").get(a.path("/Users")).then()
                .statusCode(200).body("totalResults", equalTo(0));
        a.request().queryParam("filter", "displayName eq \"B Team\"").get(a.path("/Groups")).then()
                .statusCode(200).body("totalResults", equalTo(0));
        a.post("/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"userName sw \\\"bob\\\"\"}").statusCode(200).body("totalResults", equalTo(0));
        a.post("/Groups/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"members.value eq \\\"" + bUser + "\\\"\"}").statusCode(200).body("totalResults", equalTo(0));
    }

    @Test
    void bulkRequestsCannotReachTheOtherConnection() {
        a.post("/Bulk", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"PATCH","path":"/Users/%1$s","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                   "Operations":[{"op":"replace","path":"displayName","value":"Hijacked"}]}},
                 {"method":"DELETE","path":"/Groups/%2$s"},
                 {"method":"PUT","path":"/Users/%1$s","data":%3$s}]}"""
                .formatted(bUser, bGroup, ScimFixture.user("bob@b.example.com")))
                .statusCode(200)
                .body("Operations.status", org.hamcrest.Matchers.contains("404", "404", "404"));
        assertBUnchanged();
    }

    @Test
    void aGroupCannotTakeAnotherConnectionsUserAsMember() {
        a.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"Poacher\",\"members\":[{\"value\":\""
                + bUser + "\"}]}").statusCode(400);
        a.request().queryParam("filter", "displayName eq \"Poacher\"").get(a.path("/Groups")).then()
                .body("totalResults", equalTo(0));
        String aGroup = a.createGroup("A Team");
        a.patch("/Groups/" + aGroup, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bUser
                + "\"}]}")).statusCode(400);
        a.get("/Groups/" + aGroup).body("members", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                org.hamcrest.Matchers.empty()));
        assertBUnchanged();
    }

    @Test
    void oneConnectionsTokenOpensNothingOnAnother() {
        given().auth().oauth2(a.token).get(b.path("/Users/" + bUser)).then().statusCode(401);
        given().auth().oauth2(a.token).get(b.path("/Users")).then().statusCode(401);
        String bTokenId = admin().get("/admin/v1/connections/{c}/tokens", b.connection).then().statusCode(200)
                .extract().path("items[0].id");
        org.junit.jupiter.api.Assertions.assertNotNull(bTokenId);
        admin().delete("/admin/v1/connections/{c}/tokens/{t}", a.connection, bTokenId).then().statusCode(404);
        b.get("/Users/" + bUser).statusCode(200);
    }

    private void assertBUnchanged() {
        b.get("/Users/" + bUser).statusCode(200).body("userName", equalTo("bob@b.example.com"))
                .body("active", equalTo(true)).body("meta.version", equalTo(bUserVersion));
        b.get("/Groups/" + bGroup).statusCode(200).body("displayName", equalTo("B Team"))
                .body("members.value", hasItem(bUser));
        assertEquals(1, (int) b.get("/Users").extract().path("totalResults"));
    }
}
