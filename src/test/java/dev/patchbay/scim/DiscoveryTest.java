package dev.patchbay.scim;

import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.scim;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class DiscoveryTest {

    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCHBAY_USER = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    private String connection;
    private String token;

    @BeforeEach
    void connection() {
        connection = createConnection(uniqueConnectionId("disc"), "fake");
        token = createToken(connection);
    }

    @Test
    void serviceProviderConfigAdvertisesTheConfiguredLimits() {
        scim(token).get("/scim/v2/{c}/ServiceProviderConfig", connection)
                .then().statusCode(200)
                .contentType(startsWith("application/scim+json"))
                .body("schemas", equalTo(List.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig")))
                .body("patch.supported", equalTo(true))
                .body("filter.maxResults", equalTo(1000))
                .body("pagination.cursor", equalTo(true))
                .body("pagination.index", equalTo(true))
                .body("pagination.maxPageSize", equalTo(1000))
                .body("sort.supported", equalTo(true))
                .body("etag.supported", equalTo(true))
                .body("bulk.supported", equalTo(true))
                .body("bulk.maxOperations", equalTo(1000))
                .body("bulk.maxPayloadSize", equalTo(1048576))
                .body("authenticationSchemes[0].type", equalTo("oauthbearertoken"))
                .body("meta.resourceType", equalTo("ServiceProviderConfig"))
                .body("meta.location", endsWith("/scim/v2/" + connection + "/ServiceProviderConfig"));
    }

    @Test
    void resourceTypesAreAListResponse() {
        scim(token).get("/scim/v2/{c}/ResourceTypes", connection)
                .then().statusCode(200)
                .contentType(startsWith("application/scim+json"))
                .body("schemas", equalTo(List.of("urn:ietf:params:scim:api:messages:2.0:ListResponse")))
                .body("totalResults", equalTo(2))
                .body("itemsPerPage", equalTo(2))
                .body("startIndex", equalTo(1))
                .body("Resources.id", containsInAnyOrder("User", "Group"))
                .body("Resources.find { it.id == 'User' }.schemaExtensions.schema", hasItem(PATCHBAY_USER))
                .body("Resources.find { it.id == 'User' }.meta.location",
                        endsWith("/scim/v2/" + connection + "/ResourceTypes/User"));
        scim(token).get("/scim/v2/{c}/ResourceTypes/Group", connection)
                .then().statusCode(200)
                .body("endpoint", equalTo("/Groups"))
                .body("meta.location", endsWith("/scim/v2/" + connection + "/ResourceTypes/Group"));
    }

    @Test
    void schemasIncludeCoreEnterpriseAndPatchbay() {
        scim(token).get("/scim/v2/{c}/Schemas", connection)
                .then().statusCode(200)
                .body("totalResults", equalTo(4))
                .body("Resources.id", containsInAnyOrder(USER, "urn:ietf:params:scim:schemas:core:2.0:Group",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", PATCHBAY_USER));
        scim(token).get("/scim/v2/{c}/Schemas/{id}", connection, USER)
                .then().statusCode(200)
                .body("id", equalTo(USER))
                .body("attributes.find { it.name == 'userName' }.uniqueness", equalTo("server"))
                .body("attributes.find { it.name == 'userName' }.caseExact", equalTo(false))
                .body("meta.location", endsWith("/Schemas/" + USER));
        scim(token).get("/scim/v2/{c}/Schemas/{id}", connection, PATCHBAY_USER)
                .then().statusCode(200)
                .body("attributes.name", hasItem("provisioning"))
                .body("attributes.find { it.name == 'provisioning' }.mutability", equalTo("readOnly"));
    }

    @Test
    void unknownSchemaOrResourceTypeIsAScim404() {
        scim(token).get("/scim/v2/{c}/Schemas/{id}", connection, "urn:example:nothing")
                .then().statusCode(404)
                .contentType(startsWith("application/scim+json"))
                .body("schemas", equalTo(List.of(ERROR)))
                .body("status", equalTo("404"));
        scim(token).get("/scim/v2/{c}/ResourceTypes/Device", connection).then().statusCode(404)
                .body("status", equalTo("404"));
    }

    @Test
    void filtersOnDiscoveryAreForbidden() {
        scim(token).queryParam("filter", "id eq \"User\"").get("/scim/v2/{c}/Schemas", connection)
                .then().statusCode(403)
                .body("schemas", equalTo(List.of(ERROR)))
                .body("status", equalTo("403"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void writesToDiscoveryEndpointsAre405WithAScimError(String method) {
        for (String path : List.of("ServiceProviderConfig", "ResourceTypes", "ResourceTypes/User", "Schemas",
                "Schemas/" + USER)) {
            scim(token).contentType("application/scim+json").body("{}")
                    .request(method, "/scim/v2/{c}/" + path, connection)
                    .then().statusCode(405)
                    .contentType(startsWith("application/scim+json"))
                    .body("schemas", equalTo(List.of(ERROR)))
                    .body("status", equalTo("405"));
        }
    }

    @Test
    void plainJsonIsAcceptedToo() {
        scim(token).accept("application/json").get("/scim/v2/{c}/ServiceProviderConfig", connection)
                .then().statusCode(200);
    }
}
