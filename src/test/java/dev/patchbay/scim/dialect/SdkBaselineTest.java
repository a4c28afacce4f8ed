package dev.patchbay.scim.dialect;

import static dev.patchbay.scim.dialect.DialectAssertions.JSON;
import static dev.patchbay.scim.dialect.DialectAssertions.assertJson;
import static dev.patchbay.scim.dialect.DialectAssertions.json;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.junit.jupiter.api.Test;

/**
 * What scim2-sdk-common 5.1.0 does with the raw IdP requests, without the dialect. The dialect normalises all of
 * them anyway; these tests record where that is needed and where it is only harmless, and fail if an SDK upgrade
 * changes the picture.
 */
class SdkBaselineTest {

    private static PatchRequest plainBinding(String body) throws Exception {
        return JSON.treeToValue(json(body), PatchRequest.class);
    }

    @Test
    void filtersTheSdkRejects() {
        assertThrows(Exception.class, () -> Filter.fromString(IdpRequests.ENTRA_FILTER_EXTERNAL_ID_UNQUOTED));
        assertThrows(Exception.class, () -> Filter.fromString(IdpRequests.ENTRA_FILTER_WORK_EMAIL));
        assertThrows(Exception.class, () -> Filter.fromString("emails[type eq \"work\"].value pr"));
    }

    @Test
    void filtersTheSdkAccepts() {
        assertDoesNotThrow(() -> Filter.fromString(IdpRequests.ENTRA_FILTER_USER_NAME));
        assertDoesNotThrow(() -> Filter.fromString(IdpRequests.ENTRA_FILTER_GROUP_DISPLAY_NAME));
        assertDoesNotThrow(() -> Filter.fromString(IdpRequests.OKTA_FILTER_USER_NAME));
        assertDoesNotThrow(() -> Filter.fromString("members[$ref eq null and value eq \"f648f8d5ea4e4cd38e9c\"]"));
    }

    @Test
    void stringBooleanFiltersParseButNeverMatchABoolean() throws Exception {
        ObjectNode user = json("""
                {"active": true, "roles": [{"value": "Admin", "primary": true}]}""");
        assertFalse(FilterEvaluator.evaluate(Filter.fromString("active eq \"True\""), user));
        assertFalse(FilterEvaluator.evaluate(Filter.fromString("roles[primary eq \"True\"]"), user));
        assertTrue(FilterEvaluator.evaluate(Filter.fromString("roles[primary eq true]"), user));
    }

    @Test
    void patchBodiesTheSdkAlreadyBinds() {
        for (String body : new String[] {
                IdpRequests.ENTRA_DISABLE_USER_NO_FLAG, IdpRequests.ENTRA_ADD_STRING_NO_FLAG,
                IdpRequests.ENTRA_REPLACE_MULTIPLE_NO_FLAG, IdpRequests.ENTRA_REPLACE_MULTIPLE_FLAG,
                IdpRequests.ENTRA_REMOVE_MEMBER_NO_FLAG, IdpRequests.ENTRA_ADD_MEMBERS,
                IdpRequests.ENTRA_MANAGER_EXAMPLE_5, IdpRequests.ENTRA_ROLES_SINGLE_PATCH,
                IdpRequests.COMPOSED_ENTRA_SINGLE_ROLE_PATCH, IdpRequests.COMPOSED_ENTRA_MANAGER_REPLACE_WITH_EMPTY,
                IdpRequests.OKTA_RENAME_GROUP, IdpRequests.OKTA_DEACTIVATE_USER, IdpRequests.OKTA_GROUP_MEMBERSHIP}) {
            assertDoesNotThrow(() -> plainBinding(body), body);
        }
        // "op": "Replace" binds only because the SDK lists Add/ADD/add and so on; any other casing does not.
        assertThrows(Exception.class, () -> plainBinding("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "rePlace", "path": "title", "value": "x"}]}"""));
    }

    @Test
    void patchBodiesTheSdkRejects() {
        assertThrows(Exception.class, () -> plainBinding("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "title", "value": null}]}"""));
        assertThrows(Exception.class, () -> plainBinding("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "operations": [{"op": "replace", "path": "title", "value": "x"}]}"""));
        // The SDK's own reader is case-insensitive about member names.
        assertDoesNotThrow(() -> JsonUtils.getObjectReader().treeToValue(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "operations": [{"op": "replace", "path": "title", "value": "x"}]}"""), PatchRequest.class));
    }

    @Test
    void entraPathlessDottedKeysBindButCreateABogusTopLevelAttribute() throws Exception {
        GenericScimResource user = new GenericScimResource(json("""
                {"userName": "u", "name": {"givenName": "Old"}, "emails": [{"type": "work", "value": "a@b.c"}]}"""));
        plainBinding(IdpRequests.ENTRA_REPLACE_MULTIPLE_FLAG).apply(user);
        assertEquals("Old", user.getObjectNode().path("name").path("givenName").textValue());
        assertEquals("Kkom", user.getObjectNode().path("name.givenName").textValue());
    }

    @Test
    void entraRemoveMembersByValueIsAppliedAsTheListedMembersOnly() throws Exception {
        GenericScimResource group = new GenericScimResource(json("""
                {"displayName": "g", "members": [{"value": "u1091"}, {"value": "u2"}]}"""));
        plainBinding(IdpRequests.ENTRA_REMOVE_MEMBER_NO_FLAG).apply(group);
        assertJson("""
                {"displayName": "g", "members": [{"value": "u2"}]}""", group.getObjectNode());
    }

    @Test
    void entraStringFalseIsStoredAsAString() throws Exception {
        GenericScimResource user = new GenericScimResource(json("""
                {"userName": "u", "active": true}"""));
        plainBinding(IdpRequests.ENTRA_DISABLE_USER_NO_FLAG).apply(user);
        assertTrue(user.getObjectNode().get("active").isTextual());
    }

    @Test
    void userBindingCoercesTrueButRejectsYesAndEntraExample2() {
        assertDoesNotThrow(() -> JsonUtils.getObjectReader().treeToValue(
                json(IdpRequests.COMPOSED_ENTRA_POST_STRING_TRUE), UserResource.class));
        assertThrows(Exception.class, () -> JsonUtils.getObjectReader().treeToValue(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "u", "active": "yes"}"""),
                UserResource.class));
        assertThrows(Exception.class, () -> JsonUtils.getObjectReader().treeToValue(
                json(IdpRequests.ENTRA_PROVISION_USER_EXAMPLE_2), UserResource.class));
    }
}
