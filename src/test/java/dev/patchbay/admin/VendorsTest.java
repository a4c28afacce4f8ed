package dev.patchbay.admin;

import static dev.patchbay.TestApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /admin/v1/vendors: each vendor with its settings schema and declared capabilities, for forms and tables. */
@QuarkusTest
class VendorsTest {

    @Test
    void everyVendorWithAConnectorIsListedWithItsSettingsAndCapabilities() {
        admin().get("/admin/v1/vendors").then().statusCode(200)
                .body("items.id", equalTo(List.of("eightbyeight", "fake", "five9", "genesys", "vbc", "vcc")))
                .body("items.find { it.id == 'genesys' }.displayName", equalTo("Genesys Cloud"))
                .body("items.find { it.id == 'genesys' }.settings.find { it.name == 'clientSecret' }.secret", equalTo(true))
                .body("items.find { it.id == 'genesys' }.settings.find { it.name == 'clientId' }.required", equalTo(true))
                .body("items.find { it.id == 'genesys' }.settingsAnyOf", equalTo(List.of(List.of("region", "apiBaseUrl"))))
                .body("items.find { it.id == 'genesys' }.capabilities.operations", not(hasItem("retire")))
                .body("items.find { it.id == 'genesys' }.capabilities.followUpOrder",
                        equalTo(List.of("division", "license", "roles", "skills", "queues")))
                .body("items.find { it.id == 'genesys' }.capabilities.fields.site.route", equalTo("drop"))
                .body("items.find { it.id == 'genesys' }.capabilities.skillScale.highest", equalTo(5))
                .body("items.find { it.id == 'genesys' }.capabilities.byHand.retire.kind", equalTo("retire_by_hand"))
                .body("items.find { it.id == 'eightbyeight' }.capabilities.fields.site.requiredAtCreate", equalTo(true))
                .body("items.find { it.id == 'eightbyeight' }.capabilities.fields.site.mutability", equalTo("immutable"))
                .body("items.find { it.id == 'eightbyeight' }.capabilities.operations", hasItem("retire"))
                .body("items.find { it.id == 'eightbyeight' }.capabilities.deleteGate.kind", equalTo("export_voicemails"));
        admin().get("/admin/v1/vendors/genesys").then().statusCode(200).body("listPrices.currency", equalTo("USD"));
        admin().get("/admin/v1/vendors/five9").then().statusCode(200)
                .body("capabilities.skillScale.higherIsBetter", equalTo(false))
                .body("capabilities.fields.userName.mutability", equalTo("immutable"))
                .body("capabilities.deleteGate.kind", equalTo("export_recordings"))
                .body("listPrices.licenses.Ultimate", equalTo(229));
        admin().get("/admin/v1/vendors/vcc").then().statusCode(200)
                .body("displayName", equalTo("Vonage Contact Center"))
                .body("capabilities.fields.userName.mutability", equalTo("immutable"))
                .body("capabilities.fields.extension.mutability", equalTo("immutable"))
                .body("capabilities.followUpOrder", equalTo(List.of("skills", "agentGroups", "license")))
                .body("capabilities.operations", hasItem("retire"))
                .body("settings.find { it.name == 'clientSecret' }.secret", equalTo(true))
                .body("settings.find { it.name == 'usernameTemplate' }.defaultValue", equalTo("{userName}"))
                .body("policyOptions", hasItem("idpAuthoritative"))
                .body("policyOptions", not(hasItem("clientSecret")));
        admin().get("/admin/v1/vendors/vbc").then().statusCode(200)
                .body("capabilities.operations", hasItem("verify_task"))
                .body("capabilities.operations", not(hasItem("create")))
                .body("capabilities.operations", not(hasItem("delete")))
                .body("capabilities.byHand.delete.kind", equalTo("vbc_remove_user"))
                .body("settings.find { it.name == 'refreshToken' }.secret", equalTo(true))
                .body("listPrices.licenses.Premium", equalTo(29.99f));
        admin().get("/admin/v1/vendors/avaya").then().statusCode(404)
                .body("message", equalTo("No vendor 'avaya'; vendors: eightbyeight, fake, five9, genesys, vbc, vcc"));
        given().get("/admin/v1/vendors").then().statusCode(401);
    }
}
