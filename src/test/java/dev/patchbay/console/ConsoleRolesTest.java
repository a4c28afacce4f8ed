package dev.patchbay.console;

import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.security.issuer.AdminIssuerResource;
import dev.patchbay.security.issuer.TestIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Admins signed in with OIDC access tokens: what a viewer and an operator see, and what the server refuses. */
@QuarkusTest
@TestProfile(ConsoleRolesTest.OidcAdmins.class)
class ConsoleRolesTest extends InChromium {

    static final String AUDIENCE = "patchbay-admin";

    public static class OidcAdmins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.admin.oidc.enabled", "true",
                    "patchbay.admin.oidc.audience", AUDIENCE,
                    "patchbay.admin.oidc.roles-claim", "realm_access/roles");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AdminIssuerResource.class));
        }
    }


    @TestHTTPResource("/console/sign-in")
    URL signIn;

    @Inject
    FollowUpTasks tasks;

    private static String token(String... roles) {
        String issuer = ConfigProvider.getConfig().getValue("patchbay.admin.oidc.issuer", String.class);
        Map<String, Object> claims = new HashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("sub", "console-" + String.join("-", roles));
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        return TestIssuer.mint(issuer, claims);
    }

    private String openTask() {
        String connection = uniqueConnectionId("roles");
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body(Map.of("id", connection, "vendor", "fake", "displayName", "Roles " + connection))
                .post("/admin/v1/connections").then().statusCode(201);
        tasks.raise(new FollowUpTasks.NewTask(connection, UUID.randomUUID(), "billing_cancellation", null,
                "Cancel the seat", null, null, null));
        return given().auth().oauth2(token("admin")).queryParam("connection", connection).get("/admin/v1/tasks")
                .then().statusCode(200).extract().path("items[0].id");
    }

    private WebElement row(String taskId) {
        return browser.findElement(By.cssSelector("tr[data-task='" + taskId + "']"));
    }

    @Test
    void aViewerSeesNoCompleteButtonAndAForgedPostIsRefused() {
        String taskId = openTask();
        ConsoleBrowserTest.signIn(browser, signIn.toString(), token("viewer"));
        assertEquals("viewer", browser.findElement(By.id("role")).getText());
        browser.get(signIn.toString().replace("/sign-in", "/tasks"));
        assertTrue(row(taskId).findElements(By.cssSelector("button.complete")).isEmpty());
        assertTrue(row(taskId).findElements(By.tagName("form")).isEmpty());

        String csrf = browser.findElement(By.cssSelector("form.who input[name=csrf]")).getAttribute("value");
        String session = browser.manage().getCookieNamed(ConsoleFilter.COOKIE).getValue();
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("note", "forged").post("/console/tasks/{id}/complete", taskId).then().statusCode(403);
        given().auth().oauth2(token("admin")).get("/admin/v1/tasks/{id}", taskId).then()
                .body("status", equalTo("open"));
    }

    @Test
    void anOperatorCompletesATask() {
        String taskId = openTask();
        ConsoleBrowserTest.signIn(browser, signIn.toString(), token("operator"));
        assertEquals("operator", browser.findElement(By.id("role")).getText());
        assertEquals("oidc:console-operator", browser.findElement(By.id("whoami")).getText());
        browser.get(signIn.toString().replace("/sign-in", "/tasks"));
        Chromium.clickAndWait(browser, row(taskId).findElement(By.cssSelector("button.dismiss")));
        assertTrue(browser.findElements(By.cssSelector("tr[data-task='" + taskId + "']")).isEmpty());
        given().auth().oauth2(token("admin")).get("/admin/v1/tasks/{id}", taskId).then()
                .body("status", equalTo("dismissed")).body("closedBy", equalTo("oidc:console-operator"));
    }

    @Test
    void aTokenWithoutAnAdminRoleCannotSignIn() {
        ConsoleBrowserTest.signIn(browser, signIn.toString(), token("somebody"));
        assertTrue(browser.findElement(By.id("error")).getText().contains("none of the roles"));
        assertFalse(browser.getCurrentUrl().endsWith("/console"));
        assertTrue(browser.manage().getCookieNamed(ConsoleFilter.COOKIE) == null);
    }

    private String connection() {
        String connection = uniqueConnectionId("roles");
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body(Map.of("id", connection, "vendor", "fake", "displayName", "Roles " + connection))
                .post("/admin/v1/connections").then().statusCode(201);
        return connection;
    }

    private String page(String path) {
        return signIn.toString().replace("/sign-in", path);
    }

    @Test
    void aViewerReadsReconciliationPolicyAndSeatsButHasNoButtonsAndForgedWritesAreRefused() {
        String connection = connection();
        ConsoleBrowserTest.signIn(browser, signIn.toString(), token("viewer"));
        String csrf = browser.findElement(By.cssSelector("form.who input[name=csrf]")).getAttribute("value");
        String session = browser.manage().getCookieNamed(ConsoleFilter.COOKIE).getValue();

        browser.get(page("/connections/" + connection + "/reconciliations"));
        assertTrue(browser.findElement(By.id("run-list")).isDisplayed());
        assertTrue(browser.findElements(By.id("start-run")).isEmpty());
        browser.get(page("/connections/" + connection + "/policy"));
        assertEquals("pre", browser.findElement(By.id("policy-text")).getTagName(), "read-only");
        assertTrue(browser.findElements(By.id("policy-form")).isEmpty());
        assertTrue(browser.findElements(By.id("dry-run")).isEmpty());
        browser.get(page("/seats"));
        assertTrue(browser.findElement(By.id("seats-" + connection)).isDisplayed());
        browser.get(page("/connections/" + connection + "/credentials"));
        assertTrue(browser.findElements(By.id("new-token")).isEmpty());
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .post("/console/connections/" + connection + "/credentials/tokens").then().statusCode(403);
        given().auth().oauth2(token("admin")).get("/admin/v1/connections/{c}/tokens", connection).then()
                .body("items", org.hamcrest.Matchers.hasSize(0));
        browser.get(page("/connections/" + connection + "/settings"));
        assertTrue(browser.findElements(By.id("save-settings")).isEmpty());
        assertEquals("true", browser.findElement(By.id("displayName")).getAttribute("disabled"));

        String base = "/console/connections/" + connection;
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("preview", "true").post(base + "/reconciliations").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("policy", "{}").post(base + "/policy").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("policy", "{}").post(base + "/policy/dry-run").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .post(base + "/jobs/1/redrive").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("displayName", "Forged").post(base + "/settings").then().statusCode(403);
        given().auth().oauth2(token("admin")).get("/admin/v1/connections/{c}", connection).then()
                .body("displayName", equalTo("Roles " + connection));
        given().auth().oauth2(token("admin")).get("/admin/v1/connections/{c}/reconciliations", connection).then()
                .body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(token("admin")).get("/admin/v1/connections/{c}/policy", connection).then()
                .body("version", equalTo(0));
    }

    @Test
    void anOperatorMayRedriveAndStartARunButNotEditThePolicy() {
        String connection = connection();
        ConsoleBrowserTest.signIn(browser, signIn.toString(), token("operator"));
        String csrf = browser.findElement(By.cssSelector("form.who input[name=csrf]")).getAttribute("value");
        String session = browser.manage().getCookieNamed(ConsoleFilter.COOKIE).getValue();
        browser.get(page("/connections/" + connection + "/reconciliations"));
        assertTrue(browser.findElement(By.id("start-run")).isDisplayed(), "operators may start a run");
        browser.get(page("/connections/" + connection + "/policy"));
        assertTrue(browser.findElements(By.id("policy-form")).isEmpty());

        String base = "/console/connections/" + connection;
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .formParam("policy", "{}").post(base + "/policy").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", csrf)
                .post(base + "/jobs/1/redrive").then().statusCode(404)
                .body(org.hamcrest.Matchers.containsString("no dead job"));
    }
}
