package dev.patchbay.sandbox.eightbyeight;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.sandbox.kit.SandboxControl;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shortcuts for tests that drive the 8x8 sandbox over HTTP, with its default credentials. */
final class EightByEight {

    static final String CUSTOMER_ID = "0012J00042NkZQIQA3";
    static final String SCIM_TOKEN = "sandbox-8x8-scim-token";
    static final String API_KEY = "eght_sandbox_api_key";
    static final String SCIM_USERS = "/sandbox/8x8/udi/customers/" + CUSTOMER_ID + "/scim/v2/Users";
    static final String ADMIN = "/sandbox/8x8/admin-provisioning";
    static final String CONTROL = "/sandbox/8x8/_control";
    static final SandboxControl SANDBOX = new SandboxControl("/sandbox/8x8");
    static final String USERS_TYPE = "application/vnd.users.v1+json";
    static final String OPERATIONS_TYPE = "application/vnd.operations.v1+json";
    static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String SITE_EXTENSION = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RestAssuredConfig NO_DEFAULT_CHARSET = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private EightByEight() {
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }





    // SCIM API

    static RequestSpecification scim() {
        return given().config(NO_DEFAULT_CHARSET).auth().oauth2(SCIM_TOKEN).contentType("application/scim+json");
    }

    static Map<String, Object> scimUser(String userName, String site) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User", SITE_EXTENSION));
        user.put("userName", userName);
        user.put("name", Map.of("givenName", "Ada", "familyName", "Lovelace"));
        user.put("emails", List.of(Map.of("value", userName.contains("@") ? userName : userName + "@example.com",
                "type", "work", "primary", true)));
        user.put("active", true);
        if (site != null) {
            user.put(SITE_EXTENSION, Map.of("site", site));
        }
        return user;
    }

    static String createScimUser(String userName, String site) {
        return scim().body(json(scimUser(userName, site))).post(SCIM_USERS).then().statusCode(201)
                .extract().path("id");
    }

    // Admin API

    static RequestSpecification admin() {
        return given().config(NO_DEFAULT_CHARSET).header("x-api-key", API_KEY);
    }

    static RequestSpecification adminWrite(Object body) {
        return admin().contentType(USERS_TYPE).body(body instanceof String text ? text : json(body));
    }

    /** A valid Admin API User with the given userName at a site (by name); null site leaves it out. */
    static Map<String, Object> adminUser(String userName, String siteName) {
        Map<String, Object> basic = new LinkedHashMap<>();
        basic.put("userName", userName);
        basic.put("firstName", "Grace");
        basic.put("lastName", "Hopper");
        basic.put("primaryEmail", userName.contains("@") ? userName : userName + "@example.com");
        basic.put("status", "ACTIVE");
        if (siteName != null) {
            basic.put("site", Map.of("name", siteName));
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("basicInfo", basic);
        user.put("directoryInfo", new LinkedHashMap<>(Map.of("displayInDirectory", true,
                "directoryScope", "CUSTOMER")));
        user.put("serviceInfo", new LinkedHashMap<>(Map.of("licenses", new ArrayList<>(),
                "extensions", new ArrayList<>())));
        return user;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> basicInfo(Map<String, Object> user) {
        return (Map<String, Object>) user.get("basicInfo");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> serviceInfo(Map<String, Object> user) {
        return (Map<String, Object>) user.get("serviceInfo");
    }

    static Map<String, Object> withLicense(Map<String, Object> user, String licenseName) {
        serviceInfo(user).put("licenses", List.of(Map.of("name", licenseName)));
        return user;
    }

    static Map<String, Object> withExtension(Map<String, Object> user, String number) {
        serviceInfo(user).put("extensions", List.of(Map.of("extensionNumber", number,
                "phoneNumbers", List.of(Map.of("phoneNumber", "+442071234" + number, "primary", true)))));
        return user;
    }

    /** POSTs the user and answers the operation id. */
    static String submitCreate(Map<String, Object> user) {
        return adminWrite(user).post(ADMIN + "/users").then().statusCode(202).extract().path("operationId");
    }

    static String operationStatus(String operationId) {
        return admin().get(ADMIN + "/operations/{id}", operationId).then().statusCode(200).extract().path("status");
    }

    /** Creates the user through the Admin API (operation delay 0) and answers its userId. */
    static String createAdminUser(Map<String, Object> user) {
        String operationId = submitCreate(user);
        JsonPath operation = admin().get(ADMIN + "/operations/{id}", operationId).then().statusCode(200)
                .extract().jsonPath();
        if (!"COMPLETED".equals(operation.getString("status"))) {
            throw new AssertionError("The create did not complete: " + operation.prettify());
        }
        return operation.getString("resourceId");
    }
}
