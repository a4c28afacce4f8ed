package dev.patchbay.scim.resource;

import dev.patchbay.scim.error.ScimException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** If-Match and If-None-Match with the weak ETags {@code W/"<version>"}. */
final class Preconditions {

    private static final Pattern ETAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private Preconditions() {
    }

    /** The version an If-Match header requires; empty for no header or {@code *}. */
    static Optional<Long> requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher matcher = ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            // An ETag we never issued cannot match the current version.
            throw new ScimException(412, null, "If-Match " + ifMatch + " does not match the resource's version");
        }
        return Optional.of(Long.parseLong(matcher.group(1)));
    }

    /** Whether If-None-Match names the current version (or is {@code *}): then the answer is 304. */
    static boolean notModified(String ifNoneMatch, long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            if (tag.strip().equals("*")) {
                return true;
            }
            Matcher matcher = ETAG.matcher(tag);
            if (matcher.matches() && Long.parseLong(matcher.group(1)) == version) {
                return true;
            }
        }
        return false;
    }
}
