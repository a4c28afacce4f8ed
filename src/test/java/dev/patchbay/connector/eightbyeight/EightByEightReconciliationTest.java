package dev.patchbay.connector.eightbyeight;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.EndToEnd;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.job.JobWorker;
import dev.patchbay.reconcile.Reconciler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation of an 8x8 connection against the 8x8 sandbox: accounts changed or created behind
 * Patchbay's back are found, and acted on only as the policy says; a preview changes nothing.
 */
@QuarkusTest
class EightByEightReconciliationTest {

    private static final String LONDON_X4 = "{\"site\":\"London\",\"license\":\"X4\"}";
    private static final String PRICES = "\"prices\":{\"currency\":\"USD\",\"licenses\":{\"X4\":44.00,\"X2\":30.00}}";

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    Reconciler reconciler;

    private String connection;
    private EndToEnd e2e;
    private Connector sandbox;

    @BeforeEach
    void connection() {
        EightByEightSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("recon-8x8");
        admin().body(Map.of("id", connection, "vendor", "eightbyeight", "displayName", "8x8 sandbox",
                "settings", EightByEightSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        sandbox = new EightByEightConnectorFactory().connect(connection, EightByEightSandbox.settings());
    }

    private CallContext context() {
        return new CallContext(connection, Map.of(), "test");
    }

    private String license(String vendorId) {
        return sandbox.read(new VendorRef(vendorId), context()).orElseThrow().text(SeatField.LICENSE);
    }

    /** Starts a run and carries it on (the budget reset between pages, provisioning drained) until it ends. */
    private JsonPath reconcile(boolean preview) {
        String run = admin().body(Map.of("preview", preview)).post("/admin/v1/connections/{c}/reconciliations", connection)
                .then().statusCode(202).body("state", equalTo("running")).extract().path("id");
        for (int round = 0; round < 20 && "running".equals(run(run).getString("run.state")); round++) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "delete from rate_limit_budget where connection_id = :c").setParameter("c", connection).executeUpdate());
            reconciler.runDue(connection, 100);
            e2e.drain();
        }
        return run(run);
    }

    private JsonPath run(String run) {
        return admin().get("/admin/v1/connections/{c}/reconciliations/{r}", connection, run).then().statusCode(200)
                .extract().jsonPath();
    }

    private List<Map<String, Object>> tasks() {
        return admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aLicenseChangedInTheConsoleIsDriftAndAnAccountMadeThereIsAnOrphanWithItsCost() {
        e2e.policy("{" + PRICES + "}");
        String ada = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", LONDON_X4);
        String bob = e2e.oktaCreate("bob@example.com", "Bob", "Byte", LONDON_X4);
        e2e.drain();
        String adaAccount = e2e.vendorId(ada);
        sandbox.apply(new VendorRef(adaAccount), new Step.Apply(SeatField.LICENSE, "X2"), context());
        VendorRef orphan = sandbox.create(new Seat(true, Map.of(SeatField.USER_NAME, "ghost@example.com",
                SeatField.GIVEN_NAME, "Ghost", SeatField.FAMILY_NAME, "User", SeatField.EMAIL, "ghost@example.com",
                SeatField.SITE, "London")), context());
        sandbox.apply(orphan, new Step.Apply(SeatField.LICENSE, "X4"), context());

        JsonPath result = reconcile(false);

        assertEquals("done", result.getString("run.state"));
        assertEquals(3, result.getInt("run.accountsRead"));
        assertEquals(1, result.getInt("run.counts.in_sync"));
        assertEquals(1, result.getInt("run.counts.drift"));
        assertEquals(1, result.getInt("run.counts.orphan"));
        Map<String, Object> drift = result.getMap("items.find { it.situation == 'drift' }");
        assertEquals(adaAccount, drift.get("vendorRef"));
        assertEquals(ada, drift.get("userId"));
        assertEquals(List.of(Map.of("field", "license", "applied", "X4", "vendor", "X2")), drift.get("drift"));
        assertEquals("report", drift.get("action"), "report is the default");
        assertEquals(orphan.id(), result.getString("items.find { it.situation == 'orphan' }.vendorRef"));
        assertEquals("X4", result.getString("items.find { it.situation == 'orphan' }.license"));
        assertEquals("X2", license(adaAccount), "a report changes nothing");
        assertEquals(List.of(), tasks());
        assertEquals("X4", license(e2e.vendorId(bob)));
    }

    @Test
    void driftIsCorrectedAndOrphansBecomeTasksOnlyWhenThePolicySaysSoAndNeverInAPreview() {
        String ada = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", LONDON_X4);
        e2e.drain();
        String adaAccount = e2e.vendorId(ada);
        sandbox.apply(new VendorRef(adaAccount), new Step.Apply(SeatField.LICENSE, "X2"), context());
        VendorRef orphan = sandbox.create(new Seat(true, Map.of(SeatField.USER_NAME, "ghost@example.com",
                SeatField.GIVEN_NAME, "Ghost", SeatField.FAMILY_NAME, "User", SeatField.EMAIL, "ghost@example.com",
                SeatField.SITE, "London")), context());
        sandbox.apply(orphan, new Step.Apply(SeatField.LICENSE, "X4"), context());
        e2e.policy("{" + PRICES + ",\"reconciliation\":{\"actions\":{\"drift\":\"correct\",\"orphan\":\"task\"}}}");

        JsonPath preview = reconcile(true);
        assertEquals("done", preview.getString("run.state"));
        assertEquals(true, preview.getBoolean("run.preview"));
        assertEquals("correct", preview.getString("items.find { it.situation == 'drift' }.action"));
        assertEquals(false, preview.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        assertEquals("X2", license(adaAccount), "a preview changes nothing");
        assertEquals(List.of(), tasks(), "a preview raises no task");

        JsonPath applied = reconcile(false);
        assertEquals(true, applied.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        assertEquals("X4", license(adaAccount), "the correction re-applied Patchbay's license");
        List<Map<String, Object>> tasks = tasks();
        assertEquals(1, tasks.size());
        assertEquals("reconcile_orphan", tasks.get(0).get("kind"));
        assertEquals(44.0f, ((Number) tasks.get(0).get("monthlyCost")).floatValue());

        JsonPath again = reconcile(false);
        assertEquals(2, again.getInt("run.counts.in_sync") + again.getInt("run.counts.orphan"));
        assertEquals(0, again.getInt("run.counts.drift"), "corrected");
        assertEquals(1, tasks().size(), "the orphan's task is not raised twice");
    }
}
