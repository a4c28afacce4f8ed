package dev.patchbay.http;

import dev.patchbay.security.Secrets;
import dev.patchbay.security.jwt.TrustedIssuerService;
import dev.patchbay.security.oauth.AccessTokens;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;

/**
 * Quarkus REST with Micrometer builds a whole request mapper on every request whose routing context holds
 * Quarkus' default authentication-failure handler, to name the URI template in case Quarkus' own HTTP
 * authentication fails before a resource is matched: about 8% of the gateway's CPU on a SCIM create
 * (measured with JFR). SCIM tokens and Basic credentials are checked inside the resource chain, after the
 * template is known, so for those requests the default handler is replaced before Quarkus REST sees it by the
 * one Quarkus REST would have put in its place. A trusted issuer's JWT is checked by quarkus-oidc, whose refusal
 * needs Quarkus' own handling to reach the SCIM 401: those requests keep it. Patchbay's own OAuth access tokens
 * are JWTs too, but checked by Patchbay.
 */
@ApplicationScoped
public class ScimRequestsSkipQuarkusAuthFailures {

    /**
     * The priority of Quarkus' authentication filter, which puts the default handler in place: a filter of the
     * same priority registered here runs after it and before Quarkus REST's own (199).
     */
    private static final int AUTHENTICATION = 200;

    /** What Quarkus REST's own replacement does: the failure goes on to its exception mappers (the SCIM 401). */
    private static final BiConsumer<RoutingContext, Throwable> INTO_THE_RESOURCE_CHAIN = (context, failure) -> {
        HttpSecurityRecorder.DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) {
            context.fail(HttpSecurityRecorder.DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    private final AccessTokens accessTokens;

    public ScimRequestsSkipQuarkusAuthFailures(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    void register(@Observes Filters filters) {
        filters.register(this::wrap, AUTHENTICATION);
    }

    private void wrap(RoutingContext context) {
        String path = context.normalizedPath();
        Object handler = context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        if (path.startsWith("/scim/") && handler instanceof HttpSecurityRecorder.DefaultAuthFailureHandler
                && !carriesExternalJwt(context)) {
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, INTO_THE_RESOURCE_CHAIN);
        }
        context.next();
    }

    /** A bearer JWT that some issuer other than Patchbay signed: quarkus-oidc checks it for a trusted issuer. */
    private boolean carriesExternalJwt(RoutingContext context) {
        return Secrets.bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .flatMap(TrustedIssuerService::unverifiedIssuer)
                .filter(issuer -> !accessTokens.isOurs(issuer))
                .isPresent();
    }
}
