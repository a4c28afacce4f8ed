package dev.patchbay.scim.resource;

import dev.patchbay.scim.error.ScimException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Paging, sorting and projection of a list or search (RFC 7644 §3.4.2, cursors per RFC 9865).
 * {@code cursor} is null for index paging; an empty cursor asks for the first page.
 */
record ListRequest(String filter, int startIndex, int count, String sortBy, boolean descending,
        String attributes, String excludedAttributes, String cursor) {

    static ListRequest of(String filter, String startIndex, String count, String sortBy, String sortOrder,
            String attributes, String excludedAttributes, String cursor, int maxResults) {
        if (cursor != null && startIndex != null) {
            throw new ScimException(400, "invalidValue", "Use either 'cursor' or 'startIndex', not both");
        }
        int start = Math.max(1, integer("startIndex", startIndex, 1));
        int size = Math.max(0, integer("count", count, maxResults));
        if (size > maxResults) {
            throw new ScimException(400, "tooMany",
                    "count " + size + " is above the most this server returns at once (" + maxResults + ")");
        }
        return new ListRequest(filter, start, size, blankToNull(sortBy), descending(sortOrder),
                attributes, excludedAttributes, cursor);
    }

    /** The same request for another window of results (index paging). */
    ListRequest window(int offset, int size) {
        return new ListRequest(filter, offset + 1, size, sortBy, descending, attributes, excludedAttributes, null);
    }

    /** The zero-based offset of the first result. */
    int offset() {
        if (cursor == null || cursor.isEmpty()) {
            return cursor == null ? startIndex - 1 : 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("o:")) {
                int offset = Integer.parseInt(decoded.substring(2));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // not a cursor this server issued
        }
        throw new ScimException(400, "invalidCursor", "The cursor '" + cursor + "' is not valid");
    }

    /** RFC 9865 asks for the first page with a bare {@code ?cursor}, which JAX-RS reports as absent. */
    static String cursorParameter(String cursor, jakarta.ws.rs.core.UriInfo uriInfo) {
        if (cursor == null && uriInfo.getQueryParameters().containsKey("cursor")) {
            return "";
        }
        return cursor;
    }

    static String cursorAt(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("descending")) {
            return true;
        }
        throw new ScimException(400, "invalidValue", "sortOrder must be 'ascending' or 'descending'");
    }

    private static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ScimException(400, "invalidValue", name + " must be an integer, got '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
