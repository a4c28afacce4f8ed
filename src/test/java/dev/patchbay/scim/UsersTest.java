package dev.patchbay.scim;

import static dev.patchbay.scim.ScimFixture.ERROR;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static dev.patchbay.scim.ScimFixture.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UsersTest {

    private ScimFixture scim;

    @BeforeEach
    void fixture() {
        scim = ScimFixture.create("users");
    }

    @Test
    void createReturns201WithLocationEtagAndMeta() {
        String location = scim.post("/Users", user("ada@example.com"))
                .statusCode(201)
                .contentType(startsWith("application/scim+json"))
                .header("ETag", equalTo("W/\"0\""))
                .header("Location", containsString("/scim/v2/" + scim.connection + "/Users/"))
                .body("id", not(nullValue()))
                .body("schemas", equalTo(List.of(ScimFixture.USER_SCHEMA,
                        "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User")))
                .body("'urn:ietf:params:scim:schemas:extension:patchbay:2.0:User'.provisioning.state",
                        equalTo("pending"))
                .body("userName", equalTo("ada@example.com"))
                .body("active", equalTo(true))
                .body("meta.resourceType", equalTo("User"))
                .body("meta.version", equalTo("W/\"0\""))
                .body("meta.created", not(nullValue()))
                .body("meta.lastModified", not(nullValue()))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        scim.get("/Users/" + id).statusCode(200)
                .body("id", equalTo(id))
                .body("meta.location", equalTo(location))
                .body("emails[0].value", equalTo("ada@example.com"))
                .body("name.givenName", equalTo("Given"));
    }

    @Test
    void unknownIdsAreScim404s() {
        scim.get("/Users/5d48a0a8-e9f0-4aa3-8008-000000000000").statusCode(404)
                .contentType(startsWith("application/scim+json"))
                .body("schemas", equalTo(List.of(ERROR)))
                .body("status", equalTo("404"));
        scim.get("/Users/not-a-uuid").statusCode(404).body("status", equalTo("404"));
    }

    @Test
    void userNameIsUniqueWithoutRegardToCase() {
        scim.createUser("grace@example.com");
        scim.post("/Users", user("GRACE@example.com")).statusCode(409)
                .body("scimType", equalTo("uniqueness"))
                .body("status", equalTo("409"));
        scim.get("/Users?filter=userName eq \"grace@example.com\"").body("totalResults", equalTo(1));
    }

    @Test
    void badBodiesAreRejectedAndChangeNothing() {
        scim.post("/Users", "{\"schemas\": [").statusCode(400).body("scimType", equalTo("invalidSyntax"));
        scim.post("/Users", "[]").statusCode(400).body("scimType", equalTo("invalidSyntax"));
        scim.post("/Users", "{\"schemas\":[\"" + ScimFixture.USER_SCHEMA + "\"],\"userName\":42}")
                .statusCode(400).body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("userName"));
        scim.post("/Users", "{\"schemas\":[\"" + ScimFixture.USER_SCHEMA + "\"],\"userName\":\"x@y\",\"active\":\"yes\"}")
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        scim.post("/Users", "{\"schemas\":[\"" + ScimFixture.USER_SCHEMA + "\"],\"userName\":\"x@y\",\"shoeSize\":44}")
                .statusCode(400).body("scimType", equalTo("invalidSyntax"))
                .body("detail", containsString("shoeSize"));
        scim.post("/Users", "{\"schemas\":[\"" + ScimFixture.USER_SCHEMA + "\"],\"name\":{\"givenName\":\"x\"}}")
                .statusCode(400).body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("userName"));
        scim.post("/Users", "{\"schemas\":[\"urn:example:unknown\"],\"userName\":\"x@y\"}")
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        scim.post("/Users", "{\"schemas\":[\"" + ScimFixture.USER_SCHEMA + "\"],\"userName\":\"x@y\","
                + "\"emails\":[{\"value\":\"a@b\",\"primary\":true},{\"value\":\"c@d\",\"primary\":true}]}")
                .statusCode(400).body("detail", containsString("primary"));
        scim.post("/Users", "{\"schemas\":[\"" + ScimFixture.USER_SCHEMA + "\"],\"userName\":\"x@y\","
                + "\"name\":{\"nickname\":\"x\"}}").statusCode(400).body("detail", containsString("nickname"));
        scim.request().contentType("text/plain").body("userName=x").post(scim.path("/Users")).then()
                .statusCode(415).body("schemas", equalTo(List.of(ERROR)));
        scim.post("/Users", "{\"schemas\":[\"" + ScimFixture.USER_SCHEMA + "\"],\"userName\":\"x@y\",\"title\":\""
                + "x".repeat(1_100_000) + "\"}").statusCode(413).body("schemas", equalTo(List.of(ERROR)));
        scim.get("/Users").statusCode(200).body("totalResults", equalTo(0));
    }

    @Test
    void plainJsonIsAcceptedAndReadOnlyAttributesAreIgnored() {
        scim.request().contentType("application/json")
                .body("{\"schemas\":[\"" + ScimFixture.USER_SCHEMA + "\"],\"userName\":\"ro@example.com\","
                        + "\"id\":\"chosen-by-client\",\"meta\":{\"created\":\"2001-01-01T00:00:00Z\"},"
                        + "\"groups\":[{\"value\":\"x\"}]}")
                .post(scim.path("/Users")).then().statusCode(201)
                .body("id", not(equalTo("chosen-by-client")))
                .body("meta.created", not(startsWith("2001")))
                .body("$", not(hasKey("groups")));
    }

    @Test
    void putReplacesTheUserAndKeepsServerOwnedFields() {
        String id = scim.createUser("put@example.com");
        String created = scim.get("/Users/" + id).extract().path("meta.created");
        scim.request().body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"put@example.com",
                 "displayName":"Put Person","active":false,"meta":{"created":"1999-01-01T00:00:00Z"}}""".formatted(id))
                .put(scim.path("/Users/" + id)).then().statusCode(200)
                .header("ETag", equalTo("W/\"1\""))
                .body("displayName", equalTo("Put Person"))
                .body("active", equalTo(false))
                .body("$", not(hasKey("name")))
                .body("$", not(hasKey("emails")))
                .body("meta.created", equalTo(created))
                .body("meta.version", equalTo("W/\"1\""));
    }

    @Test
    void ifMatchAndIfNoneMatchUseTheVersion() {
        String id = scim.createUser("etag@example.com");
        scim.request().header("If-None-Match", "W/\"0\"").get(scim.path("/Users/" + id)).then().statusCode(304);
        scim.request().header("If-None-Match", "W/\"7\"").get(scim.path("/Users/" + id)).then().statusCode(200);
        scim.request().header("If-Match", "W/\"5\"")
                .body(patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Nope\"}"))
                .patch(scim.path("/Users/" + id)).then().statusCode(412)
                .body("schemas", equalTo(List.of(ERROR)));
        scim.get("/Users/" + id).body("$", not(hasKey("displayName")));
        scim.request().header("If-Match", "W/\"0\"")
                .body(patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Yes\"}"))
                .patch(scim.path("/Users/" + id)).then().statusCode(200)
                .header("ETag", equalTo("W/\"1\""))
                .body("displayName", equalTo("Yes"));
        scim.request().header("If-Match", "W/\"0\"").delete(scim.path("/Users/" + id)).then().statusCode(412);
        scim.request().header("If-Match", "W/\"1\"").delete(scim.path("/Users/" + id)).then().statusCode(204);
    }

    @Test
    void deleteRemovesTheUser() {
        String id = scim.createUser("gone@example.com");
        scim.request().delete(scim.path("/Users/" + id)).then().statusCode(204);
        scim.get("/Users/" + id).statusCode(404);
        scim.request().delete(scim.path("/Users/" + id)).then().statusCode(404);
    }

    @Test
    void deactivatedUsersStayVisible() {
        String id = scim.createUser("inactive@example.com");
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))
                .statusCode(200).body("active", equalTo(false));
        scim.get("/Users/" + id).statusCode(200).body("active", equalTo(false));
        scim.get("/Users?filter=userName eq \"inactive@example.com\"").body("totalResults", equalTo(1))
                .body("Resources[0].active", equalTo(false));
        scim.get("/Users?filter=active eq false").body("Resources.id", hasItem(id));
    }

    @Test
    void meIsNotImplemented() {
        scim.get("/Me").statusCode(501).body("schemas", equalTo(List.of(ERROR))).body("status", equalTo("501"));
    }

    @Test
    void anotherConnectionsUsersAreInvisible() {
        String id = scim.createUser("mine@example.com");
        ScimFixture other = ScimFixture.create("other");
        other.get("/Users/" + id).statusCode(404);
        other.get("/Users?filter=userName eq \"mine@example.com\"").statusCode(200).body("totalResults", equalTo(0));
        other.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))
                .statusCode(404);
        other.request().delete(other.path("/Users/" + id)).then().statusCode(404);
        other.request().body(user("mine@example.com")).put(other.path("/Users/" + id)).then().statusCode(404);
        scim.get("/Users/" + id).statusCode(200).body("active", equalTo(true));
        assertEquals(201, other.post("/Users", user("mine@example.com")).extract().statusCode(),
                "userName is unique per connection, not across connections");
    }

    @Test
    void locationHeaderAndMetaLocationAgree() {
        var created = scim.post("/Users", user("loc@example.com")).statusCode(201).extract();
        assertEquals(created.header("Location"), created.path("meta.location"));
    }
}
