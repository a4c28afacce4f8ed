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

    @Test
    void anExistingGenesysAccountAnIdpUserMatchesIsAdoptedOnFirstSyncNotDuplicated() {
        VendorRef existing = sandbox.create(new Seat(true, Map.of(SeatField.USER_NAME, "carol@example.com",
                SeatField.EMAIL, "carol@example.com", SeatField.DISPLAY_NAME, "Carol By Hand")), context());
        String carol = e2e.oktaCreate("carol@example.com", "Carol", "Existing", """
                {"license":"cx1","roles":["Agent"],"queues":["Support"]}""");
        // Carol's first sync has not run yet (the queue is busy, say).
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update provisioning_job set next_attempt_at = now() + interval '1 hour'
                where connection_id = :c""").setParameter("c", connection).executeUpdate());
        e2e.policy("{\"reconciliation\":{\"actions\":{\"unlinkedMatch\":\"adopt\"}}}");

        JsonPath preview = reconciling.reconcile(true);
        assertEquals(1, preview.getInt("run.counts.unlinked_match"));
        assertEquals(false, preview.getBoolean("items.find { it.situation == 'unlinked_match' }.actionTaken"),
                "a preview adopts nothing");

        JsonPath result = reconciling.reconcile(false);
        Map<String, Object> match = result.getMap("items.find { it.situation == 'unlinked_match' }");
        assertEquals(existing.id(), match.get("vendorRef"));
        assertEquals(carol, match.get("userId"));
        assertEquals(true, match.get("actionTaken"));
        e2e.settle();
        assertEquals(existing.id(), e2e.vendorId(carol), "the existing account is Carol's");
        JsonPath genesys = GenesysSandbox.state();
        assertEquals(1, genesys.getList("users.findAll { it.email == 'carol@example.com' }").size(), "not duplicated");
        assertEquals(List.of("cx1"), genesys.getList("users.find { it.id == '" + existing.id() + "' }.licenses"),
                "and brought to the policy's seat");
        assertEquals(true, genesys.<String>getList("queueMembers.'" + GenesysSandbox.SUPPORT_QUEUE + "'")
                .contains(existing.id()));
    }

    @Test
    void anAccountDeletedInGenesysIsIdpOnlyAndRestoredOnlyWhenThePolicySaysCorrect() {
        String dave = e2e.oktaCreate("dave@example.com", "Dave", "Gone", """
                {"license":"cx1","roles":["Agent"]}""");
        e2e.drain();
        String lost = e2e.vendorId(dave);
        sandbox.apply(new VendorRef(lost), new Step.Delete(), context());

        JsonPath report = reconciling.reconcile(false);
        assertEquals(1, report.getInt("run.counts.idp_only"));
        assertEquals(lost, report.getString("items.find { it.situation == 'idp_only' }.vendorRef"));
        e2e.settle();
        assertEquals("deleted", GenesysSandbox.state().getString("users.find { it.id == '" + lost + "' }.state"),
                "reported only");

        e2e.policy("{\"reconciliation\":{\"actions\":{\"idpOnly\":\"correct\"}}}");
        reconciling.reconcile(false);
        e2e.settle();
        // Genesys keeps a deleted user's email, so the account is restored rather than made a second time.
        assertEquals(lost, e2e.vendorId(dave));
        JsonPath genesys = GenesysSandbox.state();
        assertEquals(1, genesys.getList("users.findAll { it.email == 'dave@example.com' }").size());
        assertEquals("active", genesys.getString("users.find { it.id == '" + lost + "' }.state"));
        assertEquals(List.of("cx1"), genesys.getList("users.find { it.id == '" + lost + "' }.licenses"));
        assertEquals(0, reconciling.reconcile(true).getInt("run.counts.idp_only"));
    }
}
