package dev.patchbay.sandbox.eightbyeight;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code scrollId}: it carries the filter, sort and position of a scroll, so the next
 * page needs only the scrollId (8x8 refuses filter or sort beside it).
 */
record ScrollCursor(String filter, String sort, int offset, int pageSize) {

    private static final char SEPARATOR = '\n';

    String encode() {
        String raw = offset + String.valueOf(SEPARATOR) + pageSize + SEPARATOR + nullToEmpty(sort) + SEPARATOR
                + nullToEmpty(filter);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the scrollId was not made here */
    static ScrollCursor decode(String scrollId) {
        String raw = new String(Base64.getUrlDecoder().decode(scrollId), StandardCharsets.UTF_8);
        String[] parts = raw.split(String.valueOf(SEPARATOR), 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Invalid scrollId");
        }
        int offset;
        int pageSize;
        try {
            offset = Integer.parseInt(parts[0]);
            pageSize = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid scrollId", e);
        }
        if (offset < 0 || pageSize < 1 || pageSize > AdminApiResource.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Invalid scrollId");
        }
        return new ScrollCursor(emptyToNull(parts[3]), emptyToNull(parts[2]), offset, pageSize);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
