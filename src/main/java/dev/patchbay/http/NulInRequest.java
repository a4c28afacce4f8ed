package dev.patchbay.http;

import dev.patchbay.scim.error.ScimError;
import dev.patchbay.web.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A NUL character (%00) in a request's path or query parameters can match nothing PostgreSQL stores and
 * makes it fail the query: such requests are refused up front, after authentication like {@link ContentTypes}.
 */
public class NulInRequest {

    @ServerRequestFilter(priority = ContentTypes.PRIORITY - 1)
    public Optional<Response> check(ContainerRequestContext request, UriInfo uriInfo) {
        String path = uriInfo.getPath();
        boolean scim = path.startsWith("/scim/");
        if (!scim && !path.startsWith("/admin/")) {
            return Optional.empty();
        }
        if (path.indexOf('\0') >= 0) {
            return Optional.of(refuse(scim, "invalidValue", "The request path contains a NUL character (%00)"));
        }
        for (Map.Entry<String, List<String>> parameter : uriInfo.getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                String scimType = parameter.getKey().equals("filter") ? "invalidFilter" : "invalidValue";
                return Optional.of(refuse(scim, scimType,
                        "The query parameter '" + parameter.getKey().replace('\0', '?') + "' contains a NUL character (%00)"));
            }
        }
        return Optional.empty();
    }

    private static Response refuse(boolean scim, String scimType, String message) {
        return scim ? ScimError.response(400, scimType, message) : ApiError.response(400, "invalid_request", message);
    }
}
