package dev.patchbay.sandbox.eightbyeight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SCIM and RSQL filter subsets, without the application. */
class QueryFiltersTest {

    private static SandboxUser user(String userName, boolean active, String externalId) {
        SandboxUser user = new SandboxUser("id-" + userName, Instant.EPOCH);
        user.userName = userName;
        user.active = active;
        user.externalId = externalId;
        return user;
    }

    @Test
    void scimEqualityFilters() {
        SandboxUser jane = user("Jane.Doe@corp.example", true, "ext-9");
        assertTrue(ScimFilter.parse("userName eq \"jane.doe@corp.example\"").test(jane));
        assertTrue(ScimFilter.parse("USERNAME EQ \"JANE.DOE@corp.example\"").test(jane));
        assertTrue(ScimFilter.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"jane.doe@corp.example\"")
                .test(jane));
        assertTrue(ScimFilter.parse("externalId eq \"ext-9\"").test(jane));
        assertFalse(ScimFilter.parse("externalId eq \"EXT-9\"").test(jane));
        assertTrue(ScimFilter.parse("userName eq \"a \\\"quoted\\\" name\"").test(user("a \"quoted\" name", true, null)));
        assertTrue(ScimFilter.parse(null).test(jane));
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName ne \"a\"", "userName eq a", "title eq \"x\"",
            "userName eq \"a\" and active eq true", "userName pr"})
    void otherScimFiltersAreRefused(String filter) {
        assertThrows(IllegalArgumentException.class, () -> ScimFilter.parse(filter));
    }

    @Test
    void rsqlEqualityJoinedWithAnd() {
        SandboxUser jane = user("jane;doe", false, null);
        assertTrue(RsqlFilter.parse("basicInfo.userName=='JANE;DOE'").test(jane));
        assertTrue(RsqlFilter.parse("basicInfo.userName==\"jane;doe\";basicInfo.status==INACTIVE").test(jane));
        assertFalse(RsqlFilter.parse("basicInfo.status==ACTIVE").test(jane));
        assertTrue(RsqlFilter.parse(" ").test(jane));
    }

    @ParameterizedTest
    @ValueSource(strings = {"basicInfo.userName!=a", "basicInfo.userName==a,basicInfo.userName==b",
            "basicInfo.userName=in=(a,b)", "basicInfo.lastName==Doe", "basicInfo.userName==\"open",
            "basicInfo.status==DELETED", "basicInfo.userName==", "(basicInfo.userName==a)"})
    void otherRsqlIsRefused(String filter) {
        assertThrows(IllegalArgumentException.class, () -> RsqlFilter.parse(filter));
    }

    @Test
    void scrollIdsRoundTrip() {
        ScrollCursor cursor = new ScrollCursor("basicInfo.status==ACTIVE", "-basicInfo.userName", 200, 100);
        assertEquals(cursor, ScrollCursor.decode(cursor.encode()));
        ScrollCursor bare = new ScrollCursor(null, null, 2, 2);
        assertEquals(bare, ScrollCursor.decode(bare.encode()));
        assertThrows(IllegalArgumentException.class, () -> ScrollCursor.decode("bm9wZQ"));
        String zeroPageSize = new ScrollCursor(null, null, 0, 0).encode();
        assertThrows(IllegalArgumentException.class, () -> ScrollCursor.decode(zeroPageSize));
    }
}
