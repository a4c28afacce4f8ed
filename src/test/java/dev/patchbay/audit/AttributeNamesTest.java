package dev.patchbay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valueFiltersAreRemovedFromPatchPaths() {
        assertEquals("emails.value", AttributeNames.withoutValueFilters("emails[type eq \"work\"].value"));
        assertEquals("members", AttributeNames.withoutValueFilters("members[value eq \"a]b\"]"));
        assertEquals("name.givenName", AttributeNames.withoutValueFilters("name.givenName"));
    }

    @Test
    void bulkOperationsAreNamedByMethodAndPath() throws Exception {
        assertEquals(List.of("POST /Users", "PATCH /Groups/g1"), AttributeNames.of(RequestTarget.BodyKind.SCIM_BULK,
                JSON.readTree("""
                        {"Operations":[{"method":"post","path":"/Users","bulkId":"1","data":{"userName":"secret-name"}},
                                       {"method":"PATCH","path":"/Groups/g1","data":{}}]}""")));
    }

    @Test
    void namesAreCappedAndNonObjectsNameNothing() throws Exception {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 150; i++) {
            many.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":1");
        }
        assertEquals(AttributeNames.MAX_NAMES,
                AttributeNames.of(RequestTarget.BodyKind.ADMIN, JSON.readTree(many + "}")).size());
        assertEquals(List.of(), AttributeNames.of(RequestTarget.BodyKind.SCIM_PATCH, JSON.readTree("[1,2]")));
    }

    @Test
    void targetsAreReadFromThePath() {
        RequestTarget token = RequestTarget.of("DELETE", "/admin/v1/connections/c-1/tokens/t-9");
        assertEquals("c-1", token.connectionId());
        assertEquals("tokens", token.resourceType());
        assertEquals("t-9", token.resourceId());
        assertEquals("delete", token.operation());
        assertTrue(token.audited(204));

        RequestTarget search = RequestTarget.of("POST", "/scim/v2/c-1/Users/.search");
        assertEquals("search", search.operation());
        assertFalse(search.audited(200));
        assertTrue(search.audited(401));

        RequestTarget bulk = RequestTarget.of("POST", "/scim/v2/c-1/Bulk");
        assertEquals("bulk", bulk.operation());
        assertEquals(RequestTarget.BodyKind.SCIM_BULK, bulk.body());

        assertFalse(RequestTarget.of("GET", "/admin/v1/connections").audited(200));
        assertNull(RequestTarget.of("GET", "/q/health"));
    }
}
