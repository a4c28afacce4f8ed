package dev.patchbay.scim.schema;

import dev.patchbay.scim.error.ScimException;
import java.util.Locale;
import java.util.Map;

/**
 * The longest value, in characters, each string attribute accepts. Attributes with an index of their own
 * stay well below what one PostgreSQL index entry holds (2,704 bytes, up to 4 bytes a character); the
 * rest get a generous bound so that no single value costs unbounded storage.
 */
public final class StringLimits {

    /** userName, externalId, displayName (User and Group) and emails.value: each in a btree or GIN index. */
    public static final int INDEXED = 512;
    /** Part of the email index key next to the value. */
    public static final int EMAIL_TYPE = 128;
    public static final int BINARY = 16_384;
    public static final int DEFAULT = 4_096;

    private static final Map<String, Integer> BY_PATH = Map.of(
            "username", INDEXED,
            "externalid", INDEXED,
            "displayname", INDEXED,
            "emails.value", INDEXED,
            "emails.type", EMAIL_TYPE);

    private StringLimits() {
    }

    /** The limit of an attribute path as the validator names it: "userName", "emails.value", "urn:…:manager.value". */
    public static int maxLength(String path, AttributeDefinition.AttributeType type) {
        Integer declared = BY_PATH.get(path.toLowerCase(Locale.ROOT));
        if (declared != null) {
            return declared;
        }
        return type == AttributeDefinition.AttributeType.BINARY ? BINARY : DEFAULT;
    }

    static void check(String path, AttributeDefinition.AttributeType type, String value) {
        int limit = maxLength(path, type);
        if (value.length() > limit) {
            throw new ScimException(400, "invalidValue", "Attribute '" + path + "' is " + value.length()
                    + " characters long; at most " + limit + " are accepted");
        }
    }
}
