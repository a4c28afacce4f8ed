package dev.patchbay.scim;

import static dev.patchbay.scim.ScimFixture.ENTERPRISE;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserPatchTest {

    private ScimFixture scim;
    private String id;

    @BeforeEach
    void user() {
        scim = ScimFixture.create("patch");
        id = scim.createUser("patch@example.com");
    }

    private io.restassured.response.ValidatableResponse patch(String operations) {
        return scim.patch("/Users/" + id, patchOp(operations));
    }

    @Test
    void replaceAddAndRemoveWithPaths() {
        patch("""
                {"op":"replace","path":"name.familyName","value":"Lovelace"},
                {"op":"add","path":"title","value":"Countess"},
                {"op":"add","path":"phoneNumbers","value":[{"type":"mobile","value":"555-0100"}]},
                {"op":"remove","path":"name.givenName"}""")
                .statusCode(200)
                .header("ETag", equalTo("W/\"1\""))
                .body("name.familyName", equalTo("Lovelace"))
                .body("name", not(hasKey("givenName")))
                .body("title", equalTo("Countess"))
                .body("phoneNumbers[0].value", equalTo("555-0100"));
        scim.get("/Users/" + id).body("title", equalTo("Countess")).body("meta.version", equalTo("W/\"1\""));
    }

    @Test
    void valuePathFiltersSelectElements() {
        patch("{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"type\":\"home\",\"value\":\"home@example.com\"}]}")
                .statusCode(200).body("emails", hasSize(2));
        patch("{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].value\",\"value\":\"new-home@example.com\"}")
                .statusCode(200)
                .body("emails.find { it.type == 'home' }.value", equalTo("new-home@example.com"))
                .body("emails.find { it.type == 'work' }.value", equalTo("patch@example.com"));
        scim.get("/Users?filter=emails[type eq \"home\"].value eq \"new-home@example.com\"")
                .body("totalResults", equalTo(1));
        patch("{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}")
                .statusCode(200).body("emails", hasSize(1)).body("emails[0].type", equalTo("work"));
        scim.get("/Users?filter=emails.value eq \"new-home@example.com\"").body("totalResults", equalTo(0));
    }

    @Test
    void replaceOnAValuePathWithoutMatchAddsTheElement() {
        patch("{\"op\":\"replace\",\"path\":\"phoneNumbers[type eq \\\"work\\\"].value\",\"value\":\"555-0199\"}")
                .statusCode(200)
                .body("phoneNumbers[0].type", equalTo("work"))
                .body("phoneNumbers[0].value", equalTo("555-0199"));
    }

    @Test
    void extensionUrnPathsAndPathlessValues() {
        patch("{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":employeeNumber\",\"value\":\"701984\"}")
                .statusCode(200)
                .body("schemas", hasItem(ENTERPRISE))
                .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("701984"));
        patch("{\"op\":\"replace\",\"value\":{\"displayName\":\"Pat\",\"" + ENTERPRISE
                + "\":{\"department\":\"Ops\"}}}")
                .statusCode(200)
                .body("displayName", equalTo("Pat"))
                .body("'" + ENTERPRISE + "'.department", equalTo("Ops"))
                .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("701984"));
        scim.get("/Users?filter=" + ENTERPRISE + ":department eq \"ops\"").body("totalResults", equalTo(1));
    }

    @Test
    void multiValuedAddAppendsAndRemoveByFilterTakesOne() {
        patch("{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:queues\","
                + "\"value\":[\"Sales\",\"Support\"]}").statusCode(200);
        patch("{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:queues\","
                + "\"value\":[\"Billing\"]}").statusCode(200)
                .body("'urn:ietf:params:scim:schemas:extension:patchbay:2.0:User'.queues",
                        containsInAnyOrder("Sales", "Support", "Billing"));
        scim.get("/Users?filter=urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:queues eq \"billing\"")
                .body("totalResults", equalTo(1));
    }

    @Test
    void badPatchesAreRejectedAndChangeNothing() {
        patch("{\"op\":\"replace\",\"path\":\"shoeSize\",\"value\":44}").statusCode(400)
                .body("scimType", equalTo("invalidPath"));
        patch("{\"op\":\"replace\",\"path\":\"name.middle\",\"value\":\"x\"}").statusCode(400)
                .body("scimType", equalTo("invalidPath"));
        patch("{\"op\":\"replace\",\"path\":\"emails[type eq \",\"value\":\"x\"}").statusCode(400)
                .body("scimType", equalTo("invalidPath"));
        patch("{\"op\":\"remove\"}").statusCode(400).body("scimType", equalTo("noTarget"));
        patch("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"mine\"}").statusCode(400)
                .body("scimType", equalTo("mutability"));
        patch("{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"x\"}]}").statusCode(400)
                .body("scimType", equalTo("mutability"));
        patch("{\"op\":\"frobnicate\",\"path\":\"title\",\"value\":\"x\"}").statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
        patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"perhaps\"}").statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        patch("{\"op\":\"replace\",\"path\":\"name\",\"value\":\"not an object\"}").statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        patch("{\"op\":\"remove\",\"path\":\"userName\"}").statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        // A valid first operation must not be kept when a later one fails.
        patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Changed\"},"
                + "{\"op\":\"replace\",\"path\":\"nonsense\",\"value\":1}").statusCode(400);
        scim.patch("/Users/" + id, "{\"Operations\": \"nope\"}").statusCode(400);
        scim.patch("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}")
                .statusCode(400).body("scimType", equalTo("invalidSyntax"));
        scim.patch("/Users/" + id, "not json").statusCode(400).body("scimType", equalTo("invalidSyntax"));
        scim.get("/Users/" + id).statusCode(200)
                .body("meta.version", equalTo("W/\"0\""))
                .body("$", not(hasKey("title")))
                .body("active", equalTo(true));
    }

    @Test
    void userNameChangesKeepUniqueness() {
        scim.createUser("taken@example.com");
        patch("{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"TAKEN@example.com\"}").statusCode(409)
                .body("scimType", equalTo("uniqueness"));
        patch("{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"renamed@example.com\"}").statusCode(200);
        scim.get("/Users?filter=userName eq \"renamed@example.com\"").body("totalResults", equalTo(1));
    }

    @Test
    void emptyOperationsChangeNothing() {
        patch("").statusCode(200).body("meta.version", equalTo("W/\"0\""));
    }

    @Test
    void concurrentPatchesNeverLoseAnUpdate() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String queue = "queue-" + i;
                results.add(pool.submit(() -> scim.patch("/Users/" + id, patchOp(
                        "{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:queues\","
                                + "\"value\":[\"" + queue + "\"]}")).extract().statusCode()));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdown();
        }
        List<String> queues = scim.get("/Users/" + id).extract()
                .path("'urn:ietf:params:scim:schemas:extension:patchbay:2.0:User'.queues");
        assertEquals(writers, queues.size(), "every concurrent add is kept: " + queues);
        scim.get("/Users/" + id).body("meta.version", equalTo("W/\"" + writers + "\""));
    }
}
