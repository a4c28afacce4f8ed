package dev.patchbay.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Admin answers are JSON for programs: never sniffed, cached, framed or referred; console pages likewise,
 * with a Content-Security-Policy that allows the console's own scripts, styles and forms only (no inline
 * script or style, nothing from elsewhere); HSTS when the request
 * came over TLS (directly, or through a proxy Quarkus trusts, see {@code quarkus.http.proxy.*}). SCIM and
 * token answers are not cached or sniffed either.
 */
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000";
    static final String CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ServerResponseFilter
    public void add(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        boolean admin = path.startsWith("/admin/");
        boolean console = path.equals("/console") || path.startsWith("/console/");
        if (!admin && !console && !path.startsWith("/scim/") && !path.startsWith("/oauth2/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Cache-Control", "no-store");
        if (admin) {
            headers.putSingle("X-Frame-Options", "DENY");
            headers.putSingle("Content-Security-Policy", "default-src 'none'");
            headers.putSingle("Referrer-Policy", "no-referrer");
        }
        if (console) {
            headers.putSingle("X-Frame-Options", "DENY");
            headers.putSingle("Content-Security-Policy", CONSOLE_CSP);
            headers.putSingle("Referrer-Policy", "same-origin");
        }
        if (http.isSSL() || "https".equalsIgnoreCase(http.scheme())) {
            headers.putSingle("Strict-Transport-Security", HSTS);
        }
    }
}
