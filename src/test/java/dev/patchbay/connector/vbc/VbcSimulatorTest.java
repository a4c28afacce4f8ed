package dev.patchbay.connector.vbc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The VBC simulator speaks VBC's wire format: the token endpoint's grants with single-use refresh tokens,
 * the read-only Provisioning API with its filters, HAL paging and error shapes, and the admin portal.
 */
@QuarkusTest
class VbcSimulatorTest {

    @BeforeEach
    void reset() {
        VbcSandbox.reset();
    }

    private static io.restassured.specification.RequestSpecification client() {
        return given().formParam("client_id", VbcSandbox.CLIENT_ID).formParam("client_secret", VbcSandbox.CLIENT_SECRET);
    }

    @Test
    void thePasswordGrantGivesADayLongAccessTokenAndARefreshTokenThatWorksOnce() {
        var answer = client().formParam("grant_type", "password").formParam("username", VbcSandbox.USERNAME)
                .formParam("password", VbcSandbox.PASSWORD).formParam("scope", "openid")
                .post(VbcSandbox.base() + "/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(86400))
                .body("scope", equalTo("openid")).extract().jsonPath();
        String refresh = answer.getString("refresh_token");

        String next = client().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
                .post(VbcSandbox.base() + "/token").then().statusCode(200)
                .body("access_token", notNullValue()).extract().path("refresh_token");
        assertNotEquals(refresh, next, "each refresh answers a new refresh token");
        client().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
                .post(VbcSandbox.base() + "/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(1, VbcSandbox.state().getInt("refreshRefused"));

        // Seven days unused and the new one is dead too.
        VbcSandbox.advanceClock(7L * 24 * 3600 * 1000 + 1000);
        client().formParam("grant_type", "refresh_token").formParam("refresh_token", next)
                .post(VbcSandbox.base() + "/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void wrongClientsAndWrongUsersAreRefusedAndThereIsNoClientCredentialsGrant() {
        given().formParam("client_id", VbcSandbox.CLIENT_ID).formParam("client_secret", "wrong")
                .formParam("grant_type", "password").post(VbcSandbox.base() + "/token").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        client().formParam("grant_type", "password").formParam("username", VbcSandbox.USERNAME)
                .formParam("password", "wrong").post(VbcSandbox.base() + "/token").then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        client().formParam("grant_type", "client_credentials").post(VbcSandbox.base() + "/token").then()
                .statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void anAccessTokenExpiresAfterADay() {
        String token = VbcSandbox.accessToken();
        given().auth().oauth2(token).get(VbcSandbox.api() + "/users").then().statusCode(200);
        VbcSandbox.advanceClock(86_400_000L);
        given().auth().oauth2(token).get(VbcSandbox.api() + "/users").then().statusCode(401)
                .body("status", equalTo(401));
        given().get(VbcSandbox.api() + "/users").then().statusCode(401);
    }

    @Test
    void usersAreFilteredAndPagedTheHalWayWithAndWithoutV1() {
        for (int i = 1; i <= 5; i++) {
            VbcSandbox.addUser("Agent", "Number" + i, "agent" + i + "@example.com", "Premium", "20" + i,
                    "+1555123000" + i);
        }
        String token = VbcSandbox.accessToken();
        var page = given().auth().oauth2(token).queryParam("page_size", 2).queryParam("page", 2)
                .get(VbcSandbox.api() + "/users").then().statusCode(200)
                .body("page", equalTo(2)).body("page_size", equalTo(2)).body("total_items", equalTo(6))
                .body("total_pages", equalTo(3)).body("_embedded.data", hasSize(2))
                .body("_links.prev.href", containsString("page=1"))
                .body("_links.next.href", containsString("page=3"))
                .body("_links.last.href", containsString("page=3"))
                .body("_links.first.href", containsString("page=1")).extract().jsonPath();
        assertEquals(List.of("agent2@example.com", "agent3@example.com"), page.getList("_embedded.data.email"));

        given().auth().oauth2(token).queryParam("email", "AGENT4@example.com")
                .get(VbcSandbox.base() + "/t/vbc.prod/provisioning/v1/api/accounts/" + VbcSandbox.ACCOUNT + "/users")
                .then().statusCode(200).body("total_items", equalTo(1))
                .body("_embedded.data[0].login_name", equalTo("agent4@example.com"))
                .body("_embedded.data[0].extensions[0].extension_number", equalTo("204"))
                .body("_embedded.data[0].extensions[0].dids[0].phone_number", equalTo("+15551230004"))
                .body("_links.next", nullValue());
        given().auth().oauth2(token).queryParam("last_name", "Number5").get(VbcSandbox.api() + "/users").then()
                .body("_embedded.data.email", equalTo(List.of("agent5@example.com")));
        given().auth().oauth2(token).queryParam("phone_number", "+15551230003")
                .get(VbcSandbox.api() + "/extensions").then().statusCode(200)
                .body("_embedded.data.extension_number", equalTo(List.of("203")))
                .body("_embedded.data[0].user.email", equalTo("agent3@example.com"));
        given().auth().oauth2(token).queryParam("location_id", 1002).get(VbcSandbox.api() + "/extensions").then()
                .body("total_items", equalTo(0));
        given().auth().oauth2(token).get(VbcSandbox.api() + "/extensions/201").then().statusCode(200)
                .body("location_id", equalTo(1001));
        given().auth().oauth2(token).get(VbcSandbox.api() + "/locations").then()
                .body("_embedded.data.name", equalTo(List.of("Head Office", "London")));
    }

    @Test
    void errorsTakeTheDocumentedShapes() {
        String token = VbcSandbox.accessToken();
        given().auth().oauth2(token).get(VbcSandbox.api() + "/users/987654").then().statusCode(404)
                .body("msg", notNullValue()).body("status", equalTo(404));
        given().auth().oauth2(token).queryParam("page_size", "lots").get(VbcSandbox.api() + "/users").then()
                .statusCode(400).body("status", equalTo(400)).body("title", notNullValue())
                .body("instance", notNullValue()).body("invalid_parameters[0].name", equalTo("page_size"));
        given().auth().oauth2(token).get(VbcSandbox.base() + "/t/vbc.prod/provisioning/api/accounts/999/users")
                .then().statusCode(404);
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .post(VbcSandbox.api() + "/users").then().statusCode(405);
    }

    @Test
    void theAdminPortalDeletesAUserButItsNumberStaysOnTheAccountUntilReleased() {
        String id = VbcSandbox.addUser("Ada", "Lovelace", "ada@example.com", "Premium", "201", "+15551230001");
        VbcSandbox.changeLine(id, "Advanced");
        assertEquals("Advanced", VbcSandbox.state().getString("users.find { it.id == " + id + " }.lineType"));
        String token = VbcSandbox.accessToken();
        given().auth().oauth2(token).get(VbcSandbox.api() + "/users/" + id).then().statusCode(200)
                .body("lineType", nullValue());

        VbcSandbox.deleteUser(id);
        given().auth().oauth2(token).get(VbcSandbox.api() + "/users/" + id).then().statusCode(404);
        given().auth().oauth2(token).queryParam("phone_number", "+15551230001").get(VbcSandbox.api() + "/extensions")
                .then().body("total_items", equalTo(1)).body("_embedded.data[0].user", nullValue());
        assertEquals(List.of("+15551230001"), VbcSandbox.state().getList("numbersWithoutUser"));

        VbcSandbox.releaseNumber("+15551230001");
        given().auth().oauth2(token).queryParam("phone_number", "+15551230001").get(VbcSandbox.api() + "/extensions")
                .then().body("total_items", equalTo(0));
        assertEquals(List.of(), VbcSandbox.state().getList("numbers"));
        given().contentType("application/json").body("{\"firstName\":\"No\",\"lastName\":\"Line\",\"email\":\"x@example.com\","
                + "\"extension\":\"202\",\"lineType\":\"Gold\"}").post(VbcSandbox.base() + "/_control/portal/users")
                .then().statusCode(400).body("errors[0].field", equalTo("lineType"));
    }

    @Test
    void injectedFaultsAnswerWithRetryAfter() {
        String token = VbcSandbox.accessToken();
        VbcSandbox.fault("{\"type\":\"status\",\"status\":429,\"api\":\"provisioning\",\"retryAfterSeconds\":3}");
        given().auth().oauth2(token).get(VbcSandbox.api() + "/users").then().statusCode(429)
                .header("Retry-After", "3");
        given().auth().oauth2(token).get(VbcSandbox.api() + "/users").then().statusCode(200);
    }
}
