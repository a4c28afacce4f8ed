package dev.patchbay.scim.dialect;

import static dev.patchbay.scim.dialect.DialectAssertions.assertJson;
import static dev.patchbay.scim.dialect.DialectAssertions.json;
import static dev.patchbay.scim.dialect.DialectAssertions.patch;
import static dev.patchbay.scim.dialect.DialectAssertions.patchUnchecked;
import static dev.patchbay.scim.dialect.ResourceKind.GROUP;
import static dev.patchbay.scim.dialect.ResourceKind.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rules 7–16: PATCH bodies. */
class PatchRulesTest {

    private static final String SCHEMAS = "\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    /** A PatchOp body with these operations. */
    private static String ops(String operations) {
        return "{" + SCHEMAS + ", \"Operations\": [" + operations + "]}";
    }

    @Nested
    class OpCase {

        @Test
        void entraWithoutTheFlagBecomesWhatEntraSendsWithIt() {
            assertEquals(json(IdpRequests.ENTRA_ADD_STRING_FLAG), patch(USER, IdpRequests.ENTRA_ADD_STRING_NO_FLAG));
        }

        @Test
        void everyCasingIsLowerCased() {
            assertJson(ops("""
                    {"op": "replace", "path": "title", "value": "a"},
                    {"op": "remove", "path": "nickName"},
                    {"op": "add", "path": "locale", "value": "b"}"""), patch(USER, ops("""
                    {"op": "REPLACE", "path": "title", "value": "a"},
                    {"op": "reMove", "path": "nickName"},
                    {"op": "aDD", "path": "locale", "value": "b"}""")));
        }

        @Test
        void aNonStringOrUnknownOpIsLeftForTheSdkToReject() {
            String body = ops("""
                    {"op": 1, "path": "title", "value": "a"}, {"op": "Move", "path": "title", "value": "a"}""");
            assertJson(ops("""
                    {"op": 1, "path": "title", "value": "a"}, {"op": "move", "path": "title", "value": "a"}"""),
                    patchUnchecked(USER, body));
        }
    }

    @Nested
    class Envelope {

        @Test
        void entraDisableUserTutorialIsAlreadyStrict() {
            assertJson(IdpRequests.ENTRA_DISABLE_USER_FLAG, patch(USER, IdpRequests.ENTRA_DISABLE_USER_TUTORIAL));
        }

        @Test
        void missingSchemasAndOperationsInAnotherCaseAreFixed() {
            assertJson(IdpRequests.ENTRA_DISABLE_USER_FLAG, patch(USER, """
                    {"operations": [{"Op": "Replace", "PATH": "active", "Value": false}]}"""));
        }

        @Test
        void operationsThatIsNotAnArrayOrHoldsNonObjectsPassesThrough() {
            String notAnArray = "{" + SCHEMAS + ", \"Operations\": {\"op\": \"Add\", \"path\": \"title\", \"value\": \"x\"}}";
            assertJson(notAnArray, patchUnchecked(USER, notAnArray));
            String oddElements = ops("1, \"Add\", null, [], true");
            assertJson(oddElements, patchUnchecked(USER, oddElements));
            String noOperations = "{" + SCHEMAS + "}";
            assertJson(noOperations, patchUnchecked(USER, noOperations));
        }

        @Test
        void emptyOperationsAsTheMicrosoftValidatorSendsIt() {
            assertJson(ops(""), patch(USER, ops("")));
        }
    }

    @Nested
    class PathlessExpansion {

        @Test
        void entraWithTheFlagSplitsDottedAndUrnKeysIntoOperations() {
            assertJson(ops("""
                    {"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "TestMhvaes@test.microsoft.com"},
                    {"op": "replace", "value": {"displayName": "Bjfe"}},
                    {"op": "replace", "path": "name.givenName", "value": "Kkom"},
                    {"op": "replace", "path": "name.familyName", "value": "Unua"},
                    {"op": "replace",
                     "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                     "value": "Aklq"}"""), patch(USER, IdpRequests.ENTRA_REPLACE_MULTIPLE_FLAG));
        }

        @Test
        void withoutThePlainKeysNoPathlessOperationRemains() {
            assertJson(ops("""
                    {"op": "add", "path": "name.givenName", "value": "Kkom"},
                    {"op": "add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                     "value": {"value": "271"}}"""), patch(USER, ops("""
                    {"op": "Add", "value": {
                      "name.givenName": "Kkom",
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager": "271"}}""")));
        }

        @Test
        void schemaUrnObjectsAndPlainKeysStayTogether() {
            String body = ops("""
                    {"op": "replace", "value": {
                      "displayName": "Bjfe",
                      "name": {"givenName": "Kkom"},
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "Aklq"}}}""");
            assertJson(body, patch(USER, body));
        }

