package dev.patchbay.http;

import dev.patchbay.scim.error.ScimError;
import dev.patchbay.web.ApiError;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes with a body must say what it is: SCIM writes {@code application/scim+json} or
 * {@code application/json}, admin writes {@code application/json}; anything else (or nothing) is 415.
 * After authentication, so that an unauthenticated caller learns nothing but 401.
 */
public class ContentTypes {

    static final int PRIORITY = Priorities.USER + 200;
    private static final Set<String> SCIM = Set.of("application/scim+json", "application/json");
    private static final Set<String> ADMIN = Set.of("application/json");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(priority = PRIORITY)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean scim = path.startsWith("/scim/");
        if (!(scim || path.startsWith("/admin/")) || !WRITES.contains(request.getMethod()) || !hasBody(request)) {
            return Optional.empty();
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String bare = bare(type);
        if ((scim ? SCIM : ADMIN).contains(bare)) {
            return Optional.empty();
        }
        String message = (type == null || type.isBlank() ? "The request has no Content-Type" : "Unsupported content type "
                + type) + "; send " + String.join(" or ", scim ? SCIM.stream().sorted().toList() : ADMIN.stream().toList());
        return Optional.of(scim ? ScimError.response(415, null, message) : ApiError.response(415, "unsupported_media_type", message));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }

    private static String bare(String type) {
        if (type == null) {
            return "";
        }
        try {
            MediaType media = MediaType.valueOf(type);
            return (media.getType() + "/" + media.getSubtype()).toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
