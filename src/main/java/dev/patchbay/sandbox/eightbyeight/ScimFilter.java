package dev.patchbay.sandbox.eightbyeight;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SCIM filters the sandbox understands: {@code userName eq "…"} (case-insensitive, as userName is
 * not caseExact) and {@code externalId eq "…"} (exact). Anything else is an {@code invalidFilter}.
 */
final class ScimFilter {

    static final String SUPPORTED = "Only 'userName eq \"…\"' and 'externalId eq \"…\"' filters are supported";

    private static final Pattern EQUALS = Pattern.compile(
            "^\\s*([A-Za-z][A-Za-z0-9.:_-]*)\\s+(?i:eq)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

    private ScimFilter() {
    }

    /** @throws IllegalArgumentException with the reason the filter is refused */
    static Predicate<SandboxUser> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return user -> true;
        }
        Matcher matcher = EQUALS.matcher(filter);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(SUPPORTED + ": " + filter);
        }
        String attribute = matcher.group(1);
        String value = matcher.group(2).replaceAll("\\\\(.)", "$1");
        if (attribute.equalsIgnoreCase("userName")
                || attribute.equalsIgnoreCase(ScimUserInput.CORE_SCHEMA + ":userName")) {
            return user -> user.userName.equalsIgnoreCase(value);
        }
        if (attribute.equalsIgnoreCase("externalId")) {
            return user -> Objects.equals(user.externalId, value);
        }
        throw new IllegalArgumentException(SUPPORTED + ": " + filter);
    }
}
