package dev.patchbay.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Admins who sign in at an OIDC provider. Their access token is checked by quarkus-oidc against the
 * {@value #TENANT} tenant ({@code quarkus.oidc.patchbay-admin.*}, filled from {@code patchbay.admin.oidc.*}),
 * which maps the role claim to the identity's roles. The tenant is asked directly, from the admin filter,
 * so that quarkus-oidc never authenticates any other request.
 */
@ApplicationScoped
public class AdminOidc {

    public static final String TENANT = "patchbay-admin";
    /** From the strongest role down. */
    public static final List<String> ROLES = List.of("admin", "operator", "viewer");

    private static final Logger LOG = Logger.getLogger(AdminOidc.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** {@code role} is null when the token carries none of {@link #ROLES}. */
    public record AdminIdentity(String subject, String role) {
    }

    private final boolean enabled;
    private final TenantIdentityProvider tenant;

    public AdminOidc(@ConfigProperty(name = "patchbay.admin.oidc.enabled", defaultValue = "false") boolean enabled,
            @Tenant(TENANT) TenantIdentityProvider tenant) {
        this.enabled = enabled;
        this.tenant = tenant;
    }

    public Optional<AdminIdentity> authenticate(String token) {
        if (!enabled) {
            return Optional.empty();
        }
        SecurityIdentity identity;
        try {
            identity = tenant.authenticate(new AccessTokenCredential(token)).await().atMost(TIMEOUT);
        } catch (AuthenticationFailedException e) {
            LOG.debugf("Admin token rejected: %s", e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("Admin token could not be checked: %s", e.toString());
            return Optional.empty();
        }
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        String role = ROLES.stream().filter(identity::hasRole).findFirst().orElse(null);
        return Optional.of(new AdminIdentity("oidc:" + subject(identity), role));
    }

    private static String subject(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : new String[] {"preferred_username", "email", "sub"}) {
                Object value = jwt.getClaim(claim);
                if (value != null) {
                    return String.valueOf(value).replaceAll("^\"|\"$", "");
                }
            }
        }
        return identity.getPrincipal().getName();
    }
}
