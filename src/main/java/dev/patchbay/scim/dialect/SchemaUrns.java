package dev.patchbay.scim.dialect;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Schema URNs the dialect knows by name, and how to tell a schema URN
 * ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}) from an attribute URN
 * ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}).
 */
final class SchemaUrns {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String ENTERPRISE_MANAGER = ENTERPRISE_USER + ":manager";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private SchemaUrns() {
    }

    static String coreSchema(ResourceKind kind) {
        return kind == ResourceKind.GROUP ? CORE_GROUP : CORE_USER;
    }

    static boolean isUrn(String name) {
        return name != null && name.regionMatches(true, 0, "urn:", 0, 4);
    }

    /** A URN ending in {@code :<version>:<ResourceName>}, as every SCIM schema URN does. */
    static boolean isSchemaUrn(String name) {
        return versionPosition(name) == 2;
    }

    /** A schema URN followed by {@code :} and an attribute name (which may carry {@code .subAttribute}). */
    static boolean isAttributeUrn(String name) {
        return versionPosition(name) == 3;
    }

    static boolean sameUrn(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    /** Counted from the end, which colon-separated segment is a version such as {@code 2.0}; 0 if none. */
    private static int versionPosition(String name) {
        if (!isUrn(name)) {
            return 0;
        }
        String[] segments = name.split(":", -1);
        for (int fromEnd = 2; fromEnd <= 3 && fromEnd < segments.length; fromEnd++) {
            if (VERSION.matcher(segments[segments.length - fromEnd]).matches()) {
                return fromEnd;
            }
        }
        return 0;
    }
}
