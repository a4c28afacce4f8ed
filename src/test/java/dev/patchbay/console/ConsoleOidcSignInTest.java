package dev.patchbay.console;

import static dev.patchbay.TestApi.ADMIN_TOKEN;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.security.issuer.AdminIssuerResource;
import dev.patchbay.security.issuer.SignInProvider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Console sign-in at an OIDC provider (the test provider of {@link SignInProvider}): in the browser, the
 * refusals of bad callbacks, and sessions that end when the provider stops vouching for the admin.
 */
@QuarkusTest
@TestProfile(ConsoleOidcSignInTest.ProviderSignIn.class)
class ConsoleOidcSignInTest extends InChromium {

    static final String PROVIDER = "Test IdP";

    public static class ProviderSignIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.admin.oidc.enabled", "true",
                    "patchbay.admin.oidc.audience", SignInProvider.ADMIN_AUDIENCE,
                    "patchbay.admin.oidc.roles-claim", "realm_access/roles",
                    "patchbay.console.oidc.enabled", "true",
                    "patchbay.console.oidc.client-id", SignInProvider.CLIENT_ID,
                    "patchbay.console.oidc.client-secret", SignInProvider.CLIENT_SECRET,
                    "patchbay.console.oidc.provider-name", PROVIDER,
                    "patchbay.console.oidc.recheck-every", "1h");
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

    @Inject
    EntityManager entityManager;

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("patchbay.admin.oidc.issuer", String.class);
    }

    private static String user(String... roles) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        SignInProvider.user(issuer(), username, roles);
        return username;
    }

    private void signInAtTheProvider(String username) {
        browser.get(signIn.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("sign-in-oidc")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("provider-sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.getCurrentUrl().endsWith("/console") && !driver.findElements(By.id("role")).isEmpty());
    }

    @Test
    void aViewerSignsInAtTheProviderAndSeesNoActionButtons() {
        String connection = uniqueConnectionId("oidc-console");
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("id", connection, "vendor", "fake", "displayName", "OIDC " + connection))
                .post("/admin/v1/connections").then().statusCode(201);
        tasks.raise(new FollowUpTasks.NewTask(connection, UUID.randomUUID(), "billing_cancellation", null,
                "Cancel the seat", null, null, null));
        String vera = user("viewer");

        browser.get(signIn.toString());
        assertEquals("Sign in with " + PROVIDER, browser.findElement(By.id("sign-in-oidc")).getText());
        Screenshots.save(browser, "sign-in-oidc");
        signInAtTheProvider(vera);

        assertEquals("viewer", browser.findElement(By.id("role")).getText());
        assertEquals("oidc:" + vera, browser.findElement(By.id("whoami")).getText());
        var cookie = browser.manage().getCookieNamed(ConsoleFilter.COOKIE);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
        assertNull(browser.manage().getCookieNamed(OidcSignInResource.BROWSER_COOKIE), "the sign-in's binding is spent");

        browser.get(signIn.toString().replace("/sign-in", "/tasks?connection=" + connection));
        assertFalse(browser.findElements(By.cssSelector("tr[data-task]")).isEmpty(), "the viewer sees the task");
        assertTrue(browser.findElements(By.cssSelector("tr[data-task] button")).isEmpty(), "but no button to act on it");
    }

    @Test
    void anAdminSignsInAtTheProviderAndAnAccountWithoutARoleIsRefused() {
        signInAtTheProvider(user("viewer", "admin"));
        assertEquals("admin", browser.findElement(By.id("role")).getText());

        browser.manage().deleteAllCookies();
        browser.get(signIn.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("sign-in-oidc")));
        browser.findElement(By.id("username")).sendKeys(user("auditor"));
        Chromium.clickAndWait(browser, browser.findElement(By.id("provider-sign-in")));
        assertTrue(browser.findElement(By.id("error")).getText().contains("none of the roles"));
        assertNull(browser.manage().getCookieNamed(ConsoleFilter.COOKIE));
    }

    /** The authorization request the console sends the browser to, and the cookie that binds it. */
    private record Started(Map<String, String> authorization, String browserKey) {
    }

    private static Started start() {
        Response start = given().redirects().follow(false).get("/console/oidc/start");
        assertEquals(303, start.statusCode());
        URI authorize = URI.create(start.header("Location"));
        assertTrue(authorize.toString().startsWith(issuer() + "/authorize?"));
        return new Started(query(authorize.getRawQuery()), start.cookie(OidcSignInResource.BROWSER_COOKIE));
    }

    /** What the provider's sign-in form sends, and the callback URL it redirects the browser to. */
    private static URI atTheProvider(Started started, String username, boolean deny) {
        var request = given().redirects().follow(false).formParams(started.authorization());
        request = deny ? request.formParam("deny", "1") : request.formParam("username", username);
        Response answer = request.post(issuer() + "/authorize");
        assertEquals(302, answer.statusCode(), answer.body().asString());
        return URI.create(answer.header("Location"));
    }

    private static Response callback(URI callback, String browserKey) {
        var request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (browserKey != null) {
            request = request.cookie(OidcSignInResource.BROWSER_COOKIE, browserKey);
        }
        return request.get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    /** Signs in over HTTP as a browser would; the console session cookie. */
    private static String signInOverHttp(String username) {
        Started started = start();
        Response signedIn = callback(atTheProvider(started, username, false), started.browserKey());
        assertEquals(200, signedIn.statusCode(), signedIn.body().asString());
        assertTrue(signedIn.body().asString().contains("url=/console"), "the page moves on to the overview");
        return signedIn.cookie(ConsoleFilter.COOKIE);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void theAuthorizationRequestCarriesStateNonceAndPkce() {
        Map<String, String> request = start().authorization();
        assertEquals(SignInProvider.CLIENT_ID, request.get("client_id"));
        assertEquals("code", request.get("response_type"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertTrue(request.get("scope").contains("openid"));
        assertTrue(request.get("redirect_uri").endsWith("/console/oidc/callback"));
        assertNotNull(request.get("state"));
        assertNotNull(request.get("nonce"));
        assertTrue(!request.get("state").equals(start().authorization().get("state")), "a new state each time");
    }

    @Test
    void aForgedCallbackIsRefusedWithAPageAndOpensNoSession() {
        Response forged = callback(URI.create("/console/oidc/callback?state=forged&code=anything"), "b_forged");
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().asString().contains("not one this browser is waiting for"));
        assertNull(forged.cookie(ConsoleFilter.COOKIE));
        callback(URI.create("/console/oidc/callback?code=anything"), null).then().statusCode(400);
    }

    @Test
    void aReplayedCallbackIsRefused() {
        Started started = start();
        URI back = atTheProvider(started, user("operator"), false);
        Response first = callback(back, started.browserKey());
        assertEquals(200, first.statusCode());
        assertNotNull(first.cookie(ConsoleFilter.COOKIE));

        Response replay = callback(back, started.browserKey());
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().asString().contains("was used already"));
        assertNull(replay.cookie(ConsoleFilter.COOKIE));
    }

    @Test
    void aCallbackInAnotherBrowserIsRefusedAndSpendsTheSignIn() {
        Started started = start();
        URI back = atTheProvider(started, user("admin"), false);
        Response elsewhere = callback(back, "b_" + UUID.randomUUID());
        assertEquals(400, elsewhere.statusCode());
        assertNull(elsewhere.cookie(ConsoleFilter.COOKIE));
        assertEquals(400, callback(back, started.browserKey()).statusCode(), "the state was taken");
    }

    @Test
    void aSignInDeniedAtTheProviderIsRefused() {
        Started started = start();
        Response denied = callback(atTheProvider(started, null, true), started.browserKey());
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().asString().contains(PROVIDER + " did not sign you in (access_denied)"));
        assertNull(denied.cookie(ConsoleFilter.COOKIE));
    }

    @Test
    void anIdTokenIssuedForAnotherSignInIsRefused() {
        Started started = start();
        URI back = atTheProvider(started, user("admin"), false);
        SignInProvider.tamperNextNonce(issuer());
        Response refused = callback(back, started.browserKey());
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().asString().contains("nonce does not match"), refused.body().asString());
        assertNull(refused.cookie(ConsoleFilter.COOKIE));
    }

    private static Response page(String session) {
        return given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).get("/console/tasks");
    }

    private void recheckDue(String username) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update console_session set recheck_at = now() - interval '1 second' where actor = :actor")
                .setParameter("actor", "oidc:" + username).executeUpdate());
    }

    private long sessionsOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from console_session where actor = :actor").setParameter("actor", "oidc:" + username)
                .getSingleResult()).longValue());
    }

    @Test
    void revokedTokensEndTheSessionAtTheNextRecheck() {
        String olga = user("operator");
        String session = signInOverHttp(olga);
        int refreshes = SignInProvider.refreshes(issuer());
        page(session).then().statusCode(200);
        assertEquals(refreshes, SignInProvider.refreshes(issuer()), "not due: the provider is not asked");

        SignInProvider.revoke(issuer(), olga);
        page(session).then().statusCode(200);
        recheckDue(olga);
        page(session).then().statusCode(303).header("Location", endsWith("/console/sign-in?ended=provider"));
        assertEquals(refreshes + 1, SignInProvider.refreshes(issuer()));
        assertEquals(0, sessionsOf(olga));
        page(session).then().statusCode(303).header("Location", endsWith("/console/sign-in"));
        given().get("/console/sign-in?ended=provider").then().statusCode(200)
                .body(containsString("Your session ended: " + PROVIDER + " no longer confirms your admin role"));
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session).formParam("csrf", "x")
                .post("/console/sign-out").then().statusCode(401);
    }

    @Test
    void aRoleRemovedAtTheProviderEndsTheSessionAndAChangedRoleIsTakenOver() {
        String rita = user("admin");
        String session = signInOverHttp(rita);
        page(session).then().statusCode(200).body(containsString("<span class=\"role\" id=\"role\">admin</span>"));

        SignInProvider.user(issuer(), rita, "viewer");
        recheckDue(rita);
        page(session).then().statusCode(200).body(containsString("<span class=\"role\" id=\"role\">viewer</span>"));
        page(session).then().statusCode(200).body(containsString("id=\"role\">viewer<"));

        SignInProvider.user(issuer(), rita);
        recheckDue(rita);
        page(session).then().statusCode(303).header("Location", endsWith("?ended=provider"));
        assertEquals(0, sessionsOf(rita));
    }
}
