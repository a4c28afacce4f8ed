package dev.patchbay.scim.dialect;

import static dev.patchbay.scim.dialect.DialectAssertions.DIALECT;
import static dev.patchbay.scim.dialect.DialectAssertions.assertJson;
import static dev.patchbay.scim.dialect.DialectAssertions.assertSdkParsesPatch;
import static dev.patchbay.scim.dialect.DialectAssertions.filter;
import static dev.patchbay.scim.dialect.DialectAssertions.json;
import static dev.patchbay.scim.dialect.DialectAssertions.patch;
import static dev.patchbay.scim.dialect.DialectAssertions.resource;
import static dev.patchbay.scim.dialect.ResourceKind.GROUP;
import static dev.patchbay.scim.dialect.ResourceKind.USER;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whole IdP requests through the public API, and the guarantees every rule shares. */
class IdpDialectTest {

    private static final List<String> RESOURCE_BODIES = List.of(
            IdpRequests.ENTRA_CREATE_USER, IdpRequests.ENTRA_PROVISION_USER_EXAMPLE_2, IdpRequests.ENTRA_CREATE_GROUP,
            IdpRequests.ENTRA_ROLES_SINGLE_POST, IdpRequests.COMPOSED_ENTRA_POST_STRING_TRUE,
            IdpRequests.COMPOSED_ENTRA_POST_ADDRESS_NULLS, IdpRequests.COMPOSED_ENTRA_POST_EXTENSION_NOT_LISTED,
            IdpRequests.OKTA_CREATE_USER, IdpRequests.OKTA_UPDATE_USER_PUT, IdpRequests.OKTA_CREATE_GROUP);

    private static final List<String> PATCH_BODIES = List.of(
            IdpRequests.ENTRA_UPDATE_USER_MULTI_VALUED, IdpRequests.ENTRA_DISABLE_USER_TUTORIAL,
            IdpRequests.ENTRA_RENAME_GROUP, IdpRequests.ENTRA_ADD_MEMBERS, IdpRequests.ENTRA_REMOVE_MEMBERS_TUTORIAL,
            IdpRequests.ENTRA_MANAGER_EXAMPLE_5, IdpRequests.ENTRA_DISABLE_USER_NO_FLAG,
            IdpRequests.ENTRA_DISABLE_USER_FLAG, IdpRequests.ENTRA_ADD_STRING_NO_FLAG, IdpRequests.ENTRA_ADD_STRING_FLAG,
            IdpRequests.ENTRA_REPLACE_MULTIPLE_NO_FLAG, IdpRequests.ENTRA_REPLACE_MULTIPLE_FLAG,
            IdpRequests.ENTRA_REMOVE_MEMBER_NO_FLAG, IdpRequests.ENTRA_REMOVE_MEMBER_FLAG,
            IdpRequests.ENTRA_ROLES_SINGLE_PATCH, IdpRequests.ENTRA_ROLES_COMPLEX_PATCH,
            IdpRequests.ENTRA_ROLES_ASSERTIVE_PATCH, IdpRequests.COMPOSED_ENTRA_MANAGER_BARE_STRING,
            IdpRequests.COMPOSED_ENTRA_MANAGER_REPLACE_WITH_EMPTY, IdpRequests.COMPOSED_ENTRA_SINGLE_ROLE_PATCH,
            IdpRequests.OKTA_DEACTIVATE_USER, IdpRequests.OKTA_RENAME_GROUP, IdpRequests.OKTA_GROUP_MEMBERSHIP,
            IdpRequests.OKTA_GROUP_FULL_PUSH);

    private static final List<String> FILTERS = List.of(
            IdpRequests.ENTRA_FILTER_USER_NAME, IdpRequests.ENTRA_FILTER_EXTERNAL_ID_UNQUOTED,
            IdpRequests.ENTRA_FILTER_WORK_EMAIL, IdpRequests.ENTRA_FILTER_GROUP_DISPLAY_NAME,
            IdpRequests.ENTRA_SINGLE_ROLE_PATH.replace(".value", ""), IdpRequests.OKTA_FILTER_USER_NAME);

