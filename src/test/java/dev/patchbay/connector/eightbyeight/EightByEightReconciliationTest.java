package dev.patchbay.connector.eightbyeight;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.hamcrest.Matchers.equalTo;
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

    @Inject
    dev.patchbay.seats.SeatMetrics seatMetrics;

    @Inject
    dev.patchbay.reconcile.Reconciliations reconciliations;

    @Inject
    dev.patchbay.job.RateLimiter rateLimiter;

    private String connection;
    private EndToEnd e2e;
    private Reconciling reconciling;
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
        reconciling = new Reconciling(reconciler, entityManager, e2e, connection);
    }

    private CallContext context() {
        return new CallContext(connection, Map.of(), "test");
    }

    private String license(String vendorId) {
        return sandbox.read(new VendorRef(vendorId), context()).orElseThrow().text(SeatField.LICENSE);
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

        JsonPath result = reconciling.reconcile(false);

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

        JsonPath preview = reconciling.reconcile(true);
        assertEquals("done", preview.getString("run.state"));
        assertEquals(true, preview.getBoolean("run.preview"));
        assertEquals("correct", preview.getString("items.find { it.situation == 'drift' }.action"));
        assertEquals(false, preview.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        assertEquals("X2", license(adaAccount), "a preview changes nothing");
        assertEquals(List.of(), tasks(), "a preview raises no task");

        JsonPath applied = reconciling.reconcile(false);
        assertEquals(true, applied.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        assertEquals("X4", license(adaAccount), "the correction re-applied Patchbay's license");
        List<Map<String, Object>> tasks = tasks();
        assertEquals(1, tasks.size());
        assertEquals("reconcile_orphan", tasks.get(0).get("kind"));
        assertEquals(44.0f, ((Number) tasks.get(0).get("monthlyCost")).floatValue());

        JsonPath again = reconciling.reconcile(false);
        assertEquals(2, again.getInt("run.counts.in_sync") + again.getInt("run.counts.orphan"));
        assertEquals(0, again.getInt("run.counts.drift"), "corrected");
        assertEquals(1, tasks().size(), "the orphan's task is not raised twice");
    }

    @Test
    void aTaskOfARunIsClosedAsVerifiedByALaterRunThatNoLongerFindsItsSituation() {
        e2e.policy("{" + PRICES + ",\"reconciliation\":{\"actions\":{\"drift\":\"task\",\"orphan\":\"task\"}}}");
        String ada = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", LONDON_X4);
        e2e.drain();
        String adaAccount = e2e.vendorId(ada);
        sandbox.apply(new VendorRef(adaAccount), new Step.Apply(SeatField.LICENSE, "X2"), context());
        VendorRef gone = byHand("ghost@example.com", "X4");
        VendorRef stays = byHand("spare@example.com", "X2");
        reconciling.reconcile(false);
        assertEquals(3, tasks().size(), "the drift and both orphans");

        // Put right behind Patchbay's back: Ada's license is back, one orphan removed.
        sandbox.apply(new VendorRef(adaAccount), new Step.Apply(SeatField.LICENSE, "X4"), context());
        sandbox.apply(gone, new Step.Delete(), context());
        reconciling.reconcile(true);
        assertEquals(3, tasks().size(), "a preview closes nothing");

        JsonPath later = reconciling.reconcile(false);
        assertEquals(1, later.getInt("run.counts.orphan"));
        List<Map<String, Object>> open = tasks();
        assertEquals(1, open.size(), "only the orphan still found keeps its task");
        assertEquals(stays.id(), open.get(0).get("field"));
        List<Map<String, Object>> verified = admin().queryParam("connection", connection).queryParam("status", "verified")
                .get("/admin/v1/tasks").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(2, verified.size());
        assertEquals(Set.of("reconcile_drift", "reconcile_orphan"),
                Set.copyOf(verified.stream().map(task -> task.get("kind")).toList()));
        assertEquals(true, verified.stream().allMatch(task -> "reconciliation".equals(task.get("closedBy"))),
                verified.toString());
        assertEquals(true, verified.stream().anyMatch(task -> gone.id().equals(task.get("field"))));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement)
                .setParameter("c", connection).executeUpdate());
    }

    private VendorRef byHand(String userName, String license) {
        VendorRef ref = sandbox.create(new Seat(true, Map.of(SeatField.USER_NAME, userName,
                SeatField.GIVEN_NAME, "By", SeatField.FAMILY_NAME, "Hand", SeatField.EMAIL, userName,
                SeatField.SITE, "London")), context());
        sandbox.apply(ref, new Step.Apply(SeatField.LICENSE, license), context());
        return ref;
    }

    @Test
    void anExistingAccountAnIdpUserMatchesIsAdoptedNotDuplicated() {
        VendorRef existing = byHand("carol@example.com", "X2");
        String carol = e2e.oktaCreate("carol@example.com", "Carol", "Existing", LONDON_X4);
        // Carol's first sync has not run yet (the queue is busy, say).
        sql("update provisioning_job set next_attempt_at = now() + interval '1 hour' where connection_id = :c");
        e2e.policy("{\"reconciliation\":{\"actions\":{\"unlinkedMatch\":\"adopt\"}}}");

        JsonPath result = reconciling.reconcile(false);

        Map<String, Object> match = result.getMap("items.find { it.situation == 'unlinked_match' }");
        assertEquals(existing.id(), match.get("vendorRef"));
        assertEquals(carol, match.get("userId"));
        assertEquals("adopt", match.get("action"));
        assertEquals(true, match.get("actionTaken"));
        e2e.settle();
        assertEquals(existing.id(), e2e.vendorId(carol), "the existing account is Carol's");
        assertEquals(1, EightByEightSandbox.state()
                .getList("users.findAll { it.basicInfo.userName == 'carol@example.com' }").size(), "not duplicated");
        assertEquals("X4", license(existing.id()), "and brought to the policy's seat");
    }

    @Test
    void anAccountTheVendorLostIsIdpOnlyAndCreatedAgainWhenThePolicySaysCorrect() {
        String dave = e2e.oktaCreate("dave@example.com", "Dave", "Gone", LONDON_X4);
        e2e.drain();
        String lost = e2e.vendorId(dave);
        sandbox.apply(new VendorRef(lost), new Step.Delete(), context());

        JsonPath report = reconciling.reconcile(false);
        assertEquals(1, report.getInt("run.counts.idp_only"));
        assertEquals(lost, report.getString("items.find { it.situation == 'idp_only' }.vendorRef"));
        assertEquals(lost, e2e.vendorId(dave), "reported only");

        e2e.policy("{\"reconciliation\":{\"actions\":{\"idpOnly\":\"correct\"}}}");
        reconciling.reconcile(false);
        e2e.settle();
        String recreated = e2e.vendorId(dave);
        assertEquals("X4", license(recreated));
        assertEquals(false, lost.equals(recreated));
    }

    @Test
    void aRunBrokenOffMidwayContinuesFromItsCursorOnceItsLeaseIsGone() {
        EightByEightSandbox.licenses(Map.of("X2", 50, "X4", 50));
        for (int i = 0; i < 12; i++) {
            byHand("orphan" + i + "@example.com", "X2");
        }
        String run = admin().body("{}").post("/admin/v1/connections/{c}/reconciliations", connection)
                .then().statusCode(202).extract().path("id");
        assertEquals(1, reconciler.runDue(connection, 1), "one page");
        JsonPath midway = reconciling.run(run);
        assertEquals("running", midway.getString("run.state"));
        assertEquals("listing", midway.getString("run.phase"));
        int firstPage = midway.getInt("run.accountsRead");
        assertEquals(true, firstPage > 0 && firstPage < 12, "stopped midway: " + firstPage);
        assertEquals(12, midway.getInt("run.estimatedTotal"));
        // The process that held the run died holding its lease: nobody else takes the run while it lasts...
        sql("update reconciliation_run set lease_until = now() + interval '1 hour' where connection_id = :c");
        sql("delete from rate_limit_budget where connection_id = :c");
        assertEquals(0, reconciler.runDue(connection, 100));
        // ...and once it is gone, the run goes on from its cursor.
        sql("update reconciliation_run set lease_until = now() - interval '1 second' where connection_id = :c");
        for (int round = 0; round < 10 && "running".equals(reconciling.run(run).getString("run.state")); round++) {
            sql("delete from rate_limit_budget where connection_id = :c");
            reconciler.runDue(connection, 100);
        }
        JsonPath done = reconciling.run(run);
        assertEquals("done", done.getString("run.state"));
        assertEquals(12, done.getInt("run.accountsRead"));
        assertEquals(12, done.getInt("run.counts.orphan"));
        assertEquals(true, done.getInt("run.pages") >= 2);
        assertEquals(12, admin().queryParam("situation", "orphan").queryParam("size", 1000)
                .get("/admin/v1/connections/{c}/reconciliations/{r}", connection, run).then().statusCode(200)
                .extract().jsonPath().getList("items").size());
    }

    @Test
    void findingsPageFilterAndComeAsCsv() {
        byHand("one@example.com", "X2");
        byHand("two@example.com", "X4");
        String ada = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", LONDON_X4);
        e2e.drain();
        String run = reconciling.reconcile(true).getString("run.id");
        String path = "/admin/v1/connections/{c}/reconciliations/{r}";
        admin().queryParam("situation", "orphan").queryParam("size", 1).get(path, connection, run).then()
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].situation", equalTo("orphan"));
        admin().queryParam("situation", "orphan").queryParam("size", 1).queryParam("page", 1).get(path, connection, run)
                .then().statusCode(200).body("items.size()", equalTo(1));
        admin().queryParam("situation", "orphan").queryParam("size", 1).queryParam("page", 2).get(path, connection, run)
                .then().statusCode(200).body("items.size()", equalTo(0));
        String csv = admin().accept("text/csv").get(path, connection, run).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("vendorRef,situation,userId,userName,email,license,numbers,active,idpActive,lastLogin,drift,action,actionTaken",
                lines.get(0));
        assertEquals(4, lines.size());
        assertEquals(true, lines.stream().anyMatch(line -> line.contains(",in_sync," + ada + ",ada@example.com,")));
        assertEquals(csv, admin().queryParam("format", "csv").get(path, connection, run).then().statusCode(200)
                .extract().asString());
        admin().get("/admin/v1/connections/{c}/reconciliations", connection).then().statusCode(200)
                .body("items[0].id", equalTo(run));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String base = "/admin/v1/connections/{c}/reconciliations";
        admin().body("{}").post(base, "no-such-connection").then().statusCode(404);
        admin().get(base, "no-such-connection").then().statusCode(404);
        admin().body("{\"preview\":\"maybe\"}").post(base, connection).then().statusCode(400);
        admin().body("{\"preview\":true,\"extra\":1}").post(base, connection).then().statusCode(400);
        admin().get(base, connection).then().statusCode(200).body("items.size()", equalTo(0));

        String run = admin().body("{\"preview\":true}").post(base, connection).then().statusCode(202).extract().path("id");
        admin().body("{}").post(base, connection).then().statusCode(409);
        admin().get(base, connection).then().statusCode(200).body("items.size()", equalTo(1));
        String other = uniqueConnectionId("recon-other");
        admin().body(Map.of("id", other, "vendor", "eightbyeight", "displayName", "other",
                "settings", EightByEightSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        admin().get(base + "/{r}", other, run).then().statusCode(404);
        admin().get(base + "/{r}", connection, "not-a-uuid").then().statusCode(404);
        admin().get(base + "/{r}", connection, java.util.UUID.randomUUID()).then().statusCode(404);
        admin().queryParam("situation", "lost").get(base + "/{r}", connection, run).then().statusCode(400);
        admin().queryParam("page", "-1").get(base + "/{r}", connection, run).then().statusCode(400);
        admin().queryParam("size", "0").get(base + "/{r}", connection, run).then().statusCode(400);
        admin().queryParam("size", "5000").get(base + "/{r}", connection, run).then().statusCode(400);
        admin().queryParam("format", "xml").get(base + "/{r}", connection, run).then().statusCode(400);

        int version = admin().get("/admin/v1/connections/{c}/policy", connection).then().statusCode(200)
                .extract().path("version");
        admin().body("{\"reconciliation\":{\"actions\":{\"drift\":\"adopt\"}}}")
                .put("/admin/v1/connections/{c}/policy", connection).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("reconciliation.actions.drift"));
        admin().body("{\"reconciliation\":{\"actions\":{\"lost\":\"report\"}}}")
                .put("/admin/v1/connections/{c}/policy", connection).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("reconciliation.actions.lost"));
        admin().body("{\"reconciliation\":{\"every\":\"5m\"}}")
                .put("/admin/v1/connections/{c}/policy", connection).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("reconciliation.every"));
        for (String[] bad : new String[][] {{"{\"at\":\"25:00\"}", "reconciliation.at"},
                {"{\"at\":\"2am\"}", "reconciliation.at"}, {"{\"at\":\"02:00\",\"every\":\"24h\"}", "reconciliation.at"},
                {"{\"at\":\"02:00\",\"zone\":\"Mars/Olympus\"}", "reconciliation.zone"},
                {"{\"zone\":\"Europe/London\"}", "reconciliation.zone"}}) {
            admin().body("{\"reconciliation\":" + bad[0] + "}").put("/admin/v1/connections/{c}/policy", connection)
                    .then().statusCode(400).body(org.hamcrest.Matchers.containsString(bad[1]));
        }
        admin().get("/admin/v1/connections/{c}/policy", connection).then().statusCode(200)
                .body("version", equalTo(version));
    }

    @Test
    void seatsByTierWithTheirCostIdleSeatsAndSavingsComeFromTheLatestReadBack() {
        e2e.policy("{" + PRICES + "}");
        admin().get("/admin/v1/connections/{c}/seats", connection).then().statusCode(200)
                .body("reconciliation", org.hamcrest.Matchers.nullValue()).body("totals.seats", equalTo(0));
        e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", LONDON_X4);
        String bob = e2e.oktaCreate("bob@example.com", "Bob", "Byte", LONDON_X4);
        e2e.drain();
        e2e.scim("PATCH", "/Users/" + bob, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}").statusCode(200);
        e2e.drain();
        byHand("ghost@example.com", "X4");
        byHand("spare@example.com", "X2");
        reconciling.reconcile(true);

        JsonPath seats = admin().get("/admin/v1/connections/{c}/seats", connection).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("USD", seats.getString("currency"));
        assertEquals(false, seats.getBoolean("lastLoginKnown"), "8x8 shows no last login");
        Map<String, Object> x4 = seats.getMap("tiers.find { it.license == 'X4' }");
        assertEquals(3, x4.get("assigned"));
        assertEquals(1, x4.get("active"));
        assertEquals(1, x4.get("deactivatedLicensed"));
        assertEquals(1, x4.get("orphaned"));
        assertEquals(1, x4.get("idle"));
        assertEquals(132.0f, ((Number) x4.get("monthlyCost")).floatValue());
        assertEquals(88.0f, ((Number) x4.get("idleMonthlyCost")).floatValue(), "Bob's held license and the orphan's");
        assertEquals(1, seats.getInt("tiers.find { it.license == 'X2' }.orphaned"));
        assertEquals(4, seats.getInt("totals.seats"));
        assertEquals(118.0f, seats.getFloat("savingsAvailable"), "Bob's cancellation task is his idle seat: counted once");
        assertEquals("billing_cancellation", seats.getString("openCancellationTasks[0].kind"));
        assertEquals(44.0f, seats.getFloat("openCancellationTasks[0].monthlyCost"));

        List<String> csv = admin().queryParam("format", "csv").get("/admin/v1/connections/{c}/seats", connection)
                .then().statusCode(200).extract().asString().lines().toList();
        assertEquals("vendor,connection,account,idpUser,userName,license,numbers,state,lastLogin,monthlyCost,currency,idle,finding",
                csv.get(0));
        assertEquals(5, csv.size());
        assertEquals(true, csv.stream().anyMatch(line -> line.startsWith("eightbyeight," + connection + ",")
                && line.contains("," + bob + ",bob@example.com,X4,,deactivated_licensed,,44.00,USD,the IdP user is deactivated,in_sync")),
                String.join("\n", csv));

        JsonPath all = admin().get("/admin/v1/seats").then().statusCode(200).extract().jsonPath();
        assertEquals(4, all.getInt("connections.find { it.connectionId == '" + connection + "' }.totals.seats"));
        assertEquals(true, all.getInt("vendors.find { it.vendor == 'eightbyeight' && it.currency == 'USD' }.seats") >= 4);
        admin().accept("text/csv").get("/admin/v1/seats").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ghost@example.com"));

        seatMetrics.refresh();
        List<String> metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract()
                .asString().lines().filter(line -> line.contains("connection=\"" + connection + "\"")).toList();
        assertEquals(true, metrics.stream().anyMatch(line -> line.startsWith("patchbay_seats{")
                && line.contains("state=\"orphaned\"") && line.contains("tier=\"X4\"") && line.endsWith(" 1.0")),
                String.join("\n", metrics));
        assertEquals(true, metrics.stream().anyMatch(line -> line.startsWith("patchbay_seat_savings_available{")
                && line.endsWith(" 118.0")), String.join("\n", metrics));

        admin().get("/admin/v1/connections/{c}/seats", "no-such-connection").then().statusCode(404);
        admin().queryParam("idleDays", "0").get("/admin/v1/connections/{c}/seats", connection).then().statusCode(400);
        admin().queryParam("idleDays", "soon").get("/admin/v1/seats").then().statusCode(400);
        admin().queryParam("format", "xml").get("/admin/v1/seats").then().statusCode(400);
    }

    @Test
    void aRunOverSeveralPagesKeepsWithinASmallRateLimitMeetsNoTooManyRequestsAndReportsProgress() {
        for (int i = 0; i < 35; i++) {
            EightByEightSandbox.seed("many" + i + "@example.com");
        }
        // The key may make 4 Admin API calls a minute, the sandbox holds Patchbay to it, and the connection knows.
        EightByEightSandbox.tune(Map.of("rateLimitPerMinute", 4));
        EightByEightSandbox.advanceClock(60_000);
        String small = uniqueConnectionId("recon-small");
        Map<String, Object> settings = new java.util.HashMap<>(EightByEightSandbox.settings());
        settings.put("requestsPerMinute", 4);
        admin().body(Map.of("id", small, "vendor", "eightbyeight", "displayName", "4 a minute", "settings", settings))
                .post("/admin/v1/connections").then().statusCode(201);
        EndToEnd smallE2e = new EndToEnd(worker, entityManager, small, createToken(small));
        String run = admin().body("{}").post("/admin/v1/connections/{c}/reconciliations", small)
                .then().statusCode(202).extract().path("id");
        reconciler.runDue(small, 100);

        JsonPath progress = admin().get("/admin/v1/connections/{c}/reconciliations/{r}", small, run).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("running", progress.getString("run.state"), "waiting for the next window");
        assertEquals("listing", progress.getString("run.phase"));
        assertEquals(10, progress.getInt("run.accountsRead"), "a page of the configured size");
        assertEquals(35, progress.getInt("run.estimatedTotal"));
        assertEquals(true, progress.getString("run.estimatedFinish") != null);
        assertEquals(2, progress.getInt("run.vendorCalls"), "the page and the count of all accounts");
        assertEquals(2, used(small), "the run's half of the 4 calls, every call counted in the shared budget");
        assertEquals(0, reconciler.runDue(small, 100), "nothing more until the window resets");

        nextWindow(small);
        String waiting = smallE2e.oktaCreate("first@example.com", "First", "Served", "{\"site\":\"London\"}");
        reconciler.runDue(small, 100);
        assertEquals(10, admin().get("/admin/v1/connections/{c}/reconciliations/{r}", small, run).then()
                .extract().jsonPath().getInt("run.accountsRead"), "a due provisioning job goes first");
        smallE2e.drain();
        assertEquals("provisioned", smallE2e.state(waiting));

        int windows = 2;
        JsonPath done = progress;
        while ("running".equals(done.getString("run.state")) && windows < 20) {
            nextWindow(small);
            windows++;
            reconciler.runDue(small, 100);
            assertEquals(true, used(small) <= 2, "within its share: " + used(small));
            assertEquals(java.util.Optional.empty(), rateLimiter.pausedUntil(small), "8x8 never said wait");
            done = admin().get("/admin/v1/connections/{c}/reconciliations/{r}", small, run).then().extract().jsonPath();
        }
        assertEquals("done", done.getString("run.state"));
        assertEquals(36, done.getInt("run.accountsRead"));
        assertEquals(35, done.getInt("run.counts.orphan"));
        assertEquals(1, done.getInt("run.counts.in_sync"));
        assertEquals(4, done.getInt("run.pages"), "pages of 10: not one more than 36 accounts need");
        assertEquals(5, done.getInt("run.vendorCalls"));
        assertEquals(5, windows, "a page a window, one window left to provisioning: none lost to a refusal");
    }

    /** A minute later, for Patchbay's budget and the sandbox's window alike. */
    private void nextWindow(String connectionId) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from rate_limit_budget where connection_id = :c")
                    .setParameter("c", connectionId).executeUpdate();
            entityManager.createNativeQuery("update reconciliation_run set next_page_at = now() where connection_id = :c")
                    .setParameter("c", connectionId).executeUpdate();
        });
        EightByEightSandbox.advanceClock(60_000);
    }

    private int used(String connectionId) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select coalesce(max(used), 0) from rate_limit_budget where connection_id = :c")
                .setParameter("c", connectionId).getSingleResult())).intValue();
    }

    @Test
    void eachConnectionIsReconciledOnItsScheduleNightlyByDefault() {
        String off = uniqueConnectionId("recon-off");
        admin().body(Map.of("id", off, "vendor", "eightbyeight", "displayName", "no schedule",
                "settings", EightByEightSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        admin().body("{\"reconciliation\":{\"every\":\"off\"}}").put("/admin/v1/connections/{c}/policy", off)
                .then().statusCode(200);

        List<String> started = reconciliations.startScheduled();

        assertEquals(true, started.contains(connection));
        assertEquals(false, started.contains(off), "its policy turned the schedule off");
        admin().get("/admin/v1/connections/{c}/reconciliations", connection).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].trigger", equalTo("scheduled"));
        sql("update reconciliation_run set state = 'done', phase = 'done', finished = now() where connection_id = :c");
        assertEquals(false, reconciliations.startScheduled().contains(connection), "not again within a day");
        sql("update reconciliation_run set started = now() - interval '25 hours' where connection_id = :c");
        assertEquals(true, reconciliations.startScheduled().contains(connection), "the next night");
    }

    @Test
    void aConnectionScheduledAtATimeOfNightRunsOnceThatTimeCameAndNotBefore() {
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Tokyo"));
        admin().body("{\"reconciliation\":{\"at\":\"" + now.minusMinutes(2).format(hhmm)
                + "\",\"zone\":\"Asia/Tokyo\"}}").put("/admin/v1/connections/{c}/policy", connection).then().statusCode(200);
        String later = uniqueConnectionId("recon-later");
        admin().body(Map.of("id", later, "vendor", "eightbyeight", "displayName", "later tonight",
                "settings", EightByEightSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        admin().body("{\"reconciliation\":{\"at\":\"" + now.plusHours(2).format(hhmm) + "\",\"zone\":\"Asia/Tokyo\"}}")
                .put("/admin/v1/connections/{c}/policy", later).then().statusCode(200);

        List<String> started = reconciliations.startScheduled();

        assertEquals(true, started.contains(connection), "its time came two minutes ago");
        assertEquals(false, started.contains(later), "its time is still to come");
        sql("update reconciliation_run set state = 'done', phase = 'done', finished = now() where connection_id = :c");
        assertEquals(false, reconciliations.startScheduled().contains(connection), "once a night");
    }
}
