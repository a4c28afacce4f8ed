package dev.patchbay.console;

import dev.patchbay.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Console sessions in PostgreSQL (any replica can serve the next page); the cookie's id is stored hashed. */
@ApplicationScoped
public class ConsoleSessions {

    /** The cookie value and the session it opens. */
    public record Opened(String id, ConsoleSession session) {
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration lifetime;

    public ConsoleSessions(EntityManager entityManager, Clock clock,
            @ConfigProperty(name = "patchbay.console.session-lifetime", defaultValue = "8h") Duration lifetime) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Transactional
    public Opened open(String actor, String role) {
        return open(actor, role, null, null, null);
    }

    /**
     * A session opened at the OIDC provider: confirmed there again at {@code recheckAt} with the sealed
     * refresh token, or (without one) ended when the provider's access token expires, if that is sooner.
     */
    @Transactional
    public Opened openOidc(String actor, String role, String sealedRefreshToken, Instant recheckAt, Instant notAfter) {
        return open(actor, role, sealedRefreshToken, recheckAt, notAfter);
    }

    private Opened open(String actor, String role, String sealedRefreshToken, Instant recheckAt, Instant notAfter) {
        String id = Secrets.newToken("pbs_");
        Instant now = now();
        Instant expires = notAfter != null && notAfter.isBefore(now.plus(lifetime)) ? notAfter : now.plus(lifetime);
        ConsoleSession session = new ConsoleSession(actor, role, Secrets.newToken("csrf_"),
                expires.truncatedTo(ChronoUnit.MICROS), sealedRefreshToken == null || recheckAt == null ? null
                        : recheckAt.truncatedTo(ChronoUnit.MICROS));
        entityManager.createNativeQuery("delete from console_session where expires <= :now")
                .setParameter("now", now).executeUpdate();
        boolean recheck = sealedRefreshToken != null && recheckAt != null;
        Query insert = entityManager.createNativeQuery(recheck ? """
                insert into console_session (id_hash, actor, role, csrf_token, created, expires, oidc_refresh_token,
                    recheck_at)
                values (:hash, :actor, :role, :csrf, :now, :expires, :refresh, :recheck)""" : """
                insert into console_session (id_hash, actor, role, csrf_token, created, expires)
                values (:hash, :actor, :role, :csrf, :now, :expires)""")
                .setParameter("hash", Secrets.sha256Hex(id)).setParameter("actor", actor)
                .setParameter("role", role).setParameter("csrf", session.csrf()).setParameter("now", now)
                .setParameter("expires", session.expires());
        if (recheck) {
            insert.setParameter("refresh", sealedRefreshToken).setParameter("recheck", session.recheckAt());
        }
        insert.executeUpdate();
        return new Opened(id, session);
    }

    @Transactional
    public Optional<ConsoleSession> find(String id) {
        if (id == null || id.isBlank() || id.length() > 200) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select actor, role, csrf_token, expires, recheck_at from console_session
                where id_hash = :hash and expires > :now""")
                .setParameter("hash", Secrets.sha256Hex(id)).setParameter("now", now()).getResultList();
        return rows.stream().findFirst().map(row -> new ConsoleSession((String) row[0], (String) row[1],
                (String) row[2], (Instant) row[3], (Instant) row[4]));
    }

    /**
     * Takes the due re-check of this session for one request (the others go on meanwhile): its sealed refresh
     * token, with the next re-check moved to {@code next}. Empty when not due or already taken.
     */
    @Transactional
    public Optional<String> takeRecheck(String id, Instant next) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery("""
                update console_session set recheck_at = :next
                where id_hash = :hash and recheck_at <= :now and expires > :now
                returning oidc_refresh_token""")
                .setParameter("hash", Secrets.sha256Hex(id)).setParameter("now", now())
                .setParameter("next", next.truncatedTo(ChronoUnit.MICROS)).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    /** After the provider confirmed the session: the role it now carries and a rotated refresh token, if any. */
    @Transactional
    public void confirmed(String id, String role, String sealedRefreshToken) {
        Query update = entityManager.createNativeQuery(sealedRefreshToken == null
                ? "update console_session set role = :role where id_hash = :hash"
                : "update console_session set role = :role, oidc_refresh_token = :refresh where id_hash = :hash")
                .setParameter("hash", Secrets.sha256Hex(id)).setParameter("role", role);
        if (sealedRefreshToken != null) {
            update.setParameter("refresh", sealedRefreshToken);
        }
        update.executeUpdate();
    }

    @Transactional
    public void close(String id) {
        if (id != null) {
            entityManager.createNativeQuery("delete from console_session where id_hash = :hash")
                    .setParameter("hash", Secrets.sha256Hex(id)).executeUpdate();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
