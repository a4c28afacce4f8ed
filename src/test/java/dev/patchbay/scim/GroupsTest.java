package dev.patchbay.scim;

import static dev.patchbay.scim.ScimFixture.GROUP_SCHEMA;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GroupsTest {

    private ScimFixture scim;
    private String alice;
    private String bob;

    @BeforeEach
    void users() {
        scim = ScimFixture.create("groups");
        alice = scim.createUser("alice@example.com");
        bob = scim.createUser("bob@example.com");
    }

    @Test
    void createWithMembersAndReadBack() {
        String id = scim.post("/Groups", """
                {"schemas":["%s"],"displayName":"Agents","externalId":"g-1",
                 "members":[{"value":"%s"},{"value":"%s","type":"User"}]}""".formatted(GROUP_SCHEMA, alice, bob))
                .statusCode(201)
                .header("ETag", equalTo("W/\"0\""))
                .body("displayName", equalTo("Agents"))
                .body("members.value", containsInAnyOrder(alice, bob))
                .body("members.find { it.value == '%s' }.display".formatted(alice), equalTo("alice@example.com"))
                .body("members[0].type", equalTo("User"))
                .body("meta.resourceType", equalTo("Group"))
                .extract().path("id");
        scim.get("/Groups/" + id + "?excludedAttributes=members").statusCode(200)
                .body("$", not(hasKey("members")))
                .body("displayName", equalTo("Agents"));
        scim.get("/Users/" + alice).body("groups[0].value", equalTo(id))
                .body("groups[0].display", equalTo("Agents"))
                .body("groups[0].type", equalTo("direct"));
    }

    @Test
    void displayNameIsUniqueAndFilterable() {
        scim.createGroup("Supervisors");
        scim.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"supervisors\"}")
                .statusCode(409).body("scimType", equalTo("uniqueness"));
        scim.get("/Groups?excludedAttributes=members&filter=displayName eq \"Supervisors\"").statusCode(200)
                .body("totalResults", equalTo(1))
                .body("Resources[0]", not(hasKey("members")));
    }

    @Test
    void patchAddsAndRemovesMembersWith204() {
        String id = scim.createGroup("Queue A");
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + alice + "\"},{\"value\":\"" + bob + "\"}]}"))
                .statusCode(204).body(emptyString()).header("ETag", equalTo("W/\"1\""));
        scim.get("/Groups/" + id).body("members.value", containsInAnyOrder(alice, bob));
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}"))
                .statusCode(204);
        scim.get("/Groups/" + id).body("members.value", equalTo(List.of(bob)));
        scim.get("/Groups?filter=members.value eq \"" + bob + "\"").body("totalResults", equalTo(1));
        scim.get("/Groups?filter=members[value eq \"" + alice + "\"]").body("totalResults", equalTo(0));
        scim.patch("/Groups/" + id + "?attributes=members", patchOp(
                        "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]}"))
                .statusCode(200).body("members.value", equalTo(List.of(alice)));
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}")).statusCode(204);
        scim.get("/Groups/" + id).body("members", hasSize(0));
    }

    @Test
    void addingAnUnknownOrForeignMemberFailsAndChangesNothing() {
        String id = scim.createGroup("Strict");
        ScimFixture other = ScimFixture.create("groups-other");
        String foreign = other.createUser("foreign@example.com");
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + alice + "\"},{\"value\":\"" + foreign + "\"}]}"))
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"nope\"}]}"))
                .statusCode(400);
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}"))
                .statusCode(400);
        scim.get("/Groups/" + id).body("members", hasSize(0)).body("meta.version", equalTo("W/\"0\""));
        scim.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"Has foreign\","
                + "\"members\":[{\"value\":\"" + foreign + "\"}]}").statusCode(400);
        scim.get("/Groups?filter=displayName eq \"Has foreign\"").body("totalResults", equalTo(0));
    }

    @Test
    void nestedGroupsGiveIndirectMembership() {
        String inner = scim.createGroup("Inner");
        String outer = scim.createGroup("Outer");
        scim.patch("/Groups/" + inner, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]}"))
                .statusCode(204);
        scim.patch("/Groups/" + outer, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + inner + "\"}]}"))
                .statusCode(204);
        scim.get("/Groups/" + outer).body("members[0].type", equalTo("Group"))
                .body("members[0].display", equalTo("Inner"));
        scim.get("/Users/" + alice)
                .body("groups.find { it.value == '%s' }.type".formatted(inner), equalTo("direct"))
                .body("groups.find { it.value == '%s' }.type".formatted(outer), equalTo("indirect"));
    }

    @Test
    void aPageOfUsersShowsEachUsersOwnGroupsByNameAndNoneForAUserInNoGroup() {
        String carol = scim.createUser("carol@example.com");
        String agents = scim.createGroup("Agents");
        String billing = scim.createGroup("Billing");
        String everyone = scim.createGroup("Everyone");
        scim.patch("/Groups/" + agents, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + alice + "\"}]}")).statusCode(204);
        scim.patch("/Groups/" + billing, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + alice + "\"},{\"value\":\"" + bob + "\"}]}")).statusCode(204);
        scim.patch("/Groups/" + everyone, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + agents + "\"}]}")).statusCode(204);

        scim.get("/Users?filter=userName ew \"@example.com\"&sortBy=userName").statusCode(200)
                .body("totalResults", equalTo(3))
                .body("Resources.userName", equalTo(List.of("alice@example.com", "bob@example.com", "carol@example.com")))
                .body("Resources[0].groups.display", equalTo(List.of("Agents", "Billing", "Everyone")))
                .body("Resources[0].groups.type", equalTo(List.of("direct", "direct", "indirect")))
                .body("Resources[1].groups.value", equalTo(List.of(billing)))
                .body("Resources[2]", not(hasKey("groups")));
        scim.get("/Users?filter=userName ew \"@example.com\"&excludedAttributes=groups").statusCode(200)
                .body("Resources.findAll { it.groups != null }", hasSize(0));
        scim.get("/Users/" + carol).statusCode(200).body("$", not(hasKey("groups")));
    }

    @Test
    void putReplacesNameAndMembers() {
        String id = scim.createGroup("Old name");
        scim.request().body("{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"New name\","
                        + "\"members\":[{\"value\":\"" + bob + "\"}]}")
                .put(scim.path("/Groups/" + id)).then().statusCode(200)
                .body("displayName", equalTo("New name"))
                .body("members.value", equalTo(List.of(bob)));
    }

    @Test
    void deletingAUserOrGroupRemovesItsMemberships() {
        String id = scim.createGroup("Cleanup");
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + alice + "\"},{\"value\":\"" + bob + "\"}]}")).statusCode(204);
        scim.request().delete(scim.path("/Users/" + alice)).then().statusCode(204);
        scim.get("/Groups/" + id).body("members.value", equalTo(List.of(bob)));
        scim.request().delete(scim.path("/Groups/" + id)).then().statusCode(204);
        scim.get("/Groups/" + id).statusCode(404);
        scim.get("/Users/" + bob).body("$", not(hasKey("groups")));
    }

    @Test
    void badGroupRequestsAreRejected() {
        String id = scim.createGroup("Valid");
        scim.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"]}").statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("displayName"));
        scim.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"x\",\"members\":\"all\"}")
                .statusCode(400);
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"remove\",\"path\":\"members[display eq \\\"x\\\"]\"}"))
                .statusCode(400).body("scimType", equalTo("invalidFilter"));
        scim.patch("/Groups/" + id, patchOp("{\"op\":\"replace\",\"path\":\"members.value\",\"value\":\"x\"}"))
                .statusCode(400);
        scim.get("/Groups/" + id).body("displayName", equalTo("Valid")).body("meta.version", equalTo("W/\"0\""));
    }
}