        @Test
        void removeAndOperationsWithAPathAreNotExpanded() {
            String body = ops("""
                    {"op": "replace", "path": "name", "value": {"name.givenName": "x"}}""");
            assertJson(body, patchUnchecked(USER, body));
        }
    }

    @Nested
    class GroupIdEcho {

        @Test
        void oktaRenameLosesTheIdItEchoes() {
            assertJson(ops("""
                    {"op": "replace", "value": {"displayName": "Test SCIMv2"}}"""),
                    patch(GROUP, IdpRequests.OKTA_RENAME_GROUP));
        }

        @Test
        void anOperationThatOnlyEchoedTheIdIsDropped() {
            assertJson(ops("""
                    {"op": "add", "path": "members", "value": [{"value": "u1"}]}"""), patch(GROUP, ops("""
                    {"op": "replace", "value": {"id": "abf4dd94-a4c0-4f67-89c9-76b03340cb9b"}},
                    {"op": "add", "path": "members", "value": [{"value": "u1"}]}""")));
        }

        @Test
        void usersAndOperationsWithAPathKeepTheirId() {
            String user = ops("""
                    {"op": "replace", "value": {"id": "1", "displayName": "x"}}""");
            assertJson(user, patchUnchecked(USER, user));
            String withPath = ops("""
                    {"op": "replace", "path": "displayName", "value": {"id": "1"}}""");
            assertJson(withPath, patchUnchecked(GROUP, withPath));
        }
    }

    @Nested
    class StringBooleans {

        @Test
        void entraWithoutTheFlagDisablesLikeEntraWithIt() {
            assertEquals(json(IdpRequests.ENTRA_DISABLE_USER_FLAG), patch(USER, IdpRequests.ENTRA_DISABLE_USER_NO_FLAG));
        }

        @Test
        void oktaPathlessDeactivationIsAlreadyStrict() {
            assertJson(IdpRequests.OKTA_DEACTIVATE_USER, patch(USER, IdpRequests.OKTA_DEACTIVATE_USER));
        }

        @Test
        void pathsToBooleanAttributesAndBooleanMembersOfObjectValues() {
            assertJson(ops("""
                    {"op": "replace", "path": "active", "value": false},
                    {"op": "replace", "path": "emails[type eq \\"work\\"].primary", "value": true},
                    {"op": "add", "path": "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:directoryVisible", "value": true},
                    {"op": "add", "path": "phoneNumbers", "value": [{"value": "1", "primary": true}]},
                    {"op": "add", "path": "emails[type eq \\"work\\"]", "value": {"value": "a@b.c", "primary": false}},
                    {"op": "replace", "value": {"active": true,
                      "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User": {"directoryVisible": false}}}"""),
                    patch(USER, ops("""
                    {"op": "Replace", "path": "active", "value": "false"},
                    {"op": "Replace", "path": "emails[type eq \\"work\\"].primary", "value": "True"},
                    {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:directoryVisible", "value": "TRUE"},
                    {"op": "Add", "path": "phoneNumbers", "value": [{"value": "1", "primary": "True"}]},
                    {"op": "Add", "path": "emails[type eq \\"work\\"]", "value": {"value": "a@b.c", "primary": "False"}},
                    {"op": "Replace", "value": {"active": "True",
                      "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User": {"directoryVisible": "false"}}}""")));
        }

        @Test
        void otherStringsAttributesAndKindsStayStrings() {
            String user = ops("""
                    {"op": "replace", "path": "active", "value": "no"},
                    {"op": "replace", "path": "title", "value": "True"},
                    {"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "false"}""");
            assertJson(user, patch(USER, user));
            String group = ops("""
                    {"op": "replace", "path": "active", "value": "True"}""");
            assertJson(group, patch(GROUP, group));
        }
    }

    @Nested
    class NullMeansRemove {

        @Test
        void aNullValueWithAPathIsARemove() {
            assertJson(ops("""
                    {"op": "remove", "path": "title"},
                    {"op": "remove", "path": "emails[type eq \\"work\\"].value"}"""), patch(USER, ops("""
                    {"op": "Replace", "path": "title", "value": null},
                    {"op": "Add", "path": "emails[type eq \\"work\\"].value", "value": null}""")));
        }

        @Test
        void entraManagerReplaceWithEmptyIsARemove() {
            assertJson(ops("""
                    {"op": "remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}"""),
                    patch(USER, IdpRequests.COMPOSED_ENTRA_MANAGER_REPLACE_WITH_EMPTY));
            assertJson(ops("""
                    {"op": "remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}"""),
                    patch(USER, ops("""
                            {"op": "Replace", "path": "manager", "value": []}""")));
        }

