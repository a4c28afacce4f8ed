package dev.patchbay.scim.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The RFC 7644 §3.12 error body; {@code status} is a string there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimError(List<String> schemas, String status, String scimType, String detail) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String MEDIA_TYPE = "application/scim+json";

    public static ScimError of(int status, String scimType, String detail) {
        return new ScimError(List.of(SCHEMA), Integer.toString(status), scimType, detail);
    }

    public static Response response(int status, String scimType, String detail) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MEDIA_TYPE)
                .entity(of(status, scimType, detail));
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"patchbay-scim\"");
        }
        return builder.build();
    }
}
