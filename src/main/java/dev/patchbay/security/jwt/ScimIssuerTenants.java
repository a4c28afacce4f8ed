package dev.patchbay.security.jwt;

import dev.patchbay.security.Secrets;
import dev.patchbay.store.ScimTrustedIssuer;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * quarkus-oidc multi-tenancy for the SCIM API: a JWT on {@code /scim/v2/{connection}} whose {@code iss}
 * is a trusted issuer of that connection is checked by an OIDC tenant built from that issuer's settings
 * (JWKS from discovery or the configured URL, iss, aud, required claims). Every other request gets no
 * tenant from here. quarkus-oidc caches each tenant's JWKS and refreshes it when a token names an unknown key.
 */
@ApplicationScoped
public class ScimIssuerTenants implements TenantConfigResolver {

    private static final String TENANT_PREFIX = "scim-issuer-";
    private static final Pattern SCIM_PATH = Pattern.compile("^/scim/v2/([^/]+)(/.*)?$");

    private final TrustedIssuerService trustedIssuers;

    public ScimIssuerTenants(TrustedIssuerService trustedIssuers) {
        this.trustedIssuers = trustedIssuers;
    }

    public static String tenantId(ScimTrustedIssuer issuer) {
        return TENANT_PREFIX + issuer.id;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        Matcher scim = SCIM_PATH.matcher(context.normalizedPath());
        Optional<String> issuer = Secrets.bearerToken(context.request().getHeader("Authorization"))
                .flatMap(TrustedIssuerService::unverifiedIssuer);
        if (!scim.matches() || issuer.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String connectionId = scim.group(1);
        return requestContext.runBlocking(() -> trustedIssuers.find(connectionId, issuer.get())
                .map(ScimIssuerTenants::tenantConfig)
                .orElse(null));
    }

    private static OidcTenantConfig tenantConfig(ScimTrustedIssuer trusted) {
        var builder = OidcTenantConfig.authServerUrl(withoutTrailingSlash(trusted.issuer))
                .tenantId(tenantId(trusted))
                .applicationType(ApplicationType.SERVICE);
        if (trusted.jwksUrl != null) {
            builder.discoveryEnabled(false).jwksPath(trusted.jwksUrl);
        }
        var token = builder.token().issuer(trusted.issuer).audience(trusted.audience);
        if (!trusted.requiredClaims.isEmpty()) {
            token.requiredClaims(trusted.requiredClaims);
        }
        return token.end().build();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