        @Test
        void anEmptyStringElsewhereIsAValue() {
            String body = ops("""
                    {"op": "replace", "path": "title", "value": ""}""");
            assertJson(body, patch(USER, body));
        }

        @Test
        void entraAddMembersLosesItsNullRef() {
            assertJson(ops("""
                    {"op": "add", "path": "members", "value": [{"value": "f648f8d5ea4e4cd38e9c"}]}"""),
                    patch(GROUP, IdpRequests.ENTRA_ADD_MEMBERS));
        }

        @Test
        void aNullMemberOfAPathlessValueIsARemoveOfThatAttribute() {
            assertJson(ops("""
                    {"op": "replace", "value": {"displayName": "x", "name": {"givenName": "y"}}},
                    {"op": "remove", "path": "title"},
                    {"op": "remove", "path": "name.familyName"}"""), patch(USER, ops("""
                    {"op": "replace", "value": {"displayName": "x", "title": null,
                                                "name": {"givenName": "y", "middleName": null},
                                                "name.familyName": null}}""")));
            assertJson(ops("""
                    {"op": "remove", "path": "title"}"""), patch(USER, ops("""
                    {"op": "replace", "path": null, "value": {"title": null}}""")));
        }

        @Test
        void aRemoveLosesANullValueAndAPathlessNullValueIsLeftForTheSdk() {
            assertJson(ops("""
                    {"op": "remove", "path": "title"}"""), patch(USER, ops("""
                    {"op": "remove", "path": "title", "value": null}""")));
            String pathless = ops("""
                    {"op": "replace", "value": null}""");
            assertJson(pathless, patchUnchecked(USER, pathless));
        }
    }

    @Nested
    class MemberRemoval {

        @Test
        void entraWithoutTheFlagRemovesByFilterLikeEntraWithIt() {
            assertJson(ops("""
                    {"op": "remove", "path": "members[value eq \\"u1091\\"]"}"""),
                    patch(GROUP, IdpRequests.ENTRA_REMOVE_MEMBER_NO_FLAG));
            assertJson(IdpRequests.ENTRA_REMOVE_MEMBER_FLAG, patch(GROUP, IdpRequests.ENTRA_REMOVE_MEMBER_FLAG));
        }

        @Test
        void entraTutorialRemovalWithANullRef() {
            assertJson(ops("""
                    {"op": "remove", "path": "members[value eq \\"f648f8d5ea4e4cd38e9c\\"]"}"""),
                    patch(GROUP, IdpRequests.ENTRA_REMOVE_MEMBERS_TUTORIAL));
        }

        @Test
        void oneOperationPerMemberWithQuotesAndBackslashesEscaped() {
            assertJson(ops("""
                    {"op": "remove", "path": "members[value eq \\"u1091\\"]"},
                    {"op": "remove", "path": "members[value eq \\"u\\\\\\"2\\\\\\\\\\"]"}"""), patch(GROUP, ops("""
                    {"op": "Remove", "path": "members", "value": [{"value": "u1091"}, {"value": "u\\"2\\\\"}]}""")));
        }

        @Test
        void removingAllMembersOrAnOddListStaysAsItIs() {
            String all = ops("""
                    {"op": "remove", "path": "members"}""");
            assertJson(all, patch(GROUP, all));
            String odd = ops("""
                    {"op": "remove", "path": "members", "value": [{"value": "u1"}, {"display": "no id"}]}""");
            assertJson(odd, patchUnchecked(GROUP, odd));
            String stringValue = ops("""
                    {"op": "remove", "path": "members", "value": "u1"}""");
            assertJson(stringValue, patchUnchecked(GROUP, stringValue));
        }

        @Test
        void anEmptyListRemovesNothing() {
            assertJson(ops(""), patch(GROUP, ops("""
                    {"op": "Remove", "path": "members", "value": []}""")));
        }

        @Test
        void oktaMembershipChangeAndFullPushAreAlreadyStrict() {
            assertJson(IdpRequests.OKTA_GROUP_MEMBERSHIP, patch(GROUP, IdpRequests.OKTA_GROUP_MEMBERSHIP));
            assertJson(IdpRequests.OKTA_GROUP_FULL_PUSH, patch(GROUP, IdpRequests.OKTA_GROUP_FULL_PUSH));
        }
    }

    @Nested
    class Manager {

        @Test
        void entraExample5GetsTheEnterprisePathAndASingleValue() {
            assertJson(ops("""
                    {"op": "add",
                     "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                     "value": {"$ref": "http://.../scim/Users/00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
                               "value": "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}}"""),
                    patch(USER, IdpRequests.ENTRA_MANAGER_EXAMPLE_5));
        }