    @Test
    void entraExample2BindsToTheSdkUserOnlyOnceNormalised() throws Exception {
        JsonNode raw = json(IdpRequests.ENTRA_PROVISION_USER_EXAMPLE_2);
        // "manager": null at the top level: the SDK finds no core attribute "manager".
        assertThrows(Exception.class, () -> JsonUtils.getObjectReader().treeToValue(raw, UserResource.class));

        UserResource user = JsonUtils.getObjectReader().treeToValue(
                resource(USER, IdpRequests.ENTRA_PROVISION_USER_EXAMPLE_2), UserResource.class);
        assertEquals("jyoung@testuser.com", user.getUserName());
        assertNull(user.getAddresses());
        assertNull(user.getTitle());
    }

    @Test
    void everyDocumentedPostAndPutBindsToTheSdkResource() {
        for (String body : RESOURCE_BODIES) {
            ObjectNode normalised = resource(USER, body);
            Class<?> type = body.contains("core:2.0:Group") ? GroupResource.class : UserResource.class;
            ObjectNode forKind = type == GroupResource.class ? resource(GROUP, body) : normalised;
            assertDoesNotThrow(() -> JsonUtils.getObjectReader().treeToValue(forKind, type), body);
        }
    }

    @Test
    void alreadyStrictBodiesComeBackEqualButNotTheSameNode() {
        for (String body : List.of(IdpRequests.ENTRA_CREATE_USER, IdpRequests.OKTA_CREATE_USER,
                IdpRequests.OKTA_UPDATE_USER_PUT)) {
            ObjectNode input = json(body);
            ObjectNode output = DIALECT.normaliseResource(USER, input);
            assertEquals(input, output);
            assertNotSame(input, output);
        }
        ObjectNode group = json(IdpRequests.OKTA_CREATE_GROUP);
        assertEquals(group, DIALECT.normaliseResource(GROUP, group));
    }

