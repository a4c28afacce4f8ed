package dev.patchbay.admin;

import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.TestApi;
import dev.patchbay.security.AdminOidc;
import dev.patchbay.security.issuer.AdminIssuerResource;
import dev.patchbay.security.issuer.TestIssuer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Admins signing in at an OIDC provider, with roles from a nested claim, and the bootstrap token turned off. */
@QuarkusTest
@TestProfile(AdminOidcTest.OidcAdmins.class)
class AdminOidcTest {

    static final String AUDIENCE = "patchbay-admin";

    public static class OidcAdmins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.admin.bootstrap.enabled", "false",
                    "patchbay.admin.oidc.enabled", "true",
                    "patchbay.admin.oidc.audience", AUDIENCE,
                    "patchbay.admin.oidc.roles-claim", "realm_access/roles");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AdminIssuerResource.class));
        }
    }

    @Inject
    AdminOidc adminOidc;

    @Inject
    EntityManager entityManager;

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("patchbay.admin.oidc.issuer", String.class);
    }

    private static Map<String, Object> claims(String... roles) {
        Map<String, Object> claims = new HashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", issuer());
        claims.put("aud", AUDIENCE);
        claims.put("sub", "user-" + String.join("-", roles));
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        return claims;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static RequestSpecification as(Map<String, Object> claims) {
        return as(TestIssuer.mint(issuer(), claims));
    }

    private static Map<String, Object> newConnection() {
        String id = uniqueConnectionId("oidc");
        return Map.of("id", id, "vendor", "fake", "displayName", "OIDC " + id);
    }

    @Test
    void bootstrapTokenIsRejectedWhenDisabled() {
        given().auth().oauth2(TestApi.ADMIN_TOKEN).get("/admin/v1/connections").then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        given().get("/admin/v1/connections").then().statusCode(401);
    }

    @Test
    void viewerReadsButCannotWrite() {
        as(claims("viewer")).get("/admin/v1/connections").then().statusCode(200);
        as(claims("viewer")).body(newConnection()).post("/admin/v1/connections").then().statusCode(403)
                .contentType(ContentType.JSON)
                .body("status", equalTo(403))
                .body("error", equalTo("forbidden"));
        as(claims("viewer")).post("/admin/v1/tasks/{id}/complete", UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void operatorClosesTasksButCannotCreateConnections() {
        String connection = (String) newConnection().get("id");
        as(claims("admin")).body(Map.of("id", connection, "vendor", "fake", "displayName", "Ops"))
                .post("/admin/v1/connections").then().statusCode(201);
        UUID task = openTask(connection);

        as(claims("operator")).body("{}").post("/admin/v1/tasks/{id}/complete", task).then().statusCode(200)
                .body("status", equalTo("done"));
        as(claims("operator")).post("/admin/v1/connections/{c}/jobs/12345/redrive", connection)
                .then().statusCode(404);
        as(claims("operator")).body(newConnection()).post("/admin/v1/connections").then().statusCode(403);
        as(claims("operator")).delete("/admin/v1/connections/{c}", connection).then().statusCode(403);
        as(claims("operator")).body("{}").post("/admin/v1/connections/{c}/oauth-clients", connection)
                .then().statusCode(403);
    }

    @Test
    void operatorsAndAdminsStartReconciliationsViewersOnlyReadThem() {
        String connection = uniqueConnectionId("oidc-recon");
        String sandbox = "http://127.0.0.1:" + io.restassured.RestAssured.port + "/sandbox/8x8";
        as(claims("admin")).body(Map.of("id", connection, "vendor", "eightbyeight", "displayName", "Recon",
                "settings", Map.of("scimBaseUrl", sandbox + "/udi/customers/0012J00042NkZQIQA3/scim/v2",
                        "scimToken", "sandbox-8x8-scim-token", "adminBaseUrl", sandbox + "/admin-provisioning",
                        "apiKey", "eght_sandbox_api_key"))).post("/admin/v1/connections").then().statusCode(201);
        String runs = "/admin/v1/connections/{c}/reconciliations";

        as(claims("viewer")).body("{\"preview\":true}").post(runs, connection).then().statusCode(403);
        as(claims("viewer")).get(runs, connection).then().statusCode(200).body("items.size()", equalTo(0));
        String byOperator = as(claims("operator")).body("{\"preview\":true}").post(runs, connection).then()
                .statusCode(202).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update reconciliation_run set state = 'done', phase = 'done', finished = now()
                        where connection_id = :c""").setParameter("c", connection).executeUpdate());
        String byAdmin = as(claims("admin")).body("{}").post(runs, connection).then().statusCode(202)
                .extract().path("id");
        as(claims("viewer")).get(runs + "/{r}", connection, byOperator).then().statusCode(200)
                .body("run.trigger", equalTo("on_demand"));
        as(claims("viewer")).get(runs, connection).then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].id", equalTo(byAdmin));
    }

    @Test
    void adminDoesEverything() {
        Map<String, Object> connection = newConnection();
        as(claims("admin")).body(connection).post("/admin/v1/connections").then().statusCode(201);
        as(claims("viewer", "admin")).body("{}")
                .post("/admin/v1/connections/{c}/oauth-clients", connection.get("id")).then().statusCode(201);
        as(claims("admin")).delete("/admin/v1/connections/{c}", connection.get("id")).then().statusCode(204);
    }

    @Test
    void badTokensAre401AndTokensWithoutARoleAre403() {
        Map<String, Object> wrongAudience = claims("admin");
        wrongAudience.put("aud", "another-api");
        Map<String, Object> expired = claims("admin");
        expired.put("exp", Instant.now().getEpochSecond() - 600);
        Map<String, Object> wrongIssuer = claims("admin");
        wrongIssuer.put("iss", "https://elsewhere.example");
        for (Map<String, Object> bad : List.of(wrongAudience, expired, wrongIssuer)) {
            as(bad).get("/admin/v1/connections").then().statusCode(401);
        }
        as("not-a-jwt").get("/admin/v1/connections").then().statusCode(401);

        as(claims("auditor")).get("/admin/v1/connections").then().statusCode(403)
                .body("message", startsWith("The token carries none of the roles"));
    }

    @Test
    void subjectPrefersTheUsernameAndIsPrefixed() {
        Map<String, Object> withUsername = claims("viewer");
        withUsername.put("preferred_username", "alice@example.com");
        AdminOidc.AdminIdentity alice = adminOidc.authenticate(TestIssuer.mint(issuer(), withUsername)).orElseThrow();
        assertEquals("oidc:alice@example.com", alice.subject());
        assertEquals("viewer", alice.role());

        AdminOidc.AdminIdentity bySub = adminOidc.authenticate(TestIssuer.mint(issuer(), claims("operator", "viewer")))
                .orElseThrow();
        assertEquals("oidc:user-operator-viewer", bySub.subject());
        assertEquals("operator", bySub.role());
    }

    private UUID openTask(String connection) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into followup_task (id, connection_id, kind, reason, status, created, updated)
                        values (:id, :connection, 'manual', 'Assign the license by hand', 'open', now(), now())""")
                .setParameter("id", id).setParameter("connection", connection).executeUpdate());
        return id;
    }
}
