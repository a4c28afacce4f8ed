package dev.patchbay.scim.dialect;

import static dev.patchbay.scim.dialect.DialectAssertions.assertJson;
import static dev.patchbay.scim.dialect.DialectAssertions.resource;
import static dev.patchbay.scim.dialect.ResourceKind.GROUP;
import static dev.patchbay.scim.dialect.ResourceKind.USER;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rules 1–6: POST and PUT bodies of /Users and /Groups. */
class ResourceRulesTest {

    @Nested
    class NullMembers {

        @Test
        void entraExample2LosesItsTopLevelNulls() {
            assertJson("""
                    {
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
                      "externalId": "jyoung",
                      "userName": "jyoung@testuser.com",
                      "active": true,
                      "displayName": "Joy Young",
                      "emails": [{"type": "work", "value": "jyoung@Contoso.com", "primary": true}],
                      "meta": {"resourceType": "User"},
                      "name": {"familyName": "Young", "givenName": "Joy"}
                    }""", resource(USER, IdpRequests.ENTRA_PROVISION_USER_EXAMPLE_2));
        }

        @Test
        void nullSubAttributesInsideAnAddressAreRemoved() {
            assertJson("""
                    {
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                      "userName": "member@example.com",
                      "active": true,
                      "addresses": [{
                        "type": "work",
                        "streetAddress": "44 Montgomery St",
                        "locality": "San Francisco",
                        "region": "CA",
                        "postalCode": "94104"
                      }]
                    }""", resource(USER, IdpRequests.COMPOSED_ENTRA_POST_ADDRESS_NULLS));
        }

        @Test
        void nullArrayElementsAndNestedNullsAreDropped() {
            assertJson("""
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                     "displayName": "g", "members": [{"value": "u1"}, {"value": "u2"}]}""",
                    resource(GROUP, """
                            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                             "displayName": "g", "members": [null, {"$ref": null, "value": "u1"}, null, {"value": "u2"}]}"""));
        }
    }

    @Nested
    class StringBooleans {

        @Test
        void entraPostsActiveAsTheStringTrue() {
            assertJson("""
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "emp1@contoso.com", "active": true}""",
                    resource(USER, IdpRequests.COMPOSED_ENTRA_POST_STRING_TRUE));
        }

        @Test
        void subAttributesOfMultiValuedAttributesAndExtensionsAreConvertedInAnyCase() {
            assertJson("""
                    {
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                                  "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User"],
                      "userName": "u",
                      "active": false,
                      "emails": [{"value": "a@b.c", "primary": true}, {"value": "d@e.f", "primary": false}],
                      "phoneNumbers": [{"value": "1", "Primary": true}],
                      "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User": {"directoryVisible": true}
                    }""", resource(USER, """
                    {
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                                  "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User"],
                      "userName": "u",
                      "active": "FALSE",
                      "emails": [{"value": "a@b.c", "primary": "True"}, {"value": "d@e.f", "primary": "false"}],
                      "phoneNumbers": [{"value": "1", "Primary": "tRuE"}],
                      "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User": {"directoryVisible": "True"}
                    }"""));
        }

        @Test
        void otherStringsAndNonBooleanAttributesStayStrings() {
            String body = """
                    {
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                      "userName": "u",
                      "active": "yes",
                      "title": "True",
                      "emails": [{"value": "false", "primary": "1"}]
                    }""";
            assertJson(body, resource(USER, body));
        }

        @Test
        void groupsHaveNoBooleanAttributesHere() {
            String body = """
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "g", "active": "True"}""";
            assertJson(body, resource(GROUP, body));
        }
    }

    @Nested
    class ExtensionSchemas {

        @Test
        void anExtensionEntraLeavesOutOfSchemasIsAdded() {
            assertJson("""
                    {
                      "schemas": [
                        "urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User"
                      ],
                      "userName": "bjensen",
                      "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User": {"CustomAttribute": "701984"}
                    }""", resource(USER, IdpRequests.COMPOSED_ENTRA_POST_EXTENSION_NOT_LISTED));
        }

        @Test
        void aListedExtensionIsNotAddedTwiceWhateverItsCase() {
            String body = """
                    {
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                                  "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER"],
                      "userName": "u",
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "1"}
                    }""";
            assertJson(body, resource(USER, body));
        }

        @Test
        void missingSchemasGetTheCoreSchemaOfTheKindAndThePresentExtensions() {
            assertJson("""
                    {
                      "userName": "u",
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "1"},
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]
                    }""", resource(USER, """
                    {"userName": "u", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "1"}}"""));
            assertJson("""
                    {"displayName": "g", "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]}""",
                    resource(GROUP, """
                            {"displayName": "g"}"""));
        }

