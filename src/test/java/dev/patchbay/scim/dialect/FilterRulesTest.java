package dev.patchbay.scim.dialect;

import static dev.patchbay.scim.dialect.DialectAssertions.DIALECT;
import static dev.patchbay.scim.dialect.DialectAssertions.filter;
import static dev.patchbay.scim.dialect.ResourceKind.GROUP;
import static dev.patchbay.scim.dialect.ResourceKind.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules 17–19: the {@code filter} query parameter. */
class FilterRulesTest {

    @Nested
    class ValuePathComparison {

        @Test
        void entraWorkEmailLookupMovesIntoTheBrackets() {
            assertEquals("emails[type eq \"work\" and value eq \"user@contoso.com\"]",
                    filter(USER, IdpRequests.ENTRA_FILTER_WORK_EMAIL));
        }

        @Test
        void presenceAndOtherOperatorsToo() {
            assertEquals("emails[type eq \"work\" and value pr]", filter(USER, "emails[type eq \"work\"].value pr"));
            assertEquals("emails[type eq \"work\" and value co \"@contoso.com\"]",
                    filter(USER, "emails[type eq \"work\"].value co \"@contoso.com\""));
            assertEquals("phoneNumbers[type eq \"mobile\" and value SW \"+1\"]",
                    filter(USER, "phoneNumbers[type eq \"mobile\"].value SW \"+1\""));
        }

        @Test
        void insideCompoundFiltersWithParentheses() {
            assertEquals("(emails[type eq \"work\" and value eq \"a@b.c\"] or userName eq \"a@b.c\") and active eq true",
                    filter(USER, "(emails[type eq \"work\"].value eq \"a@b.c\" or userName eq \"a@b.c\") and active eq true"));
            assertEquals("userName eq \"x\" and emails[type eq \"work\" and value ew \"@b.c\"]",
                    filter(USER, "userName eq \"x\" and emails[type eq \"work\"].value ew \"@b.c\""));
        }

        @Test
        void anInnerOrIsParenthesisedSoTheAndBindsTheWholeOfIt() {
            assertEquals("emails[(type eq \"work\" or type eq \"home\") and value eq \"x\"]",
                    filter(USER, "emails[type eq \"work\" or type eq \"home\"].value eq \"x\""));
        }

        @Test
        void bracketsAndDotsInsideQuotedStringsAreText() {
            assertEquals("emails[type eq \"wo]rk\\\"].x\" and value eq \"a\"]",
                    filter(USER, "emails[type eq \"wo]rk\\\"].x\"].value eq \"a\""));
        }

        @Test
        void aValuePathWithoutAComparisonAfterItIsLeftAlone() {
            assertEquals("emails[type eq \"work\"]", filter(USER, "emails[type eq \"work\"]"));
            assertEquals("emails[type eq \"work\"].value", DIALECT.normaliseFilter(USER, "emails[type eq \"work\"].value"));
            assertEquals("emails[].value eq \"x\"", DIALECT.normaliseFilter(USER, "emails[].value eq \"x\""));
        }
    }

    @Nested
    class UnquotedValues {

        @Test
        void entraExample1ExternalIdIsQuoted() {
            assertEquals("externalId eq \"jyoung\"", filter(USER, IdpRequests.ENTRA_FILTER_EXTERNAL_ID_UNQUOTED));
        }

        @Test
        void literalsStayAndEverythingElseIsQuotedInCompoundFiltersAndValuePaths() {
            assertEquals("userName eq \"bob\" and active eq true", filter(USER, "userName eq bob and active eq true"));
            assertEquals("members[value eq \"7f4bc1a3\"] or x eq null or y gt 12 or z lt -1.5e3",
                    filter(GROUP, "members[value eq 7f4bc1a3] or x eq null or y gt 12 or z lt -1.5e3"));
            assertEquals("meta.lastModified gt \"2011-05-13T04:42:34Z\"",
                    filter(USER, "meta.lastModified gt 2011-05-13T04:42:34Z"));
            assertEquals("employeeNumber eq \"007\" and title eq \"True\" and nickName eq \"NULL\"",
                    filter(USER, "employeeNumber eq 007 and title eq True and nickName eq NULL"));
        }

        @Test
        void backslashesInAnUnquotedValueAreEscaped() {
            assertEquals("externalId eq \"CONTOSO\\\\jyoung\"", filter(USER, "externalId eq CONTOSO\\jyoung"));
        }

        @Test
        void keywordsInAnyCase() {
            assertEquals("userName EQ \"jyoung\" AND active Eq true", filter(USER, "userName EQ jyoung AND active Eq \"True\""));
        }
    }

    @Nested
    class StringBooleanComparisons {

        @Test
        void booleanAttributesCompareWithJsonBooleans() {
            assertEquals("active eq true", filter(USER, "active eq \"True\""));
            assertEquals("active ne false", filter(USER, "active ne \"FALSE\""));
            assertEquals("active eq true", filter(USER, "active eq True"));
            assertEquals("emails.primary eq false", filter(USER, "emails.primary eq \"false\""));
            assertEquals("urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:directoryVisible eq true",
                    filter(USER, "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:directoryVisible eq \"True\""));
        }

        @Test
        void entraSingleRoleFilterResolvesRolesPrimary() {
            assertEquals("roles[primary eq true]", filter(USER, "roles[primary eq \"True\"]"));
            assertEquals("emails[type eq \"work\" and primary eq true]", filter(USER, "emails[type eq \"work\" and primary eq \"True\"]"));
        }

        @Test
        void otherAttributesOtherStringsAndOtherKindsAreLeftAlone() {
            assertEquals("title eq \"True\"", filter(USER, "title eq \"True\""));
            assertEquals("active eq \"yes\"", filter(USER, "active eq \"yes\""));
            assertEquals("roles[value eq \"True\"]", filter(USER, "roles[value eq \"True\"]"));
            assertEquals("active eq \"True\"", filter(GROUP, "active eq \"True\""));
            assertEquals("active gt \"True\"", filter(USER, "active gt \"True\""));
        }
    }

    @Nested
    class AlreadyStrictAndMalformed {

        @ParameterizedTest
        @ValueSource(strings = {
                IdpRequests.ENTRA_FILTER_USER_NAME,
                IdpRequests.ENTRA_FILTER_GROUP_DISPLAY_NAME,
                IdpRequests.OKTA_FILTER_USER_NAME,
                "userName eq \"non-existent user\"",
                "members[$ref eq null and value eq \"f648f8d5ea4e4cd38e9c\"]",
                "userName eq \"a\\\"b\" and not (title eq \"x y\")",
        })
        void strictFiltersComeBackUnchanged(String strict) {
            assertEquals(strict, filter(USER, strict));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "userName eq \"unterminated",
                "userName eq \"ends in escape\\",
                "emails[type eq \"work\"",
                "emails[type eq \"work\"]].value eq \"x\"",
                "displayName eq John Smith",
                "userName eq",
                "",
                "   ",
                "((((",
                "]].x eq",
        })
        void malformedFiltersPassThroughWithoutThrowing(String malformed) {
            String normalised = DIALECT.normaliseFilter(USER, malformed);
            if (!malformed.contains("John")) {
                assertEquals(malformed, normalised);
            }
        }

        @Test
        void aNullFilterIsNull() {
            assertNull(DIALECT.normaliseFilter(USER, null));
        }
    }
}
