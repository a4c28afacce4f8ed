package dev.patchbay.audit;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    @Inject
    DataSource dataSource;
    @Inject
    AuditLog auditLog;

    @Test
    void anAdminCreateIsRecordedWithTheCallerAttributeNamesAndTheIncomingRequestId() throws Exception {
        String id = uniqueConnectionId("audit-admin");
        admin().header("X-Request-Id", "req-audit-0001")
                .body(Map.of("id", id, "vendor", "genesys", "displayName", "Audited",
                        "settings", Map.of("clientSecret", "very-secret-audit-value", "region", "mypurecloud.ie",
                                "clientId", "audited-client")))
                .post("/admin/v1/connections").then().statusCode(201)
                .header("X-Request-Id", "req-audit-0001");

        JsonPath page = audit("connection=" + id);
        assertEquals(1, page.getList("items").size());
        assertEquals("bootstrap", page.getString("items[0].actor"));
        assertEquals("admin", page.getString("items[0].actorRole"));
        assertEquals("create", page.getString("items[0].operation"));
        assertEquals("POST", page.getString("items[0].method"));
        assertEquals("connections", page.getString("items[0].resourceType"));
        assertEquals(id, page.getString("items[0].resourceId"));
        assertEquals(201, page.getInt("items[0].status"));
        assertEquals("req-audit-0001", page.getString("items[0].requestId"));
        assertEquals("127.0.0.1", page.getString("items[0].sourceAddress"));
        assertEquals(List.of("displayName", "id", "settings", "vendor"),
                page.getList("items[0].attributes", String.class).stream().sorted().toList());
        assertTrue(page.getString("items[0].at") != null);

        admin().delete("/admin/v1/connections/{id}", id).then().statusCode(204);
        assertEquals("delete", audit("connection=" + id).getString("items[0].operation"));
        assertNoAuditRowContains("very-secret-audit-value");
    }

    @Test
    void scimWritesAreRecordedWithThePrincipalAndTheChangedAttributeNamesOnly() throws Exception {
        String connection = uniqueConnectionId("audit-scim");
        admin().body(Map.of("id", connection, "vendor", "fake", "displayName", "Audited SCIM"))
                .post("/admin/v1/connections").then().statusCode(201);
        JsonPath token = admin().body("{}").post("/admin/v1/connections/{id}/tokens", connection)
                .then().statusCode(201).extract().jsonPath();
        String principal = "token:" + token.getString("id");
        String bearer = token.getString("token");

        io.restassured.response.ExtractableResponse<?> created = scim(bearer).body("""
                {"schemas":["%s"],"userName":"audit.person@example.com","displayName":"Audit Person",
                 "name":{"givenName":"Audit","familyName":"Person"},"active":true}""".formatted(USER))
                .post("/scim/v2/{c}/Users", connection).then().statusCode(201)
                .header("X-Request-Id", notNullValue()).extract();
        String userId = created.path("id");
        scim(bearer).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"name.givenName","value":"Changed-Given-Value"},
                 {"op":"add","path":"emails[type eq \\"work\\"].value","value":"work-mail@example.com"},
                 {"op":"replace","value":{"displayName":"Hidden Display Value","active":false}}]}""")
                .patch("/scim/v2/{c}/Users/{id}", connection, userId).then().statusCode(200);
        scim(bearer).body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName eq \\\"audit.person@example.com\\\"\"}")
                .post("/scim/v2/{c}/Users/.search", connection).then().statusCode(200);
        scim(bearer).get("/scim/v2/{c}/Users/{id}", connection, userId).then().statusCode(200);
        scim(bearer).delete("/scim/v2/{c}/Users/{id}", connection, userId).then().statusCode(204);

        JsonPath page = audit("connection=" + connection + "&resourceType=Users");
        assertEquals(3, page.getList("items").size(), "reads and searches are not audited: " + page.prettify());
        assertEquals(List.of("delete", "update", "create"), page.getList("items.operation"));
        assertEquals(List.of(principal, principal, principal), page.getList("items.actor"));
        assertEquals(List.of(userId, userId, userId), page.getList("items.resourceId"));
        assertEquals(List.of(204, 200, 201), page.getList("items.status"));
        assertEquals(List.of("name.givenName", "emails.value", "displayName", "active"), page.getList("items[1].attributes"));
        assertEquals(List.of("userName", "displayName", "name", "active"), page.getList("items[2].attributes"));
        assertEquals(List.of(), page.getList("items[0].attributes"));
        // The create's entry is written by the create's own statement: the same request id, caller and address.
        assertEquals(created.header("X-Request-Id"), page.getString("items[2].requestId"));
        assertEquals("scim", page.getString("items[2].api"));
        assertEquals("/scim/v2/" + connection + "/Users", page.getString("items[2].path"));
        assertEquals("127.0.0.1", page.getString("items[2].sourceAddress"));
        assertNoAuditRowContains("audit.person@example.com", "Changed-Given-Value", "work-mail@example.com",
                "Hidden Display Value", bearer);

        JsonPath updates = audit("connection=" + connection + "&operation=update&actor=" + principal);
        assertEquals(1, updates.getList("items").size(), updates.prettify());
        assertEquals(3, audit("connection=" + connection + "&status=201").getList("items").size(),
                "the connection, the token and the user were created");

        scim(bearer).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"POST","path":"/Groups","bulkId":"g","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                  "displayName":"Bulk Secret Group Name"}}]}""")
                .post("/scim/v2/{c}/Bulk", connection).then().statusCode(200);
        JsonPath bulk = audit("connection=" + connection + "&operation=bulk");
        assertEquals(List.of("POST /Groups"), bulk.getList("items[0].attributes"));
        assertEquals("Bulk", bulk.getString("items[0].resourceType"));
        assertEquals(principal, bulk.getString("items[0].actor"));
        assertNoAuditRowContains("Bulk Secret Group Name");
    }

    @Test
    void failedAuthenticationIsRecordedAsAnonymousAndABadRequestIdIsReplaced() {
        String connection = uniqueConnectionId("audit-anon");
        String requestId = given().header("X-Request-Id", "bad id with spaces").auth().oauth2("wrong-token")
                .get("/scim/v2/{c}/Users", connection).then().statusCode(401)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract().header("X-Request-Id");
        JsonPath page = audit("connection=" + connection);
        assertEquals("anonymous", page.getString("items[0].actor"));
        assertEquals(401, page.getInt("items[0].status"));
        assertEquals(requestId, page.getString("items[0].requestId"));
    }

    @Test
    void pagesAreNewestFirstAndLinkedByACursor() {
        String id = uniqueConnectionId("audit-page");
        admin().body(Map.of("id", id, "vendor", "fake", "displayName", "P")).post("/admin/v1/connections")
                .then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            admin().body(Map.of("displayName", "P" + i)).put("/admin/v1/connections/{id}", id).then().statusCode(200);
        }
        JsonPath first = audit("connection=" + id + "&limit=2");
        assertEquals(List.of("replace", "replace"), first.getList("items.operation"));
        String cursor = first.getString("nextCursor");
        JsonPath second = audit("connection=" + id + "&limit=2&cursor=" + cursor);
        assertEquals(List.of("replace", "create"), second.getList("items.operation"));
        assertTrue(second.getLong("items[0].id") < first.getLong("items[1].id"));
        assertEquals(1, audit("connection=" + id + "&operation=create&from=2000-01-01T00:00:00Z").getList("items").size());
        assertEquals(0, audit("connection=" + id + "&to=2000-01-01T00:00:00Z").getList("items").size());
    }

    @Test
    void badFiltersGetAClearAdminError() {
        String[][] cases = {
                {"operation=steal", "operation"}, {"from=yesterday", "from"}, {"limit=0", "limit"},
                {"limit=501", "limit"}, {"status=abc", "status"}, {"cursor=-4", "cursor"},
                {"from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"}};
        for (String[] bad : cases) {
            admin().get("/admin/v1/audit?" + bad[0]).then().statusCode(400)
                    .body("error", equalTo("invalid_request"))
                    .body("violations[0].field", equalTo(bad[1]))
                    .body("message", containsString(bad[1]));
        }
    }

    @Test
    void entriesOlderThanTheRetentionArePurged() throws Exception {
        execute("""
                insert into audit_log (at, request_id, actor, api, method, path, operation, connection_id, status)
                values ('2001-01-01T00:00:00Z', 'old', 'bootstrap', 'admin', 'POST', '/admin/v1/x', 'create',
                        'audit-purge-old', 200)""");
        assertEquals(1, audit("connection=audit-purge-old").getList("items").size());
        assertTrue(auditLog.purgeOlderThan(Duration.ofDays(365)) >= 1);
        assertEquals(0, audit("connection=audit-purge-old").getList("items").size());
        assertFalse(audit("limit=1").getList("items").isEmpty(), "recent entries stay");
    }

    private static io.restassured.specification.RequestSpecification scim(String token) {
        return given().auth().oauth2(token).contentType("application/scim+json");
    }

    private static JsonPath audit(String query) {
        return admin().get("/admin/v1/audit?" + query).then().statusCode(200).extract().jsonPath();
    }

    private void assertNoAuditRowContains(String... values) throws Exception {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select audit_log::text from audit_log")) {
            while (rows.next()) {
                for (String value : values) {
                    assertFalse(rows.getString(1).contains(value), "audit row contains '" + value + "': " + rows.getString(1));
                }
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
