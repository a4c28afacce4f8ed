package dev.patchbay.http;

import static dev.patchbay.TestApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.patchbay.scim.ScimFixture;
import dev.patchbay.security.issuer.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * SCIM requests reach Quarkus REST without Quarkus' default authentication-failure handler (so it does not
 * build a request mapper per request), other requests keep Quarkus REST's own, and SCIM still answers, with
 * its errors, and is measured per URI template.
 */
@QuarkusTest
class ScimRequestsSkipQuarkusAuthFailuresTest {

    /** Records, per path, the handler in place once Quarkus REST's filters have run. */
    @ApplicationScoped
    static class Probe {
        static final Map<String, String> HANDLER = new ConcurrentHashMap<>();

        void register(@Observes Router router) {
            router.route().order(0).handler(context -> {
                Object handler = context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
                HANDLER.put(context.normalizedPath(), handler instanceof HttpSecurityRecorder.DefaultAuthFailureHandler
                        ? "default" : handler == null ? "none" : handler.getClass().getSimpleName());
                context.next();
            });
        }
    }

    @Test
    void scimRequestsGoOnWithoutTheDefaultHandlerAndAreStillMeasuredByTemplate() {
        ScimFixture scim = ScimFixture.create("auth-failures");
        scim.get("/Users?filter=userName eq \"nobody@example.com\"").statusCode(200).body("totalResults", equalTo(0));
        given().get("/admin/v1/connections").then().statusCode(401);

        // Quarkus REST swaps the default handler for its own (after naming the template) only where it was left.
        assertEquals("FailingDefaultAuthFailureHandler", Probe.HANDLER.get("/admin/v1/connections"));
        String scimHandler = Probe.HANDLER.get("/scim/v2/" + scim.connection + "/Users");
        assertNotEquals("FailingDefaultAuthFailureHandler", scimHandler);
        assertNotEquals("default", scimHandler);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/scim/v2/{connection}/Users\""));
    }

    @Test
    void aScimRequestWithoutCredentialsStillGetsTheScimError() {
        given().get("/scim/v2/no-such-connection/Users").then().statusCode(401)
                .body("schemas[0]", equalTo(ScimFixture.ERROR));
    }

    @Test
    void patchbaysOwnAccessTokensGoOnWithoutTheDefaultHandlerAndATrustedIssuersJwtKeepsQuarkusOwn() {
        ScimFixture scim = ScimFixture.create("auth-failures-jwt");
        Map<String, String> client = admin().body(Map.of("description", "probe"))
                .post("/admin/v1/connections/{id}/oauth-clients", scim.connection).then().statusCode(201)
                .extract().jsonPath().getMap("$");
        String accessToken = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client.get("clientId")).formParam("client_secret", client.get("clientSecret"))
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + accessToken).get("/scim/v2/" + scim.connection + "/Users")
                .then().statusCode(200);
        String ownTokenHandler = Probe.HANDLER.get("/scim/v2/" + scim.connection + "/Users");
        assertNotEquals("default", ownTokenHandler);
        assertNotEquals("FailingDefaultAuthFailureHandler", ownTokenHandler);

        try (TestIssuer issuer = TestIssuer.start()) {
            admin().body(Map.of("issuer", issuer.url(), "audience", "probe-audience"))
                    .post("/admin/v1/connections/{id}/trusted-issuers", scim.connection).then().statusCode(201);
            given().header("Authorization", "Bearer " + issuer.sign(issuer.claims("probe-audience")))
                    .get("/scim/v2/" + scim.connection + "/Groups").then().statusCode(200);
            assertEquals("FailingDefaultAuthFailureHandler", Probe.HANDLER.get("/scim/v2/" + scim.connection + "/Groups"));
            given().header("Authorization", "Bearer " + issuer.sign(issuer.claims("another-audience")))
                    .get("/scim/v2/" + scim.connection + "/Groups").then().statusCode(401)
                    .body("schemas[0]", equalTo(ScimFixture.ERROR));
        }
    }
}
