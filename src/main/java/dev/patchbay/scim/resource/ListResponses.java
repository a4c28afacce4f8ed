package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.ListResponse;
import java.util.List;

final class ListResponses {

    private ListResponses() {
    }

    /** Index paging echoes startIndex; cursor paging (RFC 9865) adds nextCursor and previousCursor. */
    static ListResponse<ObjectNode> of(ListRequest request, List<ObjectNode> resources, long total) {
        if (request.cursor() == null) {
            return ListResponse.of(resources, total, request.startIndex());
        }
        int offset = request.offset();
        String next = offset + resources.size() < total && request.count() > 0
                ? ListRequest.cursorAt(offset + resources.size()) : null;
        String previous = offset > 0 ? ListRequest.cursorAt(Math.max(0, offset - request.count())) : null;
        return ListResponse.withCursors(resources, total, next, previous);
    }
}
