package dev.patchbay.console.oidc;

import dev.patchbay.security.Secrets;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks an ID token with quarkus-oidc's {@value #TENANT} tenant (the provider's keys and issuer, audience =
 * the console's client id, not expired) and then its nonce against the sign-in that asked for it.
 */
@ApplicationScoped
public class IdTokens {

    public static final String TENANT = "patchbay-console";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final TenantIdentityProvider tenant;

    public IdTokens(@Tenant(TENANT) TenantIdentityProvider tenant) {
        this.tenant = tenant;
    }

    public void check(String idToken, String expectedNonce) {
        SecurityIdentity identity;
        try {
            identity = tenant.authenticate(new AccessTokenCredential(idToken)).await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            throw new ProviderRefusal("The identity provider's ID token is not valid for this console.");
        }
        Object nonce = identity != null && identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("nonce")
                : null;
        String value = nonce == null ? null : String.valueOf(nonce).replaceAll("^\"|\"$", "");
        if (value == null || !Secrets.constantTimeEquals(expectedNonce, value)) {
            throw new ProviderRefusal("The ID token was not issued for this sign-in (its nonce does not match).");
        }
    }
}
