package dev.patchbay.provisioning;

import java.util.Locale;

/**
 * The keys a user's emails are indexed by ({@code scim_user.email_keys}, a GIN index): {@code type:value} for
 * a typed email and {@code *:value} for every email, both lower-cased. Every lookup by email names them so.
 */
public final class EmailKeys {

    private static final String ANY_TYPE = "*";

    private EmailKeys() {
    }

    /** The key of an email of any type. */
    public static String anyType(String value) {
        return key(ANY_TYPE, value);
    }

    /** The key of an email of this type; {@code null} for any type. */
    public static String key(String type, String value) {
        return (type == null ? ANY_TYPE : type.toLowerCase(Locale.ROOT)) + ":" + value.toLowerCase(Locale.ROOT);
    }
}
