package dev.patchbay.scim;

import static dev.patchbay.scim.ScimFixture.patchOp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.job.JobWorker;
import dev.patchbay.provisioning.FakeVendor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interoperability gaps third-party SCIM suites found, with the bodies they sent. */
@QuarkusTest
class InteropGapsTest {

    private static final String PATCHBAY = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    /** RFC 7643 §4.1.2's own example address, with "primary". */
    private static final String USER_WITH_PRIMARY_ADDRESS = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"%s",
             "addresses":[{"type":"work","streetAddress":"100 Universal City Plaza","locality":"Hollywood",
                           "region":"CA","postalCode":"91608","country":"USA",
                           "formatted":"100 Universal City Plaza\\nHollywood, CA 91608 USA","primary":true},
                          {"type":"home","streetAddress":"456 Hollywood Blvd","locality":"Hollywood","region":"CA",
                           "postalCode":"91608","country":"USA","display":"Home"}]}""";

    @Inject
    FakeVendor vendor;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    private ScimFixture scim;

    @BeforeEach
    void fixture() {
        scim = ScimFixture.create("interop");
    }

    @Test
    void primaryAndDisplayOfAnAddressAreAcceptedByPostPutAndPatch() {
        String id = scim.post("/Users", USER_WITH_PRIMARY_ADDRESS.formatted("addr@example.com")).statusCode(201)
                .body("addresses.find { it.type == 'work' }.primary", equalTo(true))
                .body("addresses.find { it.type == 'home' }.display", equalTo("Home"))
                .extract().path("id");

        scim.request().body(USER_WITH_PRIMARY_ADDRESS.formatted("addr@example.com").replace("\"primary\":true",
                        "\"primary\":false")).put(scim.path("/Users/" + id)).then().statusCode(200)
                .body("addresses.find { it.type == 'work' }.primary", equalTo(false));

        scim.patch("/Users/" + id, patchOp("""
                {"op":"replace","path":"addresses[type eq \\"work\\"].primary","value":true}""")).statusCode(200)
                .body("addresses.find { it.type == 'work' }.primary", equalTo(true));
        scim.patch("/Users/" + id, patchOp("""
                {"op":"add","path":"addresses","value":[{"type":"other","locality":"Paris","primary":false}]}"""))
                .statusCode(200);
        scim.get("/Users/" + id).statusCode(200)
                .body("addresses.size()", equalTo(3))
                .body("addresses.find { it.type == 'work' }.primary", equalTo(true))
                .body("addresses.find { it.type == 'other' }.primary", equalTo(false));
    }

    @Test
    void twoPrimaryAddressesAreStillRefused() {
        scim.post("/Users", USER_WITH_PRIMARY_ADDRESS.formatted("two@example.com")
                        .replace("\"display\":\"Home\"", "\"primary\":true")).statusCode(400)
                .body("scimType", equalTo("invalidValue"));
    }

    @Test
    void everyMultiValuedComplexAttributeDeclaresPrimaryDisplayAndType() {
        JsonPath schemas = scim.get("/Schemas").statusCode(200).extract().jsonPath();
        for (Map<String, Object> schema : schemas.<Map<String, Object>>getList("Resources")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> attributes = (List<Map<String, Object>>) schema.get("attributes");
            for (Map<String, Object> attribute : attributes) {
                if (Boolean.TRUE.equals(attribute.get("multiValued")) && "complex".equals(attribute.get("type"))) {
                    @SuppressWarnings("unchecked")
                    Set<String> names = Set.copyOf(((List<Map<String, Object>>) attribute.get("subAttributes"))
                            .stream().map(sub -> (String) sub.get("name")).toList());
                    assertTrue(names.containsAll(Set.of("primary", "display", "type")),
                            schema.get("id") + ":" + attribute.get("name") + " has " + names);
                }
            }
        }
    }

    @Test
    void patchRemoveOfActiveNeverReactivatesAUser() {
        String id = scim.createUser("leaver@example.com");
        drain();
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))
                .statusCode(200).body("active", equalTo(false));
        drain();
        assertFalse(vendor.accountFor("leaver@example.com").orElseThrow().active());
        int callsBefore = vendor.calls().size();

        scim.patch("/Users/" + id, patchOp("{\"op\":\"remove\",\"path\":\"active\"}")).statusCode(200)
                .body("active", equalTo(false));
        scim.patch("/Users/" + id, patchOp("{\"op\":\"Remove\",\"path\":\"active\"}")).statusCode(200);
        scim.get("/Users/" + id).statusCode(200).body("active", equalTo(false));
        assertEquals(Boolean.FALSE, storedActive(id));
        scim.request().queryParam("filter", "active eq false").get(scim.path("/Users")).then()
                .body("totalResults", equalTo(1));
        drain();
        assertFalse(vendor.accountFor("leaver@example.com").orElseThrow().active());
        assertFalse(vendor.calls().subList(callsBefore, vendor.calls().size()).stream()
                .anyMatch(call -> call.startsWith("reactivate")), vendor.calls().toString());
    }

    @Test
    void patchRemoveOfActiveKeepsAnActiveUserActive() {
        String id = scim.createUser("stayer@example.com");
        scim.patch("/Users/" + id, patchOp("{\"op\":\"remove\",\"path\":\"active\"}")).statusCode(200)
                .body("active", equalTo(true));
        assertEquals(Boolean.TRUE, storedActive(id));
    }

    @Test
    void anUnknownSubAttributeIsRefusedAlikeForMembersAddressesAndNames() {
        String user = scim.createUser("member@example.com");
        String group = scim.createGroup("Agents");
        scim.patch("/Groups/" + group, patchOp("""
                {"op":"add","path":"members","value":[{"value":"%s","colour":"blue"}]}""".formatted(user)))
                .statusCode(400).body("scimType", equalTo("invalidSyntax"))
                .body("detail", containsString("'colour' of 'members'"));
        scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Other",
                 "members":[{"value":"%s","colour":"blue"}]}""".formatted(user))
                .statusCode(400).body("scimType", equalTo("invalidSyntax"))
                .body("detail", containsString("'colour' of 'members'"));
        scim.patch("/Users/" + user, patchOp("""
                {"op":"add","path":"addresses","value":[{"type":"work","colour":"blue"}]}"""))
                .statusCode(400).body("scimType", equalTo("invalidSyntax"))
                .body("detail", containsString("'colour' of 'addresses'"));
        scim.patch("/Users/" + user, patchOp("{\"op\":\"replace\",\"path\":\"name.colour\",\"value\":\"blue\"}"))
                .statusCode(400).body("scimType", equalTo("invalidPath"));
        scim.request().queryParam("filter", "addresses[colour eq \"blue\"]").get(scim.path("/Users")).then()
                .statusCode(400).body("scimType", equalTo("invalidFilter"));
        scim.get("/Groups/" + group).statusCode(200).body("members", equalTo(List.of()));
        scim.get("/Users/" + user).statusCode(200).body("addresses", equalTo(null));
    }

    @Test
    void anUnknownSubAttributeWithANullValueIsIgnoredAsNullsAre() {
        String user = scim.createUser("nulls@example.com");
        String group = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Nulls",
                 "members":[{"value":"%s","colour":null}]}""".formatted(user)).statusCode(201)
                .body("members.value", hasItem(user)).extract().path("id");
        scim.patch("/Users/" + user, patchOp("""
                {"op":"add","path":"addresses","value":[{"type":"work","locality":"Oslo","colour":null}]}"""))
                .statusCode(200).body("addresses[0].locality", equalTo("Oslo"))
                .body("addresses[0]", not(org.hamcrest.Matchers.hasKey("colour")));
        scim.get("/Groups/" + group).statusCode(200);
    }

    @Test
    void aFilterOnTheProvisioningStateFindsTheUsersInThatState() {
        String first = scim.createUser("first@example.com");
        String second = scim.createUser("second@example.com");
        String third = scim.createUser("third@example.com");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String id : List.of(first, second)) {
                entityManager.createNativeQuery("""
                        insert into vendor_account (connection_id, user_id, vendor_id, status, pending_steps, updated)
                        values (:c, cast(:u as uuid), 'v-' || :u, 'needs_action', 2, now())
                        on conflict (connection_id, user_id) do update set status = 'needs_action', pending_steps = 2""")
                        .setParameter("c", scim.connection).setParameter("u", id).executeUpdate();
                // As if the worker had run their jobs: a due job would show them pending.
                entityManager.createNativeQuery("delete from provisioning_job where connection_id = :c"
                        + " and user_id = cast(:u as uuid)").setParameter("c", scim.connection).setParameter("u", id)
                        .executeUpdate();
            }
        });
        scim.request().queryParam("filter", PATCHBAY + ":provisioning.state eq \"needs_action\"")
                .get(scim.path("/Users")).then().statusCode(200)
                .body("totalResults", equalTo(2))
                .body("Resources.id", org.hamcrest.Matchers.containsInAnyOrder(first, second))
                .body("Resources[0].'" + PATCHBAY + "'.provisioning.state", equalTo("needs_action"));
        scim.request().queryParam("filter", PATCHBAY + ":provisioning.state eq \"pending\"")
                .get(scim.path("/Users")).then().statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(third));
        scim.request().queryParam("filter", PATCHBAY + ":provisioning.pendingSteps ge 2 and userName sw \"f\"")
                .get(scim.path("/Users")).then().statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(first));
        scim.post("/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:provisioning.state ne \\"needs_action\\""}""")
                .statusCode(200).body("totalResults", equalTo(1));
    }

    @Test
    void aFilterOnAnAttributeThatIsNeverStoredIsInvalidFilter() {
        scim.createUser("secret@example.com");
        scim.request().queryParam("filter", "password eq \"x\"").get(scim.path("/Users")).then()
                .statusCode(400).body("scimType", equalTo("invalidFilter"));
    }

    private Boolean storedActive(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager.createNativeQuery(
                "select active from scim_user where id = cast(:id as uuid)").setParameter("id", id).getSingleResult());
    }

    private void drain() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set next_attempt_at = now() - interval '1 second' where state = 'pending'")
                .executeUpdate());
        for (int i = 0; i < 100 && worker.runOnce("interop-worker") > 0; i++) {
            // until no due job is left
        }
    }
}