    @Test
    void entraReplaceOfSeveralAttributesWithTheFlagUpdatesTheUserAsRfcPatch() throws Exception {
        GenericScimResource user = new GenericScimResource(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName": "u", "displayName": "Old",
                 "name": {"givenName": "Old", "familyName": "Old"},
                 "emails": [{"type": "work", "value": "old@test.microsoft.com"}]}"""));

        PatchRequest request = assertSdkParsesPatch(patch(USER, IdpRequests.ENTRA_REPLACE_MULTIPLE_FLAG));
        request.apply(user);

        assertJson("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName": "u", "displayName": "Bjfe",
                 "name": {"givenName": "Kkom", "familyName": "Unua"},
                 "emails": [{"type": "work", "value": "TestMhvaes@test.microsoft.com"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "Aklq"}}""",
                user.getObjectNode());
    }

    @Test
    void entraMemberRemovalWithoutTheFlagRemovesOnlyThatMember() throws Exception {
        GenericScimResource group = new GenericScimResource(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "g",
                 "members": [{"value": "u1091"}, {"value": "u2"}]}"""));

        assertSdkParsesPatch(patch(GROUP, IdpRequests.ENTRA_REMOVE_MEMBER_NO_FLAG)).apply(group);

        assertJson("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "g",
                 "members": [{"value": "u2"}]}""", group.getObjectNode());
    }

    @Test
    void oktaGroupPushSequenceRenamesWithoutTouchingIdAndSwapsMembers() throws Exception {
        GenericScimResource group = new GenericScimResource(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "id": "abf4dd94-a4c0-4f67-89c9-76b03340cb9b", "displayName": "Old name",
                 "members": [{"value": "89bb1940-b905-4575-9e7f-6f887cfb368e"}]}"""));

        assertSdkParsesPatch(patch(GROUP, IdpRequests.OKTA_RENAME_GROUP)).apply(group);
        assertSdkParsesPatch(patch(GROUP, IdpRequests.OKTA_GROUP_MEMBERSHIP)).apply(group);

        assertJson("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "id": "abf4dd94-a4c0-4f67-89c9-76b03340cb9b", "displayName": "Test SCIMv2",
                 "members": [{"value": "23a35c27-23d3-4c03-b4c5-6443c09e7173", "display": "test.user@okta.local"}]}""",
                group.getObjectNode());
    }

    @Test
    void everyDocumentedPatchBindsToTheSdkPatchRequest() {
        for (String body : PATCH_BODIES) {
            patch(USER, body);
            patch(GROUP, body);
        }
    }

    @Test
    void everyDocumentedFilterParsesInTheSdk() {
        for (String each : FILTERS) {
            filter(USER, each);
            filter(GROUP, each);
        }
    }

    @Test
    void normalisingTwiceChangesNothingMore() {
        for (ResourceKind kind : ResourceKind.values()) {
            for (String body : RESOURCE_BODIES) {
                ObjectNode once = DIALECT.normaliseResource(kind, json(body));
                assertEquals(once, DIALECT.normaliseResource(kind, once), body);
            }
            for (String body : PATCH_BODIES) {
                ObjectNode once = DIALECT.normalisePatch(kind, json(body));
                assertEquals(once, DIALECT.normalisePatch(kind, once), body);
            }
            for (String each : FILTERS) {
                String once = DIALECT.normaliseFilter(kind, each);
                assertEquals(once, DIALECT.normaliseFilter(kind, once), each);
            }
        }
    }

    @Test
    void nullBodiesAndFiltersAreNull() {
        assertNull(DIALECT.normaliseResource(USER, null));
        assertNull(DIALECT.normalisePatch(USER, null));
        assertNull(DIALECT.normaliseFilter(USER, null));
    }

    /** Each documented body with one node at a time replaced by an odd value: no rule throws or changes the input. */
    @Test
    void oddBodiesNeverThrowAndAreNeverMutated() {
        ArrayNode odd = (ArrayNode) json("""
                {"odd": [null, "", "True", "false", 1, 2.5, true, [], {}, [null], [""], [1, "x"],
                         {"value": null}, {"value": 1}, "{\\"id\\":1}", "{", "urn:x", "urn:a:2.0:B",
                         "emails[type eq \\"", "members[value eq \\"x\\"]"]}""").get("odd");
        List<String> bodies = new ArrayList<>(RESOURCE_BODIES);
        bodies.addAll(PATCH_BODIES);
        int variants = 0;
        for (String body : bodies) {
            ObjectNode original = json(body);
            for (List<Object> location : locations(original, new ArrayList<>())) {
                for (JsonNode replacement : odd) {
                    ObjectNode variant = replaced(original, location, replacement);
                    ObjectNode before = variant.deepCopy();
                    for (ResourceKind kind : ResourceKind.values()) {
                        assertDoesNotThrow(() -> DIALECT.normaliseResource(kind, variant), variant::toString);
                        assertDoesNotThrow(() -> DIALECT.normalisePatch(kind, variant), variant::toString);
                    }
                    assertEquals(before, variant);
                    variants++;
                }
            }
        }
        assertFalse(variants < 1000, "only " + variants + " variants");
    }

    @Test
    void randomFiltersNeverThrow() {
        String[] pieces = {"emails", "[", "]", ".value", " ", " ", "eq", "pr", "\"", "\\", "\"work\"", "(", ")",
                "and", "or", "not", "True", "x", "1", "-", "roles", "primary", "active", "urn:a:2.0:User:b", "\"\""};
        Random random = new Random(7644);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder filter = new StringBuilder();
            for (int n = random.nextInt(14); n >= 0; n--) {
                filter.append(pieces[random.nextInt(pieces.length)]);
            }
            for (ResourceKind kind : ResourceKind.values()) {
                String input = filter.toString();
                String once = assertDoesNotThrow(() -> DIALECT.normaliseFilter(kind, input), input);
                assertEquals(once, DIALECT.normaliseFilter(kind, once), input);
            }
        }
    }

    /** Every member name / element index path in {@code node}, the root excluded. */
    private static List<List<Object>> locations(JsonNode node, List<Object> prefix) {
        List<List<Object>> locations = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(member.getKey());
                locations.add(path);
                locations.addAll(locations(member.getValue(), path));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                locations.add(path);
                locations.addAll(locations(array.get(i), path));
            }
        }
        return locations;
    }

    private static ObjectNode replaced(ObjectNode original, List<Object> location, JsonNode replacement) {
        ObjectNode copy = original.deepCopy();
        JsonNode parent = copy;
        for (Object step : location.subList(0, location.size() - 1)) {
            parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
        }
        Object last = location.get(location.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, replacement.deepCopy());
        } else {
            ((ArrayNode) parent).set((Integer) last, replacement.deepCopy());
        }
        return copy;
    }
}
