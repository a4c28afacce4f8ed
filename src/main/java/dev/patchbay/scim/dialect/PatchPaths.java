package dev.patchbay.scim.dialect;

/**
 * Reading PATCH {@code path} strings ({@code attrPath} or {@code valuePath [ "." subAttr ]}, RFC 7644 §3.5.2)
 * without a full parser: brackets are matched outside quoted strings, {@code \"} escapes honoured.
 */
final class PatchPaths {

    private PatchPaths() {
    }

    /** Index of the first {@code [}, or -1. Attribute names hold no quotes, so no quote can come before it. */
    static int openingBracket(String path) {
        return path.indexOf('[');
    }

    /** Index of the {@code ]} closing the {@code [} at {@code open}, or -1 when it is missing. */
    static int closingBracket(String path, int open) {
        boolean inString = false;
        for (int i = open + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The attribute a path targets, with its value filter left out: {@code emails[type eq "work"].primary} is
     * {@code emails.primary}, {@code emails[type eq "work"]} is {@code emails}. A path whose bracket is not closed
     * is returned as it is.
     */
    static String attributePath(String path) {
        int open = openingBracket(path);
        if (open < 0) {
            return path;
        }
        int close = closingBracket(path, open);
        if (close < 0) {
            return path;
        }
        return path.substring(0, open) + path.substring(close + 1);
    }
}
