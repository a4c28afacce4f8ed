package dev.patchbay.console;

import dev.patchbay.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Sign-ins started at the provider, waiting for its callback ({@code console_oidc_login}). Each is bound to
 * the browser that started it (a cookie whose hash is kept) and is taken exactly once.
 */
@ApplicationScoped
class OidcSignIns {

    /** What the browser is sent with (state, nonce, PKCE challenge) and the cookie that binds it. */
    record Started(String state, String nonce, String codeChallenge, String browserKey) {
    }

    /** What the callback needs to redeem the code. */
    record Pending(String nonce, String codeVerifier, String redirectUri) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    OidcSignIns(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    Started start(String redirectUri, Duration timeout) {
        Instant now = now();
        String state = Secrets.newToken("st_");
        String nonce = Secrets.newToken("n_");
        String verifier = Secrets.newToken("pkce_");
        String browserKey = Secrets.newToken("b_");
        entityManager.createNativeQuery("delete from console_oidc_login where expires <= :now")
                .setParameter("now", now).executeUpdate();
        entityManager.createNativeQuery("""
                insert into console_oidc_login (state_hash, browser_hash, nonce, code_verifier, redirect_uri, expires)
                values (:state, :browser, :nonce, :verifier, :redirect, :expires)""")
                .setParameter("state", Secrets.sha256Hex(state)).setParameter("browser", Secrets.sha256Hex(browserKey))
                .setParameter("nonce", nonce).setParameter("verifier", verifier).setParameter("redirect", redirectUri)
                .setParameter("expires", now.plus(timeout)).executeUpdate();
        return new Started(state, nonce, challenge(verifier), browserKey);
    }

    /**
     * The sign-in this state names, if it is unexpired and this browser started it; it is gone afterwards
     * either way, so a second callback with the same state finds nothing.
     */
    @Transactional
    Optional<Pending> take(String state, String browserKey) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                delete from console_oidc_login where state_hash = :state
                returning browser_hash, nonce, code_verifier, redirect_uri, expires""")
                .setParameter("state", Secrets.sha256Hex(state)).getResultList();
        return rows.stream().findFirst()
                .filter(row -> browserKey != null && Secrets.constantTimeEquals((String) row[0], Secrets.sha256Hex(browserKey)))
                .filter(row -> ((Instant) row[4]).isAfter(now()))
                .map(row -> new Pending((String) row[1], (String) row[2], (String) row[3]));
    }

    /** RFC 7636 S256: base64url(SHA-256(verifier)), unpadded. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
