package dev.patchbay.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes the admin API as it answers, with its bearer scheme, and nothing else. */
@QuarkusTest
class OpenApiDocumentTest {

    private JsonPath document;

    @BeforeEach
    void document() {
        document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> operation(String path, String method) {
        Map<String, Object> paths = document.getMap("paths");
        assertTrue(paths.containsKey(path), path + " is described");
        return (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
    }

    @SuppressWarnings("unchecked")
    private Set<String> statuses(String path, String method) {
        return ((Map<String, Object>) operation(path, method).get("responses")).keySet();
    }

    @Test
    void theAdminApiCarriesItsBearerSchemeOnEveryCall() {
        assertEquals("http", document.getString("components.securitySchemes.adminBearer.type"));
        assertEquals("bearer", document.getString("components.securitySchemes.adminBearer.scheme"));
        assertEquals("bearer", document.getString("components.securitySchemes.scimBearer.scheme"));
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> {
            if (path.startsWith("/admin/")) {
                item.forEach((method, operation) -> assertEquals(List.of(Map.of("adminBearer", List.of())),
                        ((Map<?, ?>) operation).get("security"), method + " " + path));
            }
        });
    }

    @Test
    void statusCodesAreTheOnesTheCallsAnswer() {
        assertEquals(Set.of("201", "400", "401", "403"), statuses("/admin/v1/connections", "post"));
        assertEquals(Set.of("204", "401", "403", "404"), statuses("/admin/v1/connections/{id}", "delete"));
        assertEquals(Set.of("201", "400", "401", "403", "404"),
                statuses("/admin/v1/connections/{connection}/tokens", "post"));
        assertTrue(statuses("/admin/v1/connections/{connection}/reconciliations", "post")
                .containsAll(Set.of("202", "409", "404")));
        assertFalse(statuses("/admin/v1/connections/{connection}/reconciliations", "post").contains("200"));
        assertEquals(Set.of("202", "401", "403", "404"),
                statuses("/admin/v1/connections/{connection}/users/{user}/sync", "post"));
        assertEquals(Set.of("202", "401", "403", "404"),
                statuses("/admin/v1/connections/{connection}/jobs/{job}/redrive", "post"));
        assertTrue(statuses("/admin/v1/connections/{connection}/policy/impact", "post").containsAll(Set.of("200", "400")));
        assertTrue(statuses("/admin/v1/seats", "get").containsAll(Set.of("200", "400")));
        assertEquals("#/components/schemas/ConnectionView", document.getString(
                "paths.'/admin/v1/connections'.post.responses.'201'.content.'application/json'.schema.$ref"));
        assertTrue(document.getMap("paths.'/admin/v1/seats'.get.responses.'200'.content").containsKey("text/csv"));
    }

    @Test
    void theSimulatorsAndTheConsolePagesAreLeftOut() {
        Set<String> paths = document.<String, Object>getMap("paths").keySet();
        assertTrue(paths.stream().anyMatch(path -> path.startsWith("/scim/v2/")), "SCIM is described");
        assertTrue(paths.stream().noneMatch(path -> path.startsWith("/sandbox")), paths.toString());
        assertTrue(paths.stream().noneMatch(path -> path.startsWith("/console")), paths.toString());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }
}