        @Test
        void schemasThatIsNotAnArrayAndAttributeUrnKeysAreLeftAlone() {
            String notAnArray = """
                    {"schemas": "urn:ietf:params:scim:schemas:core:2.0:User", "userName": "u",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "1"}}""";
            assertJson(notAnArray, resource(USER, notAnArray));
            String attributeKey = """
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "u",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager": {"value": "1"}}""";
            assertJson(attributeKey, resource(USER, attributeKey));
        }
    }

    @Nested
    class DecorationSchemas {

        @Test
        void entraGroupSchemaIsDropped() {
            assertJson("""
                    {
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                      "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
                      "displayName": "displayName",
                      "meta": {"resourceType": "Group"}
                    }""", resource(GROUP, IdpRequests.ENTRA_CREATE_GROUP));
        }

        @Test
        void theConstantSetHoldsTheEntraGroupSchema() {
            org.junit.jupiter.api.Assertions.assertEquals(
                    java.util.Set.of("http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"),
                    DecorationSchemasRule.IDP_DECORATION_SCHEMAS);
        }
    }

    @Nested
    class RolesInString {

        private static final String ENCODED = """
                "{\\"id\\":\\"06b07648-ecfe-589f-9d2f-6325724a46ee\\",\\"value\\":\\"25\\",\\"displayName\\":\\"Role1234\\"}\"""";

        @Test
        void anEncodedRoleIsDecodedKeepingTypeAndPrimary() {
            assertJson("""
                    {"userName": "u", "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                     "roles": [{"value": "25", "display": "Role1234", "type": "WindowsAzureActiveDirectoryRole", "primary": true}]}""",
                    resource(USER, """
                            {"userName": "u", "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                             "roles": [{"primary": "True", "type": "WindowsAzureActiveDirectoryRole", "value": %s}]}"""
                            .formatted(ENCODED)));
        }

        @Test
        void withoutAnInnerValueTheInnerIdIsUsed() {
            assertJson("""
                    {"userName": "u", "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                     "roles": [{"value": "06b07648", "display": "Role1234"}]}""",
                    resource(USER, """
                            {"userName": "u", "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                             "roles": [{"value": "{\\"id\\":\\"06b07648\\",\\"displayName\\":\\"Role1234\\"}"}]}"""));
        }

        @Test
        void entraPostRolesArePlainAndStayAsTheyAre() {
            assertJson(IdpRequests.ENTRA_ROLES_SINGLE_POST, resource(USER, IdpRequests.ENTRA_ROLES_SINGLE_POST));
        }

        @Test
        void oddRoleValuesStayAsTheyAre() {
            String body = """
                    {"userName": "u", "roles": [
                      {"value": "{not json"},
                      {"value": "{\\"a\\":1} trailing"},
                      {"value": "[1, 2]"},
                      {"value": "{\\"displayName\\":\\"no id, no value\\"}"},
                      {"value": 25},
                      "Admin",
                      {"display": "no value"}
                    ], "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}""";
            assertJson(body, resource(USER, body));
        }
    }

    @Nested
    class ManagerShapes {

        private static String enterprise(String manager) {
            return """
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                     "userName": "u",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"%s}}"""
                    .formatted(manager == null ? "" : ", \"manager\": " + manager);
        }

        @Test
        void aBareIdBecomesAComplexValue() {
            assertJson(enterprise("{\"value\": \"271\"}"), resource(USER, enterprise("\"271\"")));
        }

        @Test
        void aOneElementArrayBecomesItsElement() {
            String element = """
                    {"$ref": "http://.../scim/Users/00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
                     "value": "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}""";
            assertJson(enterprise(element), resource(USER, enterprise("[" + element + "]")));
        }

        @Test
        void anEmptyStringOrArrayRemovesTheManager() {
            assertJson(enterprise(null), resource(USER, enterprise("\"\"")));
            assertJson(enterprise(null), resource(USER, enterprise("[]")));
        }

        @Test
        void otherShapesAndGroupsAreLeftAlone() {
            String complex = enterprise("{\"value\": \"271\", \"displayName\": \"Boss\"}");
            assertJson(complex, resource(USER, complex));
            String twoManagers = enterprise("[{\"value\": \"1\"}, {\"value\": \"2\"}]");
            assertJson(twoManagers, resource(USER, twoManagers));
            String number = enterprise("271");
            assertJson(number, resource(USER, number));
            String notAnObject = """
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "u",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": "271"}""";
            assertJson(notAnObject, resource(USER, notAnObject));
        }
    }
}
