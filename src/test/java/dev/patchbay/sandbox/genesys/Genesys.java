package dev.patchbay.sandbox.genesys;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.sandbox.kit.SandboxControl;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Shortcuts for tests that drive the Genesys Cloud sandbox over HTTP with its default client. */
final class Genesys {

    static final String CLIENT_ID = "sandbox-genesys-client";
    static final String CLIENT_SECRET = "sandbox-genesys-secret";
    static final String TOKEN = "/sandbox/genesys/oauth/token";
    static final String API = "/sandbox/genesys/api/v2";
    static final String CONTROL = "/sandbox/genesys/_control";
    static final SandboxControl SANDBOX = new SandboxControl("/sandbox/genesys");
    static final String HOME = "00000000-0000-4000-8000-000000000001";
    static final String SUPPORT_DIVISION = "00000000-0000-4000-8000-000000000002";
    static final String AGENT = "10000000-0000-4000-8000-000000000001";
    static final String SUPERVISOR = "10000000-0000-4000-8000-000000000002";
    static final String ADMIN = "10000000-0000-4000-8000-000000000003";
    static final String BILLING = "20000000-0000-4000-8000-000000000001";
    static final String SALES_SKILL = "20000000-0000-4000-8000-000000000002";
    static final String SUPPORT_QUEUE = "30000000-0000-4000-8000-000000000001";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Genesys() {
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }





    static String token() {
        return given().auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET)
                .contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials")
                .post(TOKEN).then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification api(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String createUser(String token, String name, String email) {
        return api(token).body(json(Map.of("name", name, "email", email))).post(API + "/users")
                .then().statusCode(200).extract().path("id");
    }
}
