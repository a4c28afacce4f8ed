package dev.patchbay.provisioning;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.ConnectorException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With synchronousCreateSeconds, the IdP sees the vendor's refusal of a create as the SCIM error. */
@QuarkusTest
class SynchronousCreateTest {

    private static final String PATCHBAY = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";
    private static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"sync@example.com"}""";

    @Inject
    FakeVendor vendor;

    @Test
    void aRefusedCreateIsReturnedAndUndoneAndAnAcceptedOneIsProvisionedAtOnce() {
        vendor.reset();
        String connection = uniqueConnectionId("sync");
        admin().body(Map.of("id", connection, "vendor", "fake", "displayName", "Synchronous",
                "settings", Map.of("synchronousCreateSeconds", 5))).post("/admin/v1/connections").then().statusCode(201);
        String token = createToken(connection);
        vendor.failNext("sync@example.com", () -> new ConnectorException.Rejected("The extension 1001 is taken"));

        scim(token).body(USER).post("/scim/v2/" + connection + "/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("The extension 1001 is taken"));
        scim(token).queryParam("filter", "userName eq \"sync@example.com\"").get("/scim/v2/" + connection + "/Users")
                .then().body("totalResults", equalTo(0));

        vendor.failNext("sync@example.com", () -> new ConnectorException.Conflict("email already used"));
        scim(token).body(USER).post("/scim/v2/" + connection + "/Users").then().statusCode(409)
                .body("scimType", equalTo("uniqueness"))
                .body("detail", containsString("email already used"));

        scim(token).body(USER).post("/scim/v2/" + connection + "/Users").then().statusCode(201)
                .body("'" + PATCHBAY + "'.provisioning.state", equalTo("provisioned"));
        assertTrue(vendor.accountFor("sync@example.com").isPresent());
        // A connection that waits for the vendor records each create with the answer the IdP got.
        assertEquals(List.of(201, 409, 400), admin().get("/admin/v1/audit?connection=" + connection
                + "&resourceType=Users").then().statusCode(200).extract().jsonPath().getList("items.status"));
    }

    private static RequestSpecification scim(String token) {
        return given().auth().oauth2(token).contentType("application/scim+json");
    }
}
