package dev.patchbay.connector.vbc;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.reconcile.Reconciler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VBC bills lines and numbers: a user added in the portal is an orphan line, a number left on no user is reported. */
@QuarkusTest
class VbcSeatsTest {

    @Inject
    Reconciler reconciler;

    private String connection;

    @BeforeEach
    void fresh() {
        VbcSandbox.reset();
        connection = uniqueConnectionId("seats-vbc");
        admin().body(Map.of("id", connection, "vendor", "vbc", "displayName", "VBC sandbox",
                "settings", VbcSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
    }

    @Test
    void aPortalUserIsAnOrphanLineAndANumberOnNoUserIsReportedWithIt() {
        String ada = VbcSandbox.addUser("Ada", "Lovelace", "ada@example.com", "Premium", "201", "+15551230001");
        String bob = VbcSandbox.addUser("Bob", "Byte", "bob@example.com", "Mobile", "202", "+15551230002");
        VbcSandbox.deleteUser(bob);
        String run = admin().body(Map.of("preview", true)).post("/admin/v1/connections/{c}/reconciliations", connection)
                .then().statusCode(202).extract().path("id");
        reconciler.runDue(connection, 100);

        JsonPath result = admin().get("/admin/v1/connections/{c}/reconciliations/{r}", connection, run).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("done", result.getString("run.state"));
        assertEquals(2, result.getInt("run.counts.orphan"));
        assertEquals("+15551230001", result.getString("items.find { it.vendorRef == '" + ada + "' }.numbers"));
        assertEquals("+15551230002", result.getString("items.find { it.vendorRef == 'extension:202' }.numbers"));

        JsonPath seats = admin().get("/admin/v1/connections/{c}/seats", connection).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, seats.getInt("totals.orphaned"));
        assertEquals(false, seats.getBoolean("lastLoginKnown"), "VBC's API shows no logins");
        assertEquals("+15551230002", seats.getString("idleSeats.find { it.account == 'extension:202' }.numbers"));
    }
}
