package dev.patchbay.console;

import static dev.patchbay.TestApi.ADMIN_TOKEN;
import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Trusted issuers added and removed on the credentials page, and what the admin API refuses shown inline. */
@QuarkusTest
class ConsoleTrustedIssuersTest extends InChromium {


    @TestHTTPResource("/")
    URL root;

    private String connection;

    @BeforeEach
    void signIn() {
        connection = createConnection(uniqueConnectionId("issuers"), "fake");
        ConsoleBrowserTest.signIn(browser, url("/console/sign-in"), ADMIN_TOKEN);
        browser.get(url("/console/connections/" + connection + "/credentials"));
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void trust(String issuer, String audience, String claims) {
        fill("issuer-url", issuer);
        fill("issuer-audience", audience);
        fill("issuer-claims", claims);
        Chromium.clickAndWait(browser, browser.findElement(By.id("trust-issuer")));
    }

    private int trusted() {
        return admin().get("/admin/v1/connections/{c}/trusted-issuers", connection).then().statusCode(200)
                .extract().path("items.size()");
    }

    @Test
    void anIssuerIsTrustedListedAndRemoved() {
        trust("https://sts.windows.net/tenant-1/", "8adf8e6e-67b2-4cf2-a259-e3dc5476c621", "tid=tenant-1\nappid=app-7");
        assertTrue(browser.findElements(By.id("issuer-error")).isEmpty());
        WebElement row = browser.findElement(By.xpath(
                "//table[@id='trusted-issuers']//tr[td[text()='https://sts.windows.net/tenant-1/']]"));
        admin().get("/admin/v1/connections/{c}/trusted-issuers", connection).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].audience", equalTo("8adf8e6e-67b2-4cf2-a259-e3dc5476c621"))
                .body("items[0].requiredClaims.tid", equalTo("tenant-1"))
                .body("items[0].requiredClaims.appid", equalTo("app-7"));

        Chromium.clickAndWait(browser, row.findElement(By.cssSelector("button.revoke")));
        assertEquals(0, trusted());
        assertTrue(browser.findElements(By.xpath("//table[@id='trusted-issuers']//tr[@data-credential]")).isEmpty());
    }

    @Test
    void whatTheAdminApiRefusesIsShownWithTheFormAndChangesNothing() {
        trust("http://login.example.com/tenant", "patchbay", "");
        assertTrue(browser.findElement(By.id("issuer-error")).getText().contains("must be an https URL"),
                browser.findElement(By.id("issuer-error")).getText());
        assertEquals("http://login.example.com/tenant", browser.findElement(By.id("issuer-url")).getAttribute("value"),
                "the form keeps what was typed");
        assertEquals(0, trusted());

        trust("https://login.example.com/tenant", "patchbay", "tid");
        assertTrue(browser.findElement(By.id("issuer-error")).getText().contains("requiredClaims must be name=value"));
        assertEquals(0, trusted());

        trust("https://login.example.com/tenant", " ", "");
        assertTrue(browser.findElement(By.id("issuer-error")).getText().contains("audience is required"),
                browser.findElement(By.id("issuer-error")).getText());
        assertEquals(0, trusted());

        trust("https://login.example.com/tenant", "patchbay", "");
        assertEquals(1, trusted());
        trust("https://login.example.com/tenant", "another", "");
        assertTrue(browser.findElement(By.id("issuer-error")).getText().contains("already trusts"));
        admin().get("/admin/v1/connections/{c}/trusted-issuers", connection).then()
                .body("items.size()", equalTo(1)).body("items[0].audience", equalTo("patchbay"));
    }

    @Test
    void theFormNeedsItsCsrfToken() {
        String session = browser.manage().getCookieNamed(ConsoleFilter.COOKIE).getValue();
        given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, session)
                .formParam("issuer", "https://login.example.com/x").formParam("audience", "a")
                .post("/console/connections/{c}/credentials/trusted-issuers", connection).then().statusCode(403);
        assertEquals(0, trusted());
    }
}
