package dev.patchbay.scim.resource;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** The query parameters of a list request (RFC 7644 §3.4.2 and RFC 9865), read as text and checked later. */
public class ListParameters {

    @QueryParam("filter")
    String filter;

    @QueryParam("startIndex")
    String startIndex;

    @QueryParam("count")
    String count;

    @QueryParam("sortBy")
    String sortBy;

    @QueryParam("sortOrder")
    String sortOrder;

    @QueryParam("attributes")
    String attributes;

    @QueryParam("excludedAttributes")
    String excludedAttributes;

    @QueryParam("cursor")
    String cursor;

    @Context
    UriInfo uriInfo;

    ListRequest toRequest(int maxResults) {
        return ListRequest.of(filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes,
                ListRequest.cursorParameter(cursor, uriInfo), maxResults);
    }
}
