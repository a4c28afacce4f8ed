package dev.patchbay.sandbox.five9;

import dev.patchbay.sandbox.kit.BasicAuthorization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
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
        return BasicAuthorization.parse(headers.getHeaderString(HttpHeaders.AUTHORIZATION))
                .filter(basic -> settings.accepts(basic.user(), basic.password())).map(BasicAuthorization::user);
    }
}
