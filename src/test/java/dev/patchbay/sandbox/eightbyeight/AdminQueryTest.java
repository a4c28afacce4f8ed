package dev.patchbay.sandbox.eightbyeight;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.ADMIN;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.CONTROL;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.USERS_TYPE;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.admin;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.basicInfo;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /users}: RSQL filter, sort and scroll paging. */
@QuarkusTest
class AdminQueryTest {

    @BeforeEach
    void seedFiveUsers() {
        EightByEight.SANDBOX.reset();
        for (String name : List.of("carol", "alice", "erin", "bob", "dave")) {
            Map<String, Object> user = adminUser(name + "@corp.example", "London");
            if (name.equals("bob") || name.equals("erin")) {
                basicInfo(user).put("status", "INACTIVE");
            }
            given().contentType("application/json").body(json(user)).post(CONTROL + "/users").then().statusCode(201);
        }
    }

    @Test
    void filterByUserNameIgnoresCase() {
        admin().queryParam("filter", "basicInfo.userName==ALICE@corp.example").get(ADMIN + "/users").then()
                .statusCode(200)
                .contentType(startsWith(USERS_TYPE))
                .body("data", hasSize(1))
                .body("data[0].basicInfo.userName", equalTo("alice@corp.example"))
                .body("pagination.hasMore", equalTo(false))
                .body("pagination.nextScrollId", nullValue());
        admin().queryParam("filter", "basicInfo.userName=='nobody@corp.example'").get(ADMIN + "/users").then()
                .body("data", hasSize(0));
    }

    @Test
    void filterByStatusAndCombineWithSemicolon() {
        admin().queryParam("filter", "basicInfo.status==INACTIVE").get(ADMIN + "/users").then()
                .body("data.basicInfo.userName", equalTo(List.of("erin@corp.example", "bob@corp.example")));
        admin().queryParam("filter", "basicInfo.status==INACTIVE;basicInfo.userName==\"bob@corp.example\"")
                .get(ADMIN + "/users").then()
                .body("data.basicInfo.userName", equalTo(List.of("bob@corp.example")));
        admin().queryParam("filter", "basicInfo.status==ACTIVE;basicInfo.userName==bob@corp.example")
                .get(ADMIN + "/users").then()
                .body("data", hasSize(0));
    }

    @Test
    void unsupportedFiltersAre400() {
        for (String filter : List.of("basicInfo.firstName==Grace", "basicInfo.userName!=a",
                "basicInfo.userName==a,basicInfo.userName==b", "basicInfo.status==GONE", "nonsense")) {
            admin().queryParam("filter", filter).get(ADMIN + "/users").then().statusCode(400)
                    .body("errors[0].code", equalTo("BAD_REQUEST"))
                    .body("errors[0].field", equalTo("filter"));
        }
    }

    @Test
    void scrollThroughPagesWithScrollId() {
        List<String> seen = new ArrayList<>();
        JsonPath page = admin().queryParam("pageSize", 2).queryParam("sort", "basicInfo.userName")
                .get(ADMIN + "/users").then().statusCode(200)
                .body("pagination.pageSize", equalTo(2))
                .body("pagination.hasMore", equalTo(true))
                .body("pagination.nextScrollId", not(nullValue()))
                .extract().jsonPath();
        seen.addAll(page.getList("data.basicInfo.userName"));
        while (page.getBoolean("pagination.hasMore")) {
            page = admin().queryParam("scrollId", page.getString("pagination.nextScrollId")).get(ADMIN + "/users")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.basicInfo.userName"));
        }
        assertEquals(List.of("alice@corp.example", "bob@corp.example", "carol@corp.example", "dave@corp.example",
                "erin@corp.example"), seen);
    }

    @Test
    void defaultPageSizeIs100AndAtMost1000() {
        admin().get(ADMIN + "/users").then().body("pagination.pageSize", equalTo(100)).body("data", hasSize(5));
        admin().queryParam("pageSize", 1001).get(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].field", equalTo("pageSize"));
        admin().queryParam("pageSize", 0).get(ADMIN + "/users").then().statusCode(400);
    }

    @Test
    void scrollIdCannotBeCombinedWithFilterOrSort() {
        String scrollId = admin().queryParam("pageSize", 2).get(ADMIN + "/users").then()
                .extract().path("pagination.nextScrollId");
        admin().queryParam("scrollId", scrollId).queryParam("filter", "basicInfo.status==ACTIVE")
                .get(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].code", equalTo("CONFLICTING_QUERY_PARAMETER"));
        admin().queryParam("scrollId", "garbage!").get(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].field", equalTo("scrollId"));
    }

    @Test
    void descendingSort() {
        admin().queryParam("sort", "-basicInfo.userName").queryParam("pageSize", 2).get(ADMIN + "/users").then()
                .body("data.basicInfo.userName", equalTo(List.of("erin@corp.example", "dave@corp.example")));
        admin().queryParam("sort", "basicInfo.firstName").get(ADMIN + "/users").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }
}
