package dev.patchbay.security.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * The signing keys of external issuers: the JWKS URL from the issuer's discovery document unless one is
 * configured, and the JWKS itself, both cached. jose4j refetches a JWKS when a token names an unknown
 * {@code kid}, so an issuer's key rotation needs nothing from us.
 */
@ApplicationScoped
public class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConcurrentMap<String, String> jwksUrlByIssuer = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, VerificationKeyResolver> resolverByJwksUrl = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public IssuerKeys(ObjectMapper json) {
        this.json = json;
    }

    /** Empty when the JWKS URL is not configured and the issuer's discovery document cannot be read. */
    public Optional<VerificationKeyResolver> resolver(String issuer, String configuredJwksUrl) {
        Optional<String> jwksUrl = configuredJwksUrl != null ? Optional.of(configuredJwksUrl) : discoveredJwksUrl(issuer);
        return jwksUrl.map(url -> resolverByJwksUrl.computeIfAbsent(url, IssuerKeys::newResolver));
    }

    private static VerificationKeyResolver newResolver(String jwksUrl) {
        HttpsJwks jwks = new HttpsJwks(jwksUrl);
        jwks.setDefaultCacheDuration(3600);
        return new HttpsJwksVerificationKeyResolver(jwks);
    }

    private Optional<String> discoveredJwksUrl(String issuer) {
        String cached = jwksUrlByIssuer.get(issuer);
        if (cached != null) {
            return Optional.of(cached);
        }
        String discovery = stripTrailingSlash(issuer) + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(discovery)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode jwksUri = response.statusCode() == 200 ? json.readTree(response.body()).path("jwks_uri") : null;
            if (jwksUri == null || !jwksUri.isTextual()) {
                LOG.warnf("No jwks_uri in %s (HTTP %d)", discovery, response.statusCode());
                return Optional.empty();
            }
            jwksUrlByIssuer.put(issuer, jwksUri.asText());
            return Optional.of(jwksUri.asText());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Cannot read %s: %s", discovery, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
