package dev.patchbay.scim;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact requests Microsoft Entra ID sends (shared/reference/idp-clients.md §1.2, §1.3, §1.8), with
 * and without the aadOptscim062020 flag, end to end against the running gateway.
 */
@QuarkusTest
class EntraRequestsTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private ScimFixture scim;

    @BeforeEach
    void connection() {
        scim = ScimFixture.create("entra");
    }

    private String createEntraUser(String userName, String externalId) {
        return scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%2$s","userName":"%1$s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%1$s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[]}""".formatted(userName, externalId)).statusCode(201).extract().path("id");
    }

    @Test
    void testConnectionProbeWithARandomGuidGetsAnEmptyList() {
        scim.get("/Users?filter=userName eq \"3d7b8cb5-4a5e-4e0f-9a8e-2f2d1d2c3b4a\"").statusCode(200)
                .body("totalResults", equalTo(0)).body("Resources", hasSize(0));
    }

    @Test
    void createUserAsEntraSendsIt() {
        String id = createEntraUser("Test_User_00aa00aa@contoso.com", "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
        scim.get("/Users/" + id).statusCode(200)
                .body("name.formatted", equalTo("givenName familyName"))
                .body("$", not(hasKey("roles")));
        scim.get("/Users?filter=userName eq \"Test_User_00aa00aa@contoso.com\"").body("totalResults", equalTo(1));
        scim.get("/Users?filter=externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\"").body("totalResults", equalTo(1));
        scim.get("/Users?filter=emails[type eq \"work\"].value eq \"Test_User_00aa00aa@contoso.com\"")
                .body("totalResults", equalTo(1));
    }

    @Test
    void unquotedExternalIdFilterFromTheTutorial() {
        createEntraUser("jyoung@contoso.com", "jyoung");
        scim.get("/Users?filter=externalId eq jyoung").statusCode(200).body("totalResults", equalTo(1));
    }

    @Test
    void postWithJsonNullsAndStringBoolean() {
        scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"nulls@contoso.com",
                 "active":"True","addresses":null,"phoneNumbers":null,"title":null,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":null,"department":"Sales"}}""")
                .statusCode(201)
                .body("active", equalTo(true))
                .body("$", not(hasKey("title")))
                .body("schemas", hasItem(ENTERPRISE))
                .body("'" + ENTERPRISE + "'.department", equalTo("Sales"));
    }

    @Test
    void disableWithoutTheFlagSendsAStringFalse() {
        String id = createEntraUser("disable@contoso.com", "e-1");
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""")
                .statusCode(200).body("active", equalTo(false));
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"active","value":true}]}""")
                .statusCode(200).body("active", equalTo(true));
    }

    @Test
    void replaceSeveralAttributesWithoutTheFlag() {
        String id = createEntraUser("several@contoso.com", "e-2");
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"Replace","path":"displayName","value":"Bjfe"},
                 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"changed@contoso.com"},
                 {"op":"Replace","path":"name.givenName","value":"Kkom"},
                 {"op":"Replace","path":"name.familyName","value":"Unua"},
                 {"op":"Replace","path":"externalId","value":"e-2b"},
                 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"Aklq"}]}""")
                .statusCode(200)
                .body("displayName", equalTo("Bjfe"))
                .body("emails[0].value", equalTo("changed@contoso.com"))
                .body("name.givenName", equalTo("Kkom"))
                .body("externalId", equalTo("e-2b"))
                .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("Aklq"));
    }

    @Test
    void pathlessReplaceWithDottedAndUrnKeysWithTheFlag() {
        String id = createEntraUser("flag@contoso.com", "e-3");
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"flagged@contoso.com"},
                 {"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
                   "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}]}""")
                .statusCode(200)
                .body("displayName", equalTo("Bjfe"))
                .body("name.givenName", equalTo("Kkom"))
                .body("name.familyName", equalTo("Unua"))
                .body("name.formatted", equalTo("givenName familyName"))
                .body("emails[0].value", equalTo("flagged@contoso.com"))
                .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("Aklq"))
                .body("$", not(hasKey("name.givenName")));
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"nickName","value":"Babs"}]}""")
                .statusCode(200).body("nickName", equalTo("Babs"));
    }

    @Test
    void addOnAValuePathCreatesOrOverwrites() {
        String id = createEntraUser("addpath@contoso.com", "e-4");
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"555-0101"}]}""")
                .statusCode(200).body("phoneNumbers[0].value", equalTo("555-0101"));
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"555-0102"}]}""")
                .statusCode(200).body("phoneNumbers", hasSize(1)).body("phoneNumbers[0].value", equalTo("555-0102"));
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"emails[type eq \\"work\\"].value","value":"moved@contoso.com"}]}""")
                .statusCode(200).body("emails", hasSize(1)).body("emails[0].value", equalTo("moved@contoso.com"));
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"addresses[type eq \\"work\\"].streetAddress","value":"1 Main St"}]}""")
                .statusCode(200).body("addresses[0].streetAddress", equalTo("1 Main St"));
    }

    @Test
    void managerAsComplexArrayAsBareStringAndRemovedWithEmpty() {
        String manager = createEntraUser("manager@contoso.com", "m-1");
        String id = createEntraUser("report@contoso.com", "r-1");
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"manager","value":[{"$ref":"http://localhost/Users/%1$s","value":"%1$s"}]}]}"""
                .formatted(manager))
                .statusCode(200).body("'" + ENTERPRISE + "'.manager.value", equalTo(manager));
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"271"}]}""")
                .statusCode(200).body("'" + ENTERPRISE + "'.manager.value", equalTo("271"));
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}]}""")
                .statusCode(200).body("$", not(hasKey(ENTERPRISE)));
    }

    @Test
    void rolesSentAsJsonInsideAString() {
        String id = createEntraUser("roles@contoso.com", "e-5");
        scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"roles","value":[{"value":"{\\"id\\":\\"06b07648-ecfe-589f-9d2f-6325724a46ee\\",\\"value\\":\\"25\\",\\"displayName\\":\\"Role1234\\"}"}]}]}""")
                .statusCode(200)
                .body("roles[0].value", equalTo("25"))
                .body("roles[0].display", equalTo("Role1234"));
        scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"roles2@contoso.com",
                 "roles":[{"primary":true,"type":"WindowsAzureActiveDirectoryRole","value":"Admin"}]}""")
                .statusCode(201).body("roles[0].value", equalTo("Admin"));
    }

    @Test
    void groupLifecycleAsEntraSendsIt() {
        String alice = createEntraUser("g-alice@contoso.com", "ga");
        String bob = createEntraUser("g-bob@contoso.com", "gb");
        String group = scim.post("/Groups", """
                {"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName",
                 "meta":{"resourceType":"Group"},
                 "schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"]}""")
                .statusCode(201).body("members", hasSize(0)).extract().path("id");
        scim.get("/Groups?excludedAttributes=members&filter=displayName eq \"displayName\"").statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0]", not(hasKey("members")));
        scim.get("/Groups/" + group + "?excludedAttributes=members").statusCode(200);
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"},{"$ref":null,"value":"%s"}]}]}"""
                .formatted(alice, bob)).statusCode(204);
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Remove","path":"members","value":[{"$ref":null,"value":"%s"}]}]}"""
                .formatted(alice)).statusCode(204);
        scim.get("/Groups/" + group).body("members.value", contains(bob));
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(bob)).statusCode(204);
        scim.get("/Groups/" + group).body("members", hasSize(0));
        scim.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"displayName","value":"1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"}]}""")
                .statusCode(204);
        scim.get("/Groups/" + group).body("displayName", equalTo("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"));
        scim.request().delete(scim.path("/Groups/" + group)).then().statusCode(204);
    }

    @Test
    void extensionAttributesWithoutTheirUrnInSchemas() {
        scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ext@contoso.com",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"42"}}""")
                .statusCode(201)
                .body("schemas", hasItem(ENTERPRISE))
                .body("'" + ENTERPRISE + "'", equalTo(Map.of("employeeNumber", "42")));
    }

    @Test
    void emptyPatchFromTheValidator() {
        String id = createEntraUser("empty@contoso.com", "e-6");
        scim.patch("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[]}")
                .statusCode(200).body("userName", equalTo("empty@contoso.com"));
    }

    @Test
    void validatorPaginationEchoesStartIndex() {
        for (int i = 0; i < 11; i++) {
            createEntraUser("page" + i + "@contoso.com", "p" + i);
        }
        for (int page = 0; page < 3; page++) {
            scim.get("/Users?startIndex=" + (page * 5 + 1) + "&count=5").statusCode(200)
                    .body("startIndex", equalTo(page * 5 + 1))
                    .body("totalResults", equalTo(11))
                    .body("Resources", hasSize(page < 2 ? 5 : 1));
        }
    }

    @Test
    void duplicateCreateAfterATimeoutIsAConflict() {
        createEntraUser("twice@contoso.com", "t-1");
        scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"t-1","userName":"twice@contoso.com","active":true}""")
                .statusCode(409).body("scimType", equalTo("uniqueness"));
        scim.get("/Users?filter=userName eq \"twice@contoso.com\"").body("totalResults", equalTo(1))
                .body("Resources[0].userName", equalTo("twice@contoso.com"));
        scim.get("/Users").body("Resources.externalId", equalTo(List.of("t-1")));
    }
}
