package dev.patchbay.security;

import dev.patchbay.security.CredentialCache.Verified;
import dev.patchbay.security.Secrets.BasicCredentials;
import dev.patchbay.security.basic.BasicCredentialService;
import dev.patchbay.security.jwt.TrustedIssuerService;
import dev.patchbay.security.oauth.AccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks the {@code Authorization} header of a SCIM request against every kind of credential a
 * connection may have: static bearer tokens, Patchbay's OAuth access tokens, JWTs of a trusted external
 * issuer and HTTP Basic. Any combination may be in use at once. Verified credentials are kept for a
 * short time in the {@link CredentialCache}.
 */
@ApplicationScoped
public class ScimAuthenticator {

    /** The stored credential that authenticated (null for an external JWT) and how to name it in logs and audit. */
    public record ScimIdentity(UUID credentialId, String principal) {
    }

    private final ScimTokenService staticTokens;
    private final AccessTokens accessTokens;
    private final TrustedIssuerService trustedIssuers;
    private final BasicCredentialService basicCredentials;
    private final CredentialCache cache;

    public ScimAuthenticator(ScimTokenService staticTokens, AccessTokens accessTokens,
            TrustedIssuerService trustedIssuers, BasicCredentialService basicCredentials, CredentialCache cache) {
        this.cache = cache;
        this.staticTokens = staticTokens;
        this.accessTokens = accessTokens;
        this.trustedIssuers = trustedIssuers;
        this.basicCredentials = basicCredentials;
    }

    public Optional<ScimIdentity> authenticate(String connectionId, String authorizationHeader) {
        if (connectionId == null || authorizationHeader == null) {
            return Optional.empty();
        }
        return cache.lookup(connectionId, authorizationHeader, () -> verify(connectionId, authorizationHeader));
    }

    private Optional<Verified> verify(String connectionId, String authorizationHeader) {
        Optional<BasicCredentials> basic = Secrets.basicCredentials(authorizationHeader);
        if (basic.isPresent() && basic.get().username().indexOf('\0') >= 0) {
            return Optional.empty(); // no stored username holds a NUL, and PostgreSQL text cannot compare one
        }
        if (basic.isPresent()) {
            return basicCredentials.authenticate(connectionId, basic.get().username(), basic.get().password())
                    .map(credential -> new Verified(new ScimIdentity(credential.id, "basic:" + credential.username),
                            null));
        }
        Optional<String> bearer = Secrets.bearerToken(authorizationHeader);
        if (bearer.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> jwtIssuer = TrustedIssuerService.unverifiedIssuer(bearer.get());
        if (jwtIssuer.isEmpty()) {
            return staticTokens.authenticateToken(connectionId, bearer.get())
                    .map(token -> new Verified(new ScimIdentity(token.id, "token:" + token.id), token.expiresAt));
        }
        if (jwtIssuer.get().indexOf('\0') >= 0) {
            return Optional.empty();
        }
        if (accessTokens.isOurs(jwtIssuer.get())) {
            return accessTokens.authenticate(connectionId, bearer.get())
                    .map(client -> new Verified(new ScimIdentity(client.id, "oauth-client:" + client.clientId),
                            TrustedIssuerService.unverifiedExpiry(bearer.get()).orElse(Instant.EPOCH)));
        }
        return trustedIssuers.authenticate(connectionId, jwtIssuer.get())
                .map(verified -> new Verified(new ScimIdentity(null,
                        "jwt:" + verified.issuer().issuer + "#" + application(verified.token())),
                        Instant.ofEpochSecond(verified.token().getExpirationTime())));
    }

    /** Entra names the calling application in {@code appid} (v1 tokens) or {@code azp} (v2); others only in {@code sub}. */
    private static String application(JsonWebToken token) {
        for (String name : new String[] {"appid", "azp", "client_id", "sub"}) {
            Object value = token.getClaim(name);
            if (value != null) {
                return String.valueOf(value).replaceAll("^\"|\"$", "");
            }
        }
        return "unknown";
    }
}
