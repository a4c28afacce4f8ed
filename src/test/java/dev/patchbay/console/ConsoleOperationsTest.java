package dev.patchbay.console;

import static dev.patchbay.TestApi.ADMIN_TOKEN;
import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.job.JobWorker;
import dev.patchbay.provisioning.FakeVendor;
import dev.patchbay.reconcile.Reconciler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Reconciliation, seats, the policy editor and redrive in the console, in headless Chromium. */
@QuarkusTest
class ConsoleOperationsTest extends InChromium {

    private static final String CX4 = "{\"license\":\"CX 4\"}";


    @TestHTTPResource("/")
    URL root;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    FakeVendor fake;

    @Inject
    Reconciler reconciler;

    @Inject
    BacklogHistory backlog;

    @Inject
    OverviewSeats overviewSeats;

    private String connection;
    private EndToEnd e2e;

    @BeforeEach
    void freshConnection() {
        drain();
        fake.reset();
        connection = createConnection(uniqueConnectionId("ops"), "fake");
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
    }

    /** Leaves no due job behind for the next test class that counts vendor calls. */
    @AfterEach
    void drain() {
        for (int i = 0; i < 100 && worker.runOnce("console") > 0; i++) {
            // keep going
        }
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private String session() {
        return browser.manage().getCookieNamed(ConsoleFilter.COOKIE).getValue();
    }

    private String csrf() {
        return browser.findElement(By.cssSelector("form.who input[name=csrf]")).getAttribute("value");
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Ada's license changed in the vendor console (drift) and an account nobody provisioned (an orphan). */
    private String driftAndOrphan() {
        String ada = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", CX4);
        e2e.oktaCreate("bob@example.com", "Bob", "Byte", CX4);
        e2e.drain();
        String adaAccount = e2e.vendorId(ada);
        fake.accounts().put(adaAccount, fake.accounts().get(adaAccount).with(SeatField.LICENSE, "CX 2"));
        fake.accounts().put("fake-ghost", new Seat(true, Map.of(SeatField.USER_NAME, "ghost@example.com",
                SeatField.LICENSE, "CX 4")));
        return adaAccount;
    }

    @Test
    void aRunStartedFromTheConsoleShowsItsProgressItsDriftFieldByFieldAndTheSeatsItCounted() {
        String adaAccount = driftAndOrphan();
        ConsoleBrowserTest.signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/connections/" + connection));
        Chromium.clickAndWait(browser, browser.findElement(By.id("to-reconciliation")));
        assertTrue(browser.findElement(By.id("run-list")).getText().contains("No run yet"));

        Chromium.clickAndWait(browser, browser.findElement(By.id("start-real")));
        WebElement running = browser.findElement(By.cssSelector("#run-list tr[data-run]"));
        assertTrue(running.getText().contains("running"), running.getText());
        assertTrue(running.getText().contains("real"));
        assertEquals("2000", browser.findElement(By.id("runs")).getAttribute("data-poll"));
        for (int round = 0; round < 20 && reconciler.runDue(connection, 100) > 0; round++) {
            // carry the run on, page by page
        }
        waiting().until(page -> page.findElement(By.id("run-list")).getText().contains("done"));
        String finished = browser.findElement(By.cssSelector("#run-list tr[data-run]")).getText();
        assertTrue(finished.contains("3 of 3 accounts"), finished);
        assertTrue(finished.contains("drift: 1"), finished);
        assertTrue(finished.contains("orphan: 1"), finished);
        assertTrue(browser.findElements(By.cssSelector("#runs[data-poll]")).isEmpty(), "polling stops when done");
        Screenshots.save(browser, "reconciliations");

        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#run-list tr[data-run] a")));
        Chromium.clickAndWait(browser, browser.findElement(By.id("situation-drift")));
        WebElement drift = browser.findElement(By.cssSelector("tr[data-finding='" + adaAccount + "']"));
        assertEquals("CX 4", drift.findElement(By.cssSelector(".drift-license .applied")).getText());
        assertEquals("CX 2", drift.findElement(By.cssSelector(".drift-license .vendor")).getText());
        assertTrue(drift.getText().contains("ada@example.com"));
        assertTrue(drift.getText().contains("report"), "the policy's default action: " + drift.getText());
        assertEquals(1, browser.findElements(By.cssSelector("#findings tr[data-finding]")).size(),
                "only the drift is shown");
        Screenshots.save(browser, "drift");

        browser.get(url("/console/seats"));
        WebElement seats = browser.findElement(By.id("seats-" + connection));
        assertEquals("3", seats.findElement(By.cssSelector("tr.total th:nth-child(2)")).getText(), seats.getText());
        assertTrue(seats.findElement(By.cssSelector("tr[data-tier='CX 4']")).getText().contains("240 480"),
                "bob and the orphan hold CX 4 at the list price of 240: " + seats.getText());
        assertTrue(seats.getText().contains("Savings available: 240 USD"), "the orphan's seat: " + seats.getText());
        Screenshots.save(browser, "seats");
        String csv = given().cookie(ConsoleFilter.COOKIE, session()).get("/console/seats/seats.csv").then()
                .statusCode(200).header("Content-Type", containsString("text/csv"))
                .header("Content-Disposition", containsString("seats.csv")).extract().asString();
        assertTrue(csv.startsWith("vendor,connection,account,"), csv);
        assertTrue(csv.contains("fake," + connection + ",fake-ghost,,ghost@example.com,CX 4,"), csv);

        backlog.sample();
        browser.get(url("/console"));
        String card = browser.findElement(By.cssSelector("#card-" + connection + " .card-seats")).getText();
        assertTrue(card.contains("Seats: 3"), card);
        assertTrue(card.contains("savings available: 240.00 USD"), card);
        assertTrue(browser.findElement(By.id("total-savings")).getText().contains("USD"));
        JsonPath charts = new JsonPath(browser.findElement(By.id("charts")).getAttribute("data-charts"));
        List<String> tiers = charts.getList("seatsByTier.find { it.vendor == 'fake' }.tiers");
        List<Integer> counts = charts.getList("seatsByTier.find { it.vendor == 'fake' }.seats");
        assertTrue(counts.get(tiers.indexOf("CX 4")) >= 2 && counts.get(tiers.indexOf("CX 2")) >= 1, charts.prettify());
        assertTrue(charts.getDouble("monthlyCost.find { it.vendor == 'fake' }.savingsAvailable") >= 240);
        assertEquals(List.of(0), charts.getList("backlog.find { it.connectionId == '" + connection + "' }.remaining"));
        assertTrue(charts.getInt("idleSeats.find { it.vendor == 'fake' }.orphaned") >= 1, "the ghost: " + charts.prettify());
        for (String chart : List.of("chart-seats", "chart-cost", "chart-idle", "chart-backlog")) {
            waiting().until(page -> !page.findElements(By.cssSelector("#" + chart + " .uplot canvas")).isEmpty());
        }
        Screenshots.save(browser, "overview-charts");
    }

    @Test
    void badReconciliationAndSeatRequestsAreRefusedAndStartNothing() {
        ConsoleBrowserTest.signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        String session = session();
        String csrf = csrf();
        String runs = "/console/connections/" + connection + "/reconciliations";
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("preview", "perhaps").post(runs).then().statusCode(400);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("preview", "true")
                .post(runs).then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .post("/console/connections/no-such/reconciliations").then().statusCode(404);
        admin().get("/admin/v1/connections/{c}/reconciliations", connection).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
        given().cookie(ConsoleFilter.COOKIE, session).get(runs + "/not-a-run").then().statusCode(404);
        given().cookie(ConsoleFilter.COOKIE, session).get(runs + "/" + java.util.UUID.randomUUID()).then()
                .statusCode(404);

        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("preview", "true").post(runs).then().statusCode(303);
        String run = admin().get("/admin/v1/connections/{c}/reconciliations", connection).then()
                .extract().path("items[0].id");
        given().cookie(ConsoleFilter.COOKIE, session).queryParam("situation", "weird").get(runs + "/" + run).then()
                .statusCode(400).body(containsString("situation"));
        given().cookie(ConsoleFilter.COOKIE, session).queryParam("page", "-1").get(runs + "/" + run).then()
                .statusCode(400);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("preview", "false").post(runs).then().statusCode(409).body(containsString("running"));
        given().cookie(ConsoleFilter.COOKIE, session).queryParam("idleDays", "0").get("/console/seats").then()
                .statusCode(400).body(containsString("idleDays"));
        given().cookie(ConsoleFilter.COOKIE, session).queryParam("idleDays", "many").get("/console/seats/seats.csv")
                .then().statusCode(400);
        browser.get(url("/console/audit?operation=preview"));
        assertTrue(browser.findElement(By.id("audit")).getText().contains(runs));
    }

    @Test
    void aPolicyDryRunShowsWhoWouldChangeAndHowBeforeSavingAndSavingMakesANewVersion() {
        e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", CX4);
        e2e.oktaCreate("bob@example.com", "Bob", "Byte", CX4);
        e2e.drain();
        int before = admin().get("/admin/v1/connections/{c}/policy", connection).then().statusCode(200)
                .extract().path("version");
        ConsoleBrowserTest.signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/connections/" + connection));
        Chromium.clickAndWait(browser, browser.findElement(By.id("to-policy")));
        assertEquals(String.valueOf(before), browser.findElement(By.id("policy-version")).getText());

        type("{\"mappings\":[{\"from\":\"title\",\"to\":\"shoeSize\"}]}");
        Chromium.clickAndWait(browser, browser.findElement(By.id("dry-run")));
        String errors = browser.findElement(By.id("policy-errors")).getText();
        assertTrue(errors.contains("policy.mappings[0].to"), errors);
        assertTrue(browser.findElement(By.id("policy-text")).getAttribute("value").contains("shoeSize"),
                "the text stays in the editor");
        type("{\"mappings\": [");
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-policy")));
        assertTrue(browser.findElement(By.id("policy-errors")).getText().contains("line 1"),
                browser.findElement(By.id("policy-errors")).getText());

        type("{\"mappings\":[{\"to\":\"telephonyRegion\",\"default\":\"EU\"}]}");
        Chromium.clickAndWait(browser, browser.findElement(By.id("dry-run")));
        assertTrue(browser.findElements(By.id("policy-errors")).isEmpty());
        assertTrue(browser.findElement(By.id("impact")).getText().contains("2 user(s) would change"));
        for (String user : new String[] {"ada@example.com", "bob@example.com"}) {
            WebElement row = browser.findElement(By.cssSelector("#impact-users tr[data-user='" + user + "']"));
            assertEquals("(none)", row.findElement(By.cssSelector(".change-telephony_region .current")).getText());
            assertEquals("EU", row.findElement(By.cssSelector(".change-telephony_region .proposed")).getText());
            assertTrue(row.getText().contains("telephony_region"), "the step that would run: " + row.getText());
        }
        Screenshots.save(browser, "policy-dry-run");
        admin().get("/admin/v1/connections/{c}/policy", connection).then()
                .body("version", org.hamcrest.Matchers.equalTo(before));

        Chromium.clickAndWait(browser, browser.findElement(By.id("save-policy")));
        assertEquals("Saved as version " + (before + 1) + ".", browser.findElement(By.id("saved")).getText());
        assertEquals(String.valueOf(before + 1), browser.findElement(By.id("policy-version")).getText());
        admin().get("/admin/v1/connections/{c}/policy", connection).then()
                .body("version", org.hamcrest.Matchers.equalTo(before + 1))
                .body("document.mappings[0].to", org.hamcrest.Matchers.equalTo("telephonyRegion"));
        browser.get(url("/console/audit?operation=dry-run&connection=" + connection));
        assertTrue(browser.findElement(By.id("audit")).getText().contains("/policy/dry-run"));
    }

    private void type(String policy) {
        WebElement editor = browser.findElement(By.id("policy-text"));
        editor.clear();
        editor.sendKeys(policy);
    }

    @Test
    void aDeadJobIsRedrivenFromTheUserPage() {
        String grace = e2e.oktaCreate("grace@example.com", "Grace", "Hopper", CX4);
        fake.failNext("grace@example.com",
                () -> new dev.patchbay.connector.ConnectorException.Rejected("License pool exhausted"));
        e2e.settle();
        String job = String.valueOf(admin().get("/admin/v1/connections/{c}/users/{u}/jobs/dead", connection,
                "grace@example.com").then().statusCode(200).extract().<Integer>path("items[0].id"));
        ConsoleBrowserTest.signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/connections/" + connection + "/users/grace@example.com"));
        WebElement dead = browser.findElement(By.cssSelector("#user-dead-jobs tr[data-job='" + job + "']"));
        assertTrue(dead.getText().contains("License pool exhausted"), dead.getText());
        Screenshots.save(browser, "redrive");
        Chromium.clickAndWait(browser, dead.findElement(By.cssSelector("button.redrive")));

        assertTrue(browser.getCurrentUrl().endsWith("/users/" + grace), browser.getCurrentUrl());
        assertTrue(browser.findElements(By.cssSelector("#user-dead-jobs tr[data-job]")).isEmpty());
        assertEquals("pending", browser.findElement(By.id("user-state")).getText());
        e2e.drain();
        browser.navigate().refresh();
        assertEquals("provisioned", browser.findElement(By.id("user-state")).getText());
        admin().get("/admin/v1/connections/{c}/jobs/dead", connection).then().body("items.size()",
                org.hamcrest.Matchers.equalTo(0));
        browser.get(url("/console/audit?operation=redrive&connection=" + connection));
        assertTrue(browser.findElement(By.id("audit")).getText().contains("/jobs/" + job + "/redrive"));
    }

    @Test
    void theBacklogIsSampledOnAGridAndKeptForTwoDays() {
        e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", CX4);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into console_backlog_sample (connection_id, at, remaining) values (:c, :at, 7), (:c, :old, 9)")
                .setParameter("c", connection).setParameter("at", Instant.now().minus(Duration.ofHours(3)))
                .setParameter("old", Instant.now().minus(Duration.ofDays(3))).executeUpdate());
        backlog.sample();
        backlog.sample();
        BacklogHistory.Series series = backlog.lastDay(List.of(connection, "no-such-connection")).get(0);
        assertEquals(connection, series.connectionId());
        assertEquals(List.of(7L, 1L), series.remaining(), "the old sample is gone, the two samples just now are one");
        assertEquals(1, backlog.lastDay(List.of(connection, "no-such-connection")).size());
        assertEquals(0, series.at().get(1) % 300, "on the five-minute grid");
    }

