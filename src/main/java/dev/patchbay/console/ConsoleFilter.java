package dev.patchbay.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Console pages need a session; without one the browser is sent to the sign-in form. */
public class ConsoleFilter {

    static final String COOKIE = "patchbay_console";
    static final String SIGN_IN = "/console/sign-in";

    private final ConsoleSessions sessions;
    private final ConsoleCaller caller;

    public ConsoleFilter(ConsoleSessions sessions, ConsoleCaller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> requireSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/console") && !path.startsWith("/console/") || path.equals(SIGN_IN)) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String id = cookie == null ? null : cookie.getValue();
        Optional<ConsoleSession> session = sessions.find(id);
        if (session.isEmpty()) {
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                return Optional.of(Response.seeOther(URI.create(SIGN_IN)).build());
            }
            return Optional.of(ConsoleErrors.page(401, "You are not signed in (or your session ended)."));
        }
        caller.signedIn(id, session.get());
        return Optional.empty();
    }
}
