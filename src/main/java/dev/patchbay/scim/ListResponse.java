package dev.patchbay.scim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** RFC 7644 §3.4.2 list response. */
public record ListResponse<T>(
        List<String> schemas,
        long totalResults,
        int startIndex,
        int itemsPerPage,
        @JsonProperty("Resources") List<T> resources) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    public static <T> ListResponse<T> of(List<T> resources, long totalResults, int startIndex) {
        return new ListResponse<>(List.of(SCHEMA), totalResults, startIndex, resources.size(), resources);
    }
}
