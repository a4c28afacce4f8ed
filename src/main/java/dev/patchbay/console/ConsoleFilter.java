package dev.patchbay.console;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Console pages need a session; without one the browser is sent to the sign-in form. */
public class ConsoleFilter {

    static final String COOKIE = "patchbay_console";
    static final String SIGN_IN = "/console/sign-in";

    /** Reached without a session: the sign-in form and the provider's way in and back. */
    private static final Set<String> OPEN = Set.of(SIGN_IN, OidcSignInResource.START, OidcSignInResource.CALLBACK);

    private final ConsoleSessions sessions;
    private final ConsoleCaller caller;
    private final OidcSessionCheck oidcCheck;

    public ConsoleFilter(ConsoleSessions sessions, ConsoleCaller caller, OidcSessionCheck oidcCheck) {
        this.sessions = sessions;
        this.caller = caller;
        this.oidcCheck = oidcCheck;
    }

    @ServerRequestFilter
    public Optional<Response> requireSession(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/console") && !path.startsWith("/console/") || OPEN.contains(path)) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String id = cookie == null ? null : cookie.getValue();
        Optional<ConsoleSession> found = sessions.find(id);
        Optional<ConsoleSession> session = found.flatMap(open -> oidcCheck.confirm(id, open, http));
        if (session.isEmpty()) {
            String reason = found.isPresent() ? "?ended=" + SignInResource.ENDED_BY_PROVIDER : "";
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                return Optional.of(Response.seeOther(URI.create(SIGN_IN + reason)).build());
            }
            return Optional.of(ConsoleErrors.page(401, found.isPresent()
                    ? "Your session ended: the identity provider no longer confirms your admin role."
                    : "You are not signed in (or your session ended)."));
        }
        caller.signedIn(id, session.get());
        return Optional.empty();
    }
}
