package dev.patchbay.console;

import dev.patchbay.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
        String id = Secrets.newToken("pbs_");
        Instant now = now();
        ConsoleSession session = new ConsoleSession(actor, role, Secrets.newToken("csrf_"), now.plus(lifetime));
        entityManager.createNativeQuery("delete from console_session where expires <= :now")
                .setParameter("now", now).executeUpdate();
        entityManager.createNativeQuery("""
                insert into console_session (id_hash, actor, role, csrf_token, created, expires)
                values (:hash, :actor, :role, :csrf, :now, :expires)""")
                .setParameter("hash", Secrets.sha256Hex(id)).setParameter("actor", actor)
                .setParameter("role", role).setParameter("csrf", session.csrf()).setParameter("now", now)
                .setParameter("expires", session.expires()).executeUpdate();
        return new Opened(id, session);
    }

    @Transactional
    public Optional<ConsoleSession> find(String id) {
        if (id == null || id.isBlank() || id.length() > 200) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select actor, role, csrf_token, expires from console_session
                where id_hash = :hash and expires > :now""")
                .setParameter("hash", Secrets.sha256Hex(id)).setParameter("now", now()).getResultList();
        return rows.stream().findFirst().map(row -> new ConsoleSession((String) row[0], (String) row[1],
                (String) row[2], (Instant) row[3]));
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
