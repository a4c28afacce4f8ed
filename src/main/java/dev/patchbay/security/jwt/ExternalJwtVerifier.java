package dev.patchbay.security.jwt;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/** Checks a JWT of an external issuer: signature against the issuer's JWKS, iss, aud, exp/nbf and required claims. */
@ApplicationScoped
public class ExternalJwtVerifier {

    private static final Logger LOG = Logger.getLogger(ExternalJwtVerifier.class);
    private static final int CLOCK_SKEW_SECONDS = 60;
    private static final AlgorithmConstraints ASYMMETRIC_ONLY = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);

    private final IssuerKeys keys;
    private final Clock clock;

    public ExternalJwtVerifier(IssuerKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The expectations a token must meet; {@code audience} and {@code jwksUrl} may be null. */
    public record Expectations(String issuer, String audience, String jwksUrl, Map<String, String> requiredClaims) {
    }

    /** The token's claims when it meets every expectation; empty otherwise (the reason goes to the debug log). */
    public Optional<JwtClaims> verify(String jwt, Expectations expected) {
        Optional<VerificationKeyResolver> resolver = keys.resolver(expected.issuer(), expected.jwksUrl());
        if (resolver.isEmpty()) {
            return Optional.empty();
        }
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setExpectedIssuer(expected.issuer())
                .setVerificationKeyResolver(resolver.get())
                .setJwsAlgorithmConstraints(ASYMMETRIC_ONLY);
        if (expected.audience() != null) {
            builder.setExpectedAudience(expected.audience());
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        JwtConsumer consumer = builder.build();
        try {
            JwtClaims claims = consumer.processToClaims(jwt);
            return hasRequiredClaims(claims, expected.requiredClaims()) ? Optional.of(claims) : Optional.empty();
        } catch (InvalidJwtException e) {
            LOG.debugf("JWT of %s rejected: %s", expected.issuer(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The {@code iss} of a JWT without checking anything else; empty when it is not a JWT. */
    public static Optional<String> unverifiedIssuer(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(token);
            return Optional.ofNullable(claims.getIssuer());
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private static boolean hasRequiredClaims(JwtClaims claims, Map<String, String> required) {
        if (required == null) {
            return true;
        }
        for (Map.Entry<String, String> claim : required.entrySet()) {
            Object actual = Claims.at(claims.getClaimsMap(), claim.getKey());
            boolean matches = actual instanceof Collection<?> values
                    ? values.stream().anyMatch(value -> claim.getValue().equals(String.valueOf(value)))
                    : actual != null && claim.getValue().equals(String.valueOf(actual));
            if (!matches) {
                LOG.debugf("JWT lacks required claim %s", claim.getKey());
                return false;
            }
        }
        return true;
    }
}