    /** An 8x8 connection: its schema has URLs, secrets and whole numbers with ranges. */
    private String eightByEight() {
        String id = uniqueConnectionId("settings");
        String sandbox = "http://127.0.0.1:" + io.restassured.RestAssured.port + "/sandbox/8x8";
        admin().body(Map.of("id", id, "vendor", "eightbyeight", "displayName", "8x8 settings",
                "settings", Map.of("scimBaseUrl", sandbox + "/udi/customers/0012J00042NkZQIQA3/scim/v2",
                        "scimToken", "sandbox-8x8-scim-token", "adminBaseUrl", sandbox + "/admin-provisioning",
                        "apiKey", "eght_sandbox_api_key", "requestTimeoutSeconds", 2,
                        "synchronousCreateSeconds", 3)))
                .post("/admin/v1/connections").then().statusCode(201);
        return id;
    }

    @Test
    void theSettingsFormFollowsTheVendorsSchemaAndSecretsAreWriteOnly() {
        String id = eightByEight();
        ConsoleBrowserTest.signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/connections/" + id));
        Chromium.clickAndWait(browser, browser.findElement(By.id("to-settings")));
        assertEquals("password", browser.findElement(By.id("setting-apiKey")).getAttribute("type"));
        assertEquals("", browser.findElement(By.id("setting-apiKey")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("field-apiKey")).getText().contains("secret set"));
        assertEquals("url", browser.findElement(By.id("setting-adminBaseUrl")).getAttribute("type"));
        assertEquals("number", browser.findElement(By.id("setting-requestTimeoutSeconds")).getAttribute("type"));
        assertEquals("300", browser.findElement(By.id("setting-requestTimeoutSeconds")).getAttribute("max"));
        assertEquals("2", browser.findElement(By.id("setting-requestTimeoutSeconds")).getAttribute("value"));
        assertEquals("default: 60", browser.findElement(By.id("setting-operationTimeoutSeconds"))
                .getAttribute("placeholder"));
        assertTrue(!browser.getPageSource().contains("eght_sandbox_api_key"), "a secret is never shown");
        Screenshots.save(browser, "settings");

        String session = session();
        String csrf = csrf();
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("displayName", "8x8 settings").formParam("setting.requestTimeoutSeconds", "soon")
                .post("/console/connections/{c}/settings", id).then().statusCode(400)
                .body(containsString("must be a whole number"));
        WebElement timeout = browser.findElement(By.id("setting-requestTimeoutSeconds"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('max')", timeout);
        timeout.clear();
        timeout.sendKeys("900");
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-settings")));
        assertTrue(browser.findElement(By.id("field-requestTimeoutSeconds")).getText().contains("300"),
                "the admin API's range check, next to the field: "
                        + browser.findElement(By.id("field-requestTimeoutSeconds")).getText());
        admin().get("/admin/v1/connections/{c}", id).then().body("settings.requestTimeoutSeconds",
                org.hamcrest.Matchers.equalTo(2));

        timeout = browser.findElement(By.id("setting-requestTimeoutSeconds"));
        timeout.clear();
        timeout.sendKeys("7");
        browser.findElement(By.id("setting-scimToken")).sendKeys("a-new-scim-token");
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-settings")));
        assertTrue(browser.findElement(By.id("saved")).isDisplayed());
        admin().get("/admin/v1/connections/{c}", id).then().statusCode(200)
                .body("settings.requestTimeoutSeconds", org.hamcrest.Matchers.equalTo(7))
                .body("settings.synchronousCreateSeconds", org.hamcrest.Matchers.equalTo(3))
                .body("settings.apiKey", org.hamcrest.Matchers.nullValue())
                .body("secretSettings", org.hamcrest.Matchers.hasItems("apiKey", "scimToken"));
        assertTrue(!browser.getPageSource().contains("a-new-scim-token"));
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("displayName", "x")
                .post("/console/connections/{c}/settings", id).then().statusCode(403);
    }

    @Test
    void aScimTokenIssuedInTheConsoleIsShownOnceWorksAndIsRevoked() {
        ConsoleBrowserTest.signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/connections/" + connection));
        Chromium.clickAndWait(browser, browser.findElement(By.id("to-credentials")));
        browser.findElement(By.cssSelector("#new-token input[name=description]")).sendKeys("Okta from the console");
        Chromium.clickAndWait(browser, browser.findElement(By.id("issue-token")));
        String secret = browser.findElement(By.id("issued-secret")).getText();
        given().auth().oauth2(secret).get("/scim/v2/{c}/Users", connection).then().statusCode(200);
        Screenshots.save(browser, "credentials");
        browser.get(url("/console/connections/" + connection + "/credentials"));
        assertTrue(!browser.getPageSource().contains(secret), "shown once");
        WebElement row = browser.findElement(By.xpath("//table[@id='tokens']//tr[td[text()='Okta from the console']]"));
        Chromium.clickAndWait(browser, row.findElement(By.cssSelector("button.revoke")));
        given().auth().oauth2(secret).get("/scim/v2/{c}/Users", connection).then().statusCode(401);

        Chromium.clickAndWait(browser, browser.findElement(By.id("issue-basic")));
        assertTrue(browser.findElement(By.id("credentials-error")).getText().contains("username"),
                browser.findElement(By.id("credentials-error")).getText());
        browser.findElement(By.id("basic-username")).sendKeys("okta-basic");
        Chromium.clickAndWait(browser, browser.findElement(By.id("issue-basic")));
        assertEquals("okta-basic", browser.findElement(By.id("issued-name")).getText());
        given().auth().preemptive().basic("okta-basic", browser.findElement(By.id("issued-secret")).getText())
                .get("/scim/v2/{c}/Users", connection).then().statusCode(200);
        given().cookie(ConsoleFilter.COOKIE, session()).formParam("csrf", csrf())
                .post("/console/connections/{c}/credentials/passwords", connection).then().statusCode(404);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session()).formParam("csrf", csrf())
                .post("/console/connections/{c}/credentials/tokens/not-an-id/revoke", connection).then()
                .statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(404)).or(org.hamcrest.Matchers.is(400)));
    }

    @Test
    void theOverviewReusesASeatReportUntilANewRunFinishes() {
        driftAndOrphan();
        dev.patchbay.store.Connection stored = QuarkusTransaction.requiringNew()
                .call(() -> dev.patchbay.store.Connection.<dev.patchbay.store.Connection>findById(connection));
        var before = overviewSeats.of(stored);
        assertEquals(null, before.reconciliation());
        assertTrue(before == overviewSeats.of(stored), "the same run (none): the same report");
        admin().body(Map.of("preview", false)).post("/admin/v1/connections/{c}/reconciliations", connection).then()
                .statusCode(202);
        for (int round = 0; round < 20 && reconciler.runDue(connection, 100) > 0; round++) {
            // carry the run on
        }
        var after = overviewSeats.of(stored);
        assertTrue(after.reconciliation() != null, "a new run finished: counted afresh");
        assertEquals(3, after.totals().seats());
    }
}
