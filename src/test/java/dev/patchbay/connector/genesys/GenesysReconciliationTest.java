package dev.patchbay.connector.genesys;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.EndToEnd;
import dev.patchbay.connector.Reconciling;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.job.JobWorker;
import dev.patchbay.reconcile.Reconciler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconciliation of a Genesys Cloud connection against the Genesys sandbox over real HTTP. */
@QuarkusTest
class GenesysReconciliationTest {

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    Reconciler reconciler;

    @Inject
    GenesysConnectorFactory factory;

    private String connection;
    private EndToEnd e2e;
    private Reconciling reconciling;
    private Connector sandbox;

    @BeforeEach
    void connection() {
        GenesysSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("recon-genesys");
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys sandbox",
                "settings", GenesysSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        sandbox = factory.connect(connection + "-behind", GenesysSandbox.settings());
        reconciling = new Reconciling(reconciler, entityManager, e2e, connection);
    }

    private CallContext context() {
        return new CallContext(connection, GenesysSandbox.settings(), "test");
    }

    @Test
    void queuesLeftInTheConsoleAreDriftCorrectedOnlyByTheRealRunAndAnOrphanCarriesItsListPrice() {
        e2e.policy("{\"reconciliation\":{\"actions\":{\"drift\":\"correct\"}}}");
        String grace = e2e.oktaCreate("grace@example.com", "Grace", "Hopper", """
                {"license":"cx1","roles":["Agent"],"queues":["Support","Sales"],
                 "skills":[{"name":"Billing","level":4}]}""");
        e2e.drain();
        String account = e2e.vendorId(grace);
        sandbox.apply(new VendorRef(account), new Step.Apply(SeatField.QUEUES, Set.of("Support")), context());
        VendorRef orphan = sandbox.create(new Seat(true, Map.of(SeatField.USER_NAME, "ghost@example.com",
                SeatField.DISPLAY_NAME, "Ghost User")), context());
        sandbox.apply(orphan, new Step.Apply(SeatField.LICENSE, "cx1"), context());

        JsonPath preview = reconciling.reconcile(true);
        assertEquals("done", preview.getString("run.state"));
        assertEquals(1, preview.getInt("run.counts.drift"));
        assertEquals(1, preview.getInt("run.counts.orphan"));
        assertEquals(List.of(Map.of("field", "queues", "applied", List.of("Sales", "Support"), "vendor", List.of("Support"))),
                preview.getList("items.find { it.situation == 'drift' }.drift"));
        assertEquals("cx1", preview.getString("items.find { it.situation == 'orphan' }.license"));
        assertEquals(Set.of("Support"), sandbox.read(new VendorRef(account), context()).orElseThrow().get(SeatField.QUEUES),
                "a preview changes nothing");

        JsonPath applied = reconciling.reconcile(false);
        assertEquals(true, applied.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        assertEquals(Set.of("Sales", "Support"),
                Set.copyOf((java.util.Collection<?>) sandbox.read(new VendorRef(account), context()).orElseThrow()
                        .get(SeatField.QUEUES)), "Patchbay's queues are back");
        assertEquals(0, reconciling.reconcile(true).getInt("run.counts.drift"));
    }

    @Test
    void allQueuesRemovedInTheConsoleAreDriftAndComeBackWhenThePolicySaysCorrect() {
        String ada = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", """
                {"license":"cx1","roles":["Agent"],"queues":["Support","Sales"]}""");
        e2e.drain();
        String account = e2e.vendorId(ada);
        sandbox.apply(new VendorRef(account), new Step.Apply(SeatField.QUEUES, Set.of()), context());
        assertEquals(false, sandbox.read(new VendorRef(account), context()).orElseThrow().has(SeatField.QUEUES),
                "Genesys shows no queue at all");

        JsonPath report = reconciling.reconcile(false);
        assertEquals(1, report.getInt("run.counts.drift"));
        assertEquals(List.of(Map.of("field", "queues", "applied", List.of("Sales", "Support"), "vendor", List.of())),
                report.getList("items.find { it.situation == 'drift' }.drift"));
        assertEquals(false, sandbox.read(new VendorRef(account), context()).orElseThrow().has(SeatField.QUEUES),
                "reported only");

        e2e.policy("{\"reconciliation\":{\"actions\":{\"drift\":\"correct\"}}}");
        reconciling.reconcile(false);
        e2e.settle();
        assertEquals(Set.of("Sales", "Support"),
                Set.copyOf((java.util.Collection<?>) sandbox.read(new VendorRef(account), context()).orElseThrow()
                        .get(SeatField.QUEUES)), "Patchbay's queues are back");
    }
}
