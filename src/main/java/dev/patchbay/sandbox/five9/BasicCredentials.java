package dev.patchbay.sandbox.five9;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** HTTP Basic on every request, with one of the domain's Web Services admin users. */
@ApplicationScoped
public class BasicCredentials {

    static final String CHALLENGE = "Basic realm=\"ApplicationRealm\"";

    private final Five9Settings settings;

    public BasicCredentials(Five9Settings settings) {
        this.settings = settings;
    }

    /** The admin user the request authenticates as, if its credentials are right. */
    Optional<String> adminUser(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || !settings.accepts(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            return Optional.empty();
        }
        return Optional.of(decoded.substring(0, colon));
    }
}