        @Test
        void entraBareStringManagerBecomesAComplexValue() {
            assertJson(ops("""
                    {"op": "add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                     "value": {"value": "271"}}"""), patch(USER, IdpRequests.COMPOSED_ENTRA_MANAGER_BARE_STRING));
        }

        @Test
        void managerSubAttributePathsAndPathlessExtensionObjects() {
            assertJson(ops("""
                    {"op": "replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
                     "value": "271"},
                    {"op": "replace", "value": {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                                                {"manager": {"value": "272"}}}},
                    {"op": "replace", "value": {"displayName": "x"}},
                    {"op": "remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}"""),
                    patch(USER, ops("""
                    {"op": "Replace", "path": "Manager.value", "value": "271"},
                    {"op": "Replace", "value": {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                                                {"manager": "272"}}},
                    {"op": "Replace", "value": {"displayName": "x",
                                                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                                                {"manager": ""}}}""")));
        }

        @Test
        void groupsOtherAttributesAndOddManagerValuesAreLeftAlone() {
            String group = ops("""
                    {"op": "add", "path": "manager", "value": "271"}""");
            assertJson(group, patchUnchecked(GROUP, group));
            String lookalike = ops("""
                    {"op": "add", "path": "managerName", "value": "271"}""");
            assertJson(lookalike, patch(USER, lookalike));
            String twoManagers = ops("""
                    {"op": "add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                     "value": [{"value": "1"}, {"value": "2"}]}""");
            assertJson(twoManagers, patch(USER, twoManagers));
        }
    }

    @Nested
    class Roles {

        @Test
        void entraSingleRoleAssignmentIsDecoded() {
            assertJson(ops("""
                    {"op": "add", "path": "roles", "value": [{"value": "25", "display": "Role1234"}]}"""),
                    patch(USER, IdpRequests.ENTRA_ROLES_SINGLE_PATCH));
        }

        @Test
        void entraComplexRoleAssignmentsAreDecoded() {
            assertJson(ops("""
                    {"op": "add", "path": "roles", "value": [
                      {"value": "Admin", "display": "Admin"},
                      {"value": "User", "display": "User"}]}"""), patch(USER, IdpRequests.ENTRA_ROLES_COMPLEX_PATCH));
        }

        @Test
        void entraAssertiveRoleAssignmentsAreAlreadyStrict() {
            assertJson(IdpRequests.ENTRA_ROLES_ASSERTIVE_PATCH, patch(USER, IdpRequests.ENTRA_ROLES_ASSERTIVE_PATCH));
        }

        @Test
        void pathlessRolesAndPlainStringsAndOddValues() {
            assertJson(ops("""
                    {"op": "replace", "value": {"roles": [{"value": "25"}]}},
                    {"op": "add", "path": "roles[primary eq true].value", "value": "{\\"value\\":\\"25\\"}"},
                    {"op": "add", "path": "roles", "value": "not a list"},
                    {"op": "add", "path": "roles", "value": [{"value": "Admin"}, {"value": "{broken"}]}"""),
                    patchUnchecked(USER, ops("""
                    {"op": "replace", "value": {"roles": [{"value": "{\\"value\\":\\"25\\"}"}]}},
                    {"op": "add", "path": "roles[primary eq \\"True\\"].value", "value": "{\\"value\\":\\"25\\"}"},
                    {"op": "add", "path": "roles", "value": "not a list"},
                    {"op": "add", "path": "roles", "value": [{"value": "Admin"}, {"value": "{broken"}]}""")));
        }
    }

    @Nested
    class PathFilters {

        @Test
        void entraSingleRolePathComparesWithABoolean() {
            assertJson(ops("""
                    {"op": "add", "path": "roles[primary eq true].value", "value": "Admin"}"""),
                    patch(USER, IdpRequests.COMPOSED_ENTRA_SINGLE_ROLE_PATCH));
        }

        @Test
        void entraMultiValuedUpdateIsAlreadyStrictApartFromItsOps() {
            assertJson(ops("""
                    {"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "updatedEmail@microsoft.com"},
                    {"op": "replace", "path": "name.familyName", "value": "updatedFamilyName"}"""),
                    patch(USER, IdpRequests.ENTRA_UPDATE_USER_MULTI_VALUED));
        }

        @Test
        void unquotedValuesInPathFiltersAreQuotedAndOddPathsLeftAlone() {
            assertJson(ops("""
                    {"op": "remove", "path": "members[value eq \\"7f4bc1a3\\"]"},
                    {"op": "remove", "path": "emails[type eq \\"work\\""},
                    {"op": "remove", "path": 42}"""), patchUnchecked(GROUP, ops("""
                    {"op": "remove", "path": "members[value eq 7f4bc1a3]"},
                    {"op": "remove", "path": "emails[type eq \\"work\\""},
                    {"op": "remove", "path": 42}""")));
        }
    }
}
