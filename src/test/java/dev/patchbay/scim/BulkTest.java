package dev.patchbay.scim;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkTest {

    private ScimFixture scim;

    @BeforeEach
    void connection() {
        scim = ScimFixture.create("bulk");
    }

    @Test
    void operationsRunInOrderAndBulkIdsResolve() {
        var response = scim.post("/Bulk", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"POST","path":"/Users","bulkId":"u1","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk1@example.com"}},
                 {"method":"POST","path":"/Groups","bulkId":"g1","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Bulk group","members":[{"value":"bulkId:u1"}]}},
                 {"method":"PATCH","path":"/Users/bulkId:u1","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Bulk"}]}},
                 {"method":"DELETE","path":"/Groups/bulkId:g1","version":"W/\\"0\\""}]}""")
                .statusCode(200)
                .body("schemas", equalTo(List.of("urn:ietf:params:scim:api:messages:2.0:BulkResponse")))
                .body("Operations", hasSize(4))
                .body("Operations[0].status", equalTo("201"))
                .body("Operations[0].bulkId", equalTo("u1"))
                .body("Operations[0].location", startsWith("http"))
                .body("Operations[0].version", equalTo("W/\"0\""))
                .body("Operations[1].status", equalTo("201"))
                .body("Operations[2].status", equalTo("200"))
                .body("Operations[3].status", equalTo("204"))
                .extract();
        String location = response.path("Operations[0].location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        scim.get("/Users/" + userId).body("title", equalTo("Bulk"));
        scim.get("/Groups").body("totalResults", equalTo(0));
    }

    @Test
    void failOnErrorsStopsAfterThatManyErrors() {
        scim.post("/Bulk", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":1,"Operations":[
                 {"method":"POST","path":"/Users","bulkId":"a","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}},
                 {"method":"POST","path":"/Users","bulkId":"b","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"never@example.com"}}]}""")
                .statusCode(200)
                .body("Operations", hasSize(1))
                .body("Operations[0].status", equalTo("400"))
                .body("Operations[0].response.scimType", equalTo("invalidValue"));
        scim.get("/Users").body("totalResults", equalTo(0));
    }

    @Test
    void errorsOfOneOperationDoNotStopOthersWithoutFailOnErrors() {
        scim.post("/Bulk", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"PATCH","path":"/Users/bulkId:missing","data":{}},
                 {"method":"DELETE","path":"/Users/00000000-0000-0000-0000-000000000000"},
                 {"method":"GET","path":"/Users"},
                 {"method":"POST","path":"/Devices","bulkId":"d","data":{}},
                 {"method":"POST","path":"/Users","bulkId":"ok","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ok@example.com"}}]}""")
                .statusCode(200)
                .body("Operations.status", equalTo(List.of("409", "404", "400", "400", "201")));
        scim.get("/Users").body("totalResults", equalTo(1));
    }

    @Test
    void limitsAreAdvertisedAndEnforced() {
        scim.get("/ServiceProviderConfig").body("bulk.maxOperations", equalTo(1000));
        StringBuilder operations = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            operations.append(i == 0 ? "" : ",").append("{\"method\":\"DELETE\",\"path\":\"/Users/x\"}");
        }
        scim.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + operations + "]}").statusCode(413).body("status", equalTo("413"));
        scim.post("/Bulk", "{\"Operations\":[]}").statusCode(400).body("scimType", equalTo("invalidSyntax"));
        scim.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                + "\"failOnErrors\":0,\"Operations\":[]}").statusCode(400);
        scim.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                + "\"Operations\":[]}").statusCode(200).body("Operations", hasSize(0));
    }
}
