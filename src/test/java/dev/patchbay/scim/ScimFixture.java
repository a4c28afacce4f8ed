package dev.patchbay.scim;

import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** A connection with a token, and shortcuts for SCIM calls on it. */
public final class ScimFixture {

    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    public final String connection;
    public final String token;

    private ScimFixture(String connection, String token) {
        this.connection = connection;
        this.token = token;
    }

    public static ScimFixture create(String prefix) {
        String connection = createConnection(uniqueConnectionId(prefix), "fake");
        return new ScimFixture(connection, createToken(connection));
    }

    public RequestSpecification request() {
        return given().auth().oauth2(token).contentType("application/scim+json").accept("application/scim+json");
    }

    public String path(String endpoint) {
        return "/scim/v2/" + connection + endpoint;
    }

    public ValidatableResponse post(String endpoint, String body) {
        return request().body(body).post(path(endpoint)).then();
    }

    public ValidatableResponse patch(String endpoint, String body) {
        return request().body(body).patch(path(endpoint)).then();
    }

    public ValidatableResponse get(String endpoint) {
        return request().get(path(endpoint)).then();
    }

    /** Creates a user and returns its id. */
    public String createUser(String userName) {
        return post("/Users", user(userName)).statusCode(201).extract().path("id");
    }

    public String createGroup(String displayName) {
        return post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"" + displayName + "\"}")
                .statusCode(201).extract().path("id");
    }

    public static String user(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%1$s","name":{"givenName":"Given","familyName":"Family"},
                 "emails":[{"primary":true,"type":"work","value":"%1$s"}],"active":true}""".formatted(userName);
    }

    public static String patchOp(String operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}";
    }
}
