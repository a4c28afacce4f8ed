package dev.patchbay.scim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** RFC 7644 §3.4.2 list response; with cursor paging (RFC 9865) the cursors replace startIndex. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemas", "totalResults", "startIndex", "itemsPerPage", "previousCursor", "nextCursor",
        "Resources"})
public record ListResponse<T>(
        List<String> schemas,
        long totalResults,
        Integer startIndex,
        int itemsPerPage,
        String previousCursor,
        String nextCursor,
        @JsonProperty("Resources") List<T> resources) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    public static <T> ListResponse<T> of(List<T> resources, long totalResults, int startIndex) {
        return new ListResponse<>(List.of(SCHEMA), totalResults, startIndex, resources.size(), null, null, resources);
    }

    public static <T> ListResponse<T> withCursors(List<T> resources, long totalResults, String nextCursor,
            String previousCursor) {
        return new ListResponse<>(List.of(SCHEMA), totalResults, null, resources.size(), previousCursor, nextCursor,
                resources);
    }
}
