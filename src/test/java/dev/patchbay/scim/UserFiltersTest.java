package dev.patchbay.scim;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Filters, sorting, paging and projections on a fixed set of users (table-driven). */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserFiltersTest {

    private ScimFixture scim;

    @BeforeEach
    void users() {
        if (scim != null) {
            return;
        }
        scim = ScimFixture.create("filters");
        create("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"alice@example.com","externalId":"ext-alice","displayName":"Alice Archer","title":"Engineer",
                 "name":{"givenName":"Alice","familyName":"Archer"},"active":true,
                 "emails":[{"type":"work","value":"Alice@Example.com","primary":true},{"type":"home","value":"alice@home.test"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"100","department":"R&D"}}""");
        create("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"bob@example.com","externalId":"ext-bob","displayName":"Bob Baker",
                 "name":{"givenName":"Bob","familyName":"Baker"},"active":false,
                 "emails":[{"type":"work","value":"bob@example.com"}]}""");
        create("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"carol@example.com","externalId":"EXT-CAROL","displayName":"Carol Cook","title":"Manager",
                 "name":{"givenName":"Carol","familyName":"Cook"},"active":true,
                 "emails":[{"type":"home","value":"carol@example.com"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"300"}}""");
    }

    private void create(String body) {
        scim.post("/Users", body).statusCode(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "userName eq \"alice@example.com\"                          | alice@example.com",
            "userName eq \"ALICE@EXAMPLE.COM\"                          | alice@example.com",
            "USERNAME Eq \"bob@example.com\"                            | bob@example.com",
            "externalId eq \"ext-bob\"                                  | bob@example.com",
            "externalId eq \"ext-carol\"                                | ",
            "emails[type eq \"work\"].value eq \"alice@example.com\"    | alice@example.com",
            "emails[type eq \"work\" and value eq \"bob@example.com\"]  | bob@example.com",
            "emails[type eq \"work\"].value eq \"carol@example.com\"    | ",
            "emails.value eq \"carol@example.com\"                      | carol@example.com",
            "emails co \"home.test\"                                    | alice@example.com",
            "emails[type eq \"home\"]                                   | alice@example.com,carol@example.com",
            "displayName co \"a\"                                       | alice@example.com,bob@example.com,carol@example.com",
            "displayName sw \"bob\"                                     | bob@example.com",
            "displayName ew \"COOK\"                                    | carol@example.com",
            "name.familyName ne \"Baker\"                               | alice@example.com,carol@example.com",
            "title pr                                                   | alice@example.com,carol@example.com",
            "not (title pr)                                             | bob@example.com",
            "active eq false                                            | bob@example.com",
            "active eq true and title eq \"manager\"                    | carol@example.com",
            "userName eq \"bob@example.com\" or externalId eq \"EXT-CAROL\" | bob@example.com,carol@example.com",
            "(title eq \"Engineer\" or title eq \"Manager\") and not (name.givenName sw \"C\") | alice@example.com",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"300\" | carol@example.com",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr | alice@example.com",
            "meta.created gt \"2000-01-01T00:00:00Z\"                   | alice@example.com,bob@example.com,carol@example.com",
            "meta.lastModified lt \"2000-01-01T00:00:00Z\"              | ",
            "meta.resourceType eq \"User\" and userName gt \"b\"        | bob@example.com,carol@example.com",
            "userName ge \"bob@example.com\" and userName le \"bob@example.com\" | bob@example.com",
            "userName lt \"b\"                                          | alice@example.com",
            "externalId eq ext-alice                                    | alice@example.com",
            "id eq \"not-a-uuid\"                                       | ",
            "emails[type eq \"work\" and value co \"example\"]          | alice@example.com,bob@example.com",
    })
    void filtersSelectTheRightUsers(String filter, String expected) {
        List<String> expectedNames = expected == null ? List.of() : List.of(expected.split(","));
        List<String> names = scim.request().queryParam("filter", filter).get(scim.path("/Users"))
                .then().statusCode(200)
                .body("totalResults", equalTo(expectedNames.size()))
                .extract().path("Resources.userName");
        assertEquals(expectedNames.stream().sorted().toList(), names.stream().sorted().toList(), filter);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"userName eq", "userName xx \"a\"", "shoeSize eq 42", "(userName eq \"a\"",
            "active eq \"maybe\"", "active gt true", "meta.created gt \"yesterday\"", "name co \"x\"",
            "emails[type eq \"work\"", "urn:example:unknown:attr eq \"x\"", "title co 3 and", ""})
    void badFiltersAreInvalidFilter(String filter) {
        if (filter.isEmpty()) {
            scim.request().queryParam("filter", filter).get(scim.path("/Users")).then().statusCode(200)
                    .body("totalResults", equalTo(3));
            return;
        }
        scim.request().queryParam("filter", filter).get(scim.path("/Users")).then()
                .statusCode(400)
                .body("scimType", equalTo("invalidFilter"))
                .body("status", equalTo("400"));
    }

    @Test
    void tooLongFilterIsRejected() {
        scim.request().queryParam("filter", "userName eq \"" + "x".repeat(5000) + "\"").get(scim.path("/Users"))
                .then().statusCode(400).body("scimType", equalTo("invalidFilter"));
        scim.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"userName eq \\\"" + "x".repeat(5000) + "\\\"\"}")
                .statusCode(400).body("scimType", equalTo("invalidFilter"));
    }

    @Test
    void zeroMatchesIsAnEmptyListResponse() {
        scim.request().queryParam("filter", "userName eq \"00aa00aa-0000-0000-0000-000000000000\"")
                .get(scim.path("/Users")).then().statusCode(200)
                .body("schemas", contains("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .body("totalResults", equalTo(0))
                .body("itemsPerPage", equalTo(0))
                .body("startIndex", equalTo(1))
                .body("Resources", hasSize(0));
    }

    @Test
    void sortByAndSortOrder() {
        List<String> ascending = scim.request().queryParam("sortBy", "name.givenName").get(scim.path("/Users"))
                .then().statusCode(200).extract().path("Resources.userName");
        assertEquals(List.of("alice@example.com", "bob@example.com", "carol@example.com"), ascending);
        List<String> descending = scim.request().queryParam("sortBy", "userName")
                .queryParam("sortOrder", "descending").get(scim.path("/Users"))
                .then().statusCode(200).extract().path("Resources.userName");
        assertEquals(List.of("carol@example.com", "bob@example.com", "alice@example.com"), descending);
        List<String> byEmail = scim.request().queryParam("sortBy", "emails.value").get(scim.path("/Users"))
                .then().statusCode(200).extract().path("Resources.userName");
        assertEquals(List.of("alice@example.com", "bob@example.com", "carol@example.com"), byEmail);
        scim.request().queryParam("sortBy", "shoeSize").get(scim.path("/Users")).then().statusCode(400);
        scim.request().queryParam("sortBy", "userName").queryParam("sortOrder", "sideways")
                .get(scim.path("/Users")).then().statusCode(400).body("scimType", equalTo("invalidValue"));
    }

    @Test
    void pagingIsStableAndCountZeroGivesOnlyTheTotal() {
        List<String> all = scim.request().get(scim.path("/Users")).then().extract().path("Resources.id");
        List<String> paged = new ArrayList<>();
        for (int start = 1; start <= 3; start++) {
            paged.addAll(scim.request().queryParam("startIndex", start).queryParam("count", 1)
                    .get(scim.path("/Users")).then().statusCode(200)
                    .body("startIndex", equalTo(start))
                    .body("itemsPerPage", equalTo(1))
                    .body("totalResults", equalTo(3))
                    .extract().<List<String>>path("Resources.id"));
        }
        assertEquals(all, paged);
        scim.request().queryParam("count", 0).get(scim.path("/Users")).then().statusCode(200)
                .body("totalResults", equalTo(3)).body("Resources", hasSize(0));
        scim.request().queryParam("startIndex", 0).queryParam("count", 2).get(scim.path("/Users")).then()
                .body("startIndex", equalTo(1)).body("Resources", hasSize(2));
        scim.request().queryParam("startIndex", 10).get(scim.path("/Users")).then()
                .body("totalResults", equalTo(3)).body("Resources", hasSize(0));
        scim.request().queryParam("count", "ten").get(scim.path("/Users")).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        scim.request().queryParam("count", 5000).get(scim.path("/Users")).then().statusCode(400)
                .body("scimType", equalTo("tooMany"));
    }

    @Test
    void cursorPagingWalksAllUsers() {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 5 && cursor != null; page++) {
            var response = scim.request().queryParam("cursor", cursor).queryParam("count", 2)
                    .get(scim.path("/Users")).then().statusCode(200)
                    .body("totalResults", equalTo(3)).extract();
            ids.addAll(response.path("Resources.id"));
            cursor = response.path("nextCursor");
        }
        assertEquals(scim.request().get(scim.path("/Users")).then().extract().<List<String>>path("Resources.id"), ids);
        scim.request().queryParam("cursor", "bogus!").get(scim.path("/Users")).then().statusCode(400)
                .body("scimType", equalTo("invalidCursor"));
    }

    @Test
    void attributesAndExcludedAttributes() {
        scim.request().queryParam("filter", "userName eq \"alice@example.com\"")
                .queryParam("attributes", "userName,name.givenName,emails.value,"
                        + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber")
                .get(scim.path("/Users")).then().statusCode(200)
                .body("Resources[0].id", not(equalTo(null)))
                .body("Resources[0].userName", equalTo("alice@example.com"))
                .body("Resources[0].name", equalTo(Map.of("givenName", "Alice")))
                .body("Resources[0].emails[0]", equalTo(Map.of("value", "Alice@Example.com")))
                .body("Resources[0].'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'",
                        equalTo(Map.of("employeeNumber", "100")))
                .body("Resources[0]", not(hasKey("title")))
                .body("Resources[0]", not(hasKey("meta")));
        scim.request().queryParam("filter", "userName eq \"alice@example.com\"")
                .queryParam("excludedAttributes", "emails,name.familyName,id")
                .get(scim.path("/Users")).then().statusCode(200)
                .body("Resources[0]", not(hasKey("emails")))
                .body("Resources[0].id", not(equalTo(null)))
                .body("Resources[0].name", equalTo(Map.of("givenName", "Alice")))
                .body("Resources[0].title", equalTo("Engineer"));
        scim.request().queryParam("attributes", "shoeSize").get(scim.path("/Users")).then().statusCode(400);
    }

    @Test
    void searchByPostTakesTheSameParameters() {
        scim.post("/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"active eq true","sortBy":"userName","sortOrder":"descending",
                 "attributes":["userName"],"startIndex":1,"count":10}""")
                .statusCode(200)
                .body("totalResults", equalTo(2))
                .body("Resources.userName", contains("carol@example.com", "alice@example.com"));
        scim.post("/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"userName sw \\"a\\" or displayName eq \\"nobody\\""}""")
                .statusCode(200)
                .body("totalResults", equalTo(1));
        scim.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"userName eq\"}").statusCode(400).body("scimType", equalTo("invalidFilter"));
        scim.post("/Users/.search", "{\"filter\":\"userName pr\"}").statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
        scim.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"count\":\"many\"}").statusCode(400).body("scimType", equalTo("invalidValue"));
        scim.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"colour\":\"red\"}").statusCode(400);
    }

    @Test
    void resultsNeverIncludeOtherConnections() {
        ScimFixture other = ScimFixture.create("filters-other");
        other.createUser("alice@example.com");
        scim.request().queryParam("filter", "userName eq \"alice@example.com\"").get(scim.path("/Users"))
                .then().body("totalResults", equalTo(1));
        other.request().get(other.path("/Users")).then().body("totalResults", equalTo(1))
                .body("Resources.userName", containsInAnyOrder("alice@example.com"));
    }
}
