package dev.patchbay.sandbox.five9;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code userNamePattern}-style argument: a regular expression; absent or empty matches everything.
 * [INFERRED] It matches where it is found in the name (unanchored), so clients anchor and escape it.
 */
final class NamePattern {

    private final Pattern pattern;

    private NamePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    static NamePattern of(String regex) {
        if (regex == null || regex.isEmpty()) {
            return new NamePattern(null);
        }
        try {
            return new NamePattern(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw Five9Fault.of("InvalidRegexpPatternFault", "Invalid regular expression: " + e.getDescription())
                    .with("pattern", regex);
        }
    }

    boolean matches(String name) {
        return pattern == null || pattern.matcher(name).find();
    }
}
