package dev.patchbay.sandbox.genesys;

import static dev.patchbay.sandbox.genesys.Genesys.API;
import static dev.patchbay.sandbox.genesys.Genesys.HOME;
import static dev.patchbay.sandbox.genesys.Genesys.SUPPORT_DIVISION;
import static dev.patchbay.sandbox.genesys.Genesys.api;
import static dev.patchbay.sandbox.genesys.Genesys.createUser;
import static dev.patchbay.sandbox.genesys.Genesys.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v2/authorization/divisions/{divisionId}/objects/USER}: moving users to another division. */
@QuarkusTest
class DivisionMoveTest {

    private static final String MOVE = API + "/authorization/divisions/{divisionId}/objects/{objectType}";

    private String token;
    private String jane;
    private String john;

    @BeforeEach
    void reset() {
        Genesys.SANDBOX.reset();
        token = Genesys.token();
        jane = createUser(token, "Jane", "jane@example.com");
        john = createUser(token, "John", "john@example.com");
    }

    private void divisionOf(String user, String division, int version) {
        api(token).get(API + "/users/" + user).then().statusCode(200)
                .body("division.id", equalTo(division)).body("version", equalTo(version));
    }

    @Test
    void movesTheListedUsersAndAnswers204() {
        api(token).body(json(List.of(jane, john))).post(MOVE, SUPPORT_DIVISION, "USER").then().statusCode(204);
        divisionOf(jane, SUPPORT_DIVISION, 2);
        divisionOf(john, SUPPORT_DIVISION, 2);
        // Moving to the division a user is in changes nothing.
        api(token).body(json(List.of(jane))).post(MOVE, SUPPORT_DIVISION, "USER").then().statusCode(204);
        divisionOf(jane, SUPPORT_DIVISION, 2);
        api(token).body(json(List.of(jane))).post(MOVE, HOME, "USER").then().statusCode(204);
        divisionOf(jane, HOME, 3);
    }

    @Test
    void anUnknownDivisionIs404InGenesysErrorShape() {
        api(token).body(json(List.of(jane))).post(MOVE, "00000000-0000-4000-8000-00000000dead", "USER").then()
                .statusCode(404).body("code", equalTo("not.found")).body("status", equalTo(404))
                .body("message", containsString("00000000-0000-4000-8000-00000000dead"));
        divisionOf(jane, HOME, 1);
    }

    @Test
    void unknownOrDeletedUsersAre400AndNobodyMoves() {
        api(token).delete(API + "/users/" + john).then().statusCode(200);
        for (List<String> ids : List.of(List.of(jane, "no-such-user"), List.of(jane, john))) {
            api(token).body(json(ids)).post(MOVE, SUPPORT_DIVISION, "USER").then().statusCode(400)
                    .body("code", equalTo("bad.request")).body("message", containsString(ids.get(1)));
        }
        divisionOf(jane, HOME, 1);
    }

    @Test
    void theBodyMustBeANonEmptyArrayOfIds() {
        for (String body : List.of("{\"ids\":[]}", "[]", "[1]", "not json")) {
            api(token).body(body).post(MOVE, SUPPORT_DIVISION, "USER").then().statusCode(400)
                    .body("code", equalTo("bad.request"));
        }
        api(token).body(json(List.of(jane))).post(MOVE, SUPPORT_DIVISION, "ROBOT").then().statusCode(400);
        divisionOf(jane, HOME, 1);
    }

    @Test
    void theMoveNeedsAToken() {
        api("expired").body(json(List.of(jane))).post(MOVE, SUPPORT_DIVISION, "USER").then().statusCode(401);
    }
}
