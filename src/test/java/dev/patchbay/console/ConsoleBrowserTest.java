package dev.patchbay.console;

import static dev.patchbay.TestApi.ADMIN_TOKEN;
import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.JobWorker;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The operator console in headless Chromium, signed in with the bootstrap token. */
@QuarkusTest
class ConsoleBrowserTest extends InChromium {


    @TestHTTPResource("/")
    URL root;

    @Inject
    JobWorker worker;

    @Inject
    FollowUpTasks tasks;

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

    static void signIn(WebDriver browser, String url, String token) {
        browser.get(url);
        browser.findElement(By.id("token")).sendKeys(token);
        Chromium.clickAndWait(browser, browser.findElement(By.id("sign-in")));
    }

    private String sessionCookie() {
        return browser.manage().getCookieNamed(ConsoleFilter.COOKIE).getValue();
    }

    @Test
    void signsInWithTheBootstrapTokenAndSignsOut() {
        browser.get(url("/console"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), "signed out, the console asks for a token");
        assertTrue(browser.findElements(By.id("sign-in-oidc")).isEmpty(), "no provider button while OIDC is off");
        signIn(browser, url("/console/sign-in"), "not-the-token");
        assertTrue(browser.findElement(By.id("error")).getText().contains("neither"));

        signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        assertEquals("bootstrap", browser.findElement(By.id("whoami")).getText());
        assertEquals("admin", browser.findElement(By.id("role")).getText());
        assertTrue(browser.findElement(By.id("totals")).getText().contains("connections"));
        Screenshots.save(browser, "overview");
        var cookie = browser.manage().getCookieNamed(ConsoleFilter.COOKIE);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
        String session = cookie.getValue();

        Chromium.clickAndWait(browser, browser.findElement(By.id("sign-out")));
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"));
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).get("/console/tasks")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/console/sign-in"));
    }

    @Test
    void anIdpPushShowsUpAsProvisionedInTheUsersTable() {
        String connection = createConnection(uniqueConnectionId("console"), "fake");
        String token = createToken(connection);
        given().auth().oauth2(token).contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"grace@example.com",
                 "displayName":"Grace Hopper","emails":[{"type":"work","value":"grace@example.com"}]}""")
                .post("/scim/v2/{c}/Users", connection).then().statusCode(201);
        signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/connections/" + connection));
        assertEquals("pending", userState("grace@example.com"));

        drain();
        browser.navigate().refresh();
        assertEquals("provisioned", userState("grace@example.com"));
        browser.findElement(By.id("q")).sendKeys("grace");
        Chromium.clickAndWait(browser, browser.findElement(By.id("search")));
        assertEquals("provisioned", userState("grace@example.com"));

        Screenshots.save(browser, "connection");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("grace@example.com")));
        assertEquals("provisioned", browser.findElement(By.id("user-state")).getText());
        assertTrue(browser.findElement(By.id("seat")).getText().contains("Grace Hopper"));
        Screenshots.save(browser, "user");
        Chromium.clickAndWait(browser, browser.findElement(By.id("sync-now")));
        assertEquals("pending", browser.findElement(By.id("user-state")).getText(), "the sync is due now");
    }

    private String userState(String userName) {
        return browser.findElement(By.cssSelector("tr[data-user='" + userName + "'] .state")).getText();
    }

    @Test
    void aTaskCompletedFromTheInboxLeavesTheOpenList() {
        String connection = createConnection(uniqueConnectionId("inbox"), "fake");
        UUID user = UUID.randomUUID();
        tasks.raise(new FollowUpTasks.NewTask(connection, user, "billing_cancellation", null,
                "Cancel the seat of a leaver", "Admin > Billing", new BigDecimal("99.00"), "USD"));
        String taskId = admin().queryParam("connection", connection).get("/admin/v1/tasks").then().statusCode(200)
                .extract().path("items[0].id");
        signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/tasks"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-task='" + taskId + "']"));
        assertTrue(row.getText().contains("99.00 USD"));
        Screenshots.save(browser, "tasks");
        row.findElement(By.name("note")).sendKeys("cancelled in the billing portal");
        Chromium.clickAndWait(browser, row.findElement(By.cssSelector("button.complete")));

        assertTrue(browser.getCurrentUrl().endsWith("/console/tasks"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-task='" + taskId + "']")).isEmpty());
        admin().get("/admin/v1/tasks/{id}", taskId).then().statusCode(200)
                .body("status", equalTo("done"))
                .body("closedBy", equalTo("bootstrap"))
                .body("note", equalTo("cancelled in the billing portal"));
        browser.get(url("/console/tasks?status=done&kind=billing_cancellation"));
        assertFalse(browser.findElements(By.cssSelector("tr[data-task='" + taskId + "']")).isEmpty());
        browser.get(url("/console/audit?operation=complete"));
        assertTrue(browser.findElement(By.id("audit")).getText().contains("/console/tasks/" + taskId + "/complete"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String connection = createConnection(uniqueConnectionId("csrf"), "fake");
        tasks.raise(new FollowUpTasks.NewTask(connection, UUID.randomUUID(), "billing_cancellation", null,
                "Cancel", null, null, null));
        String taskId = admin().queryParam("connection", connection).get("/admin/v1/tasks").then()
                .extract().path("items[0].id");
        signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        String session = sessionCookie();

        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("note", "forged")
                .post("/console/tasks/{id}/complete", taskId).then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", "wrong")
                .post("/console/tasks/{id}/complete", taskId).then().statusCode(403);
        given().redirects().follow(false).formParam("token", ADMIN_TOKEN).post("/console/sign-in")
                .then().statusCode(403);
        admin().get("/admin/v1/tasks/{id}", taskId).then().body("status", equalTo("open"));
    }

    @Test
    void consolePagesCarryAStrictContentSecurityPolicy() {
        given().redirects().follow(false).get("/console/sign-in").then().statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'none'; script-src 'self'"))
                .header("X-Frame-Options", "DENY");
        given().redirects().follow(false).get("/console").then().statusCode(303);
        given().redirects().follow(false).post("/console/sign-out").then().statusCode(401);
        given().get("/console/assets/console.js").then().statusCode(200);
        signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/connections/no-such-connection"));
        assertTrue(browser.findElement(By.id("error")).getText().contains("No connection"));
        browser.get(url("/console/tasks?status=sleeping"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("400"));
    }
}
