package dev.patchbay.security;

import dev.patchbay.security.jwt.Claims;
import dev.patchbay.security.jwt.ExternalJwtVerifier;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;

/**
 * Admins who sign in at an OIDC provider: their access token is checked against the provider's JWKS and
 * their role read from a claim. Off unless {@code patchbay.admin.oidc.issuer} is set.
 */
@ApplicationScoped
public class AdminOidc {

    /** From the strongest role down. */
    public static final List<String> ROLES = List.of("admin", "operator", "viewer");

    @ConfigMapping(prefix = "patchbay.admin.oidc")
    public interface Settings {
        Optional<String> issuer();

        /** The {@code aud} admin tokens must carry; unset = not checked. */
        Optional<String> audience();

        /** Unset = the {@code jwks_uri} of the issuer's discovery document. */
        Optional<String> jwksUrl();

        /** The claim, or dotted path such as {@code realm_access.roles}, that lists the admin's roles. */
        @WithDefault("roles")
        String rolesClaim();
    }

    /** {@code role} is null when the token carries none of {@link #ROLES}. */
    public record AdminIdentity(String subject, String role) {
    }

    private final Settings settings;
    private final ExternalJwtVerifier verifier;

    public AdminOidc(Settings settings, ExternalJwtVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
    }

    public boolean enabled() {
        return settings.issuer().filter(issuer -> !issuer.isBlank()).isPresent();
    }

    public Optional<AdminIdentity> authenticate(String token) {
        if (!enabled()) {
            return Optional.empty();
        }
        return verifier.verify(token, new ExternalJwtVerifier.Expectations(settings.issuer().get(),
                        settings.audience().orElse(null), settings.jwksUrl().orElse(null), Map.of()))
                .map(claims -> new AdminIdentity("oidc:" + subject(claims), strongestRole(claims)));
    }

    private String strongestRole(JwtClaims claims) {
        Object value = Claims.at(claims.getClaimsMap(), settings.rolesClaim());
        Collection<?> granted = value instanceof Collection<?> list ? list : value == null ? List.of() : List.of(value);
        return ROLES.stream().filter(role -> granted.stream().anyMatch(g -> role.equals(String.valueOf(g))))
                .findFirst().orElse(null);
    }

    private static String subject(JwtClaims claims) {
        for (String name : new String[] {"preferred_username", "email", "sub"}) {
            Object value = claims.getClaimValue(name);
            if (value != null) {
                return String.valueOf(value);
            }
        }
        return "unknown";
    }
}
