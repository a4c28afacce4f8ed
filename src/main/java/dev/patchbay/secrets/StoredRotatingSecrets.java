package dev.patchbay.secrets;

import dev.patchbay.connector.RotatingSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link RotatingSecrets} in PostgreSQL: each value sealed with the connection's secrets key (bound to the
 * connection, as secret settings are), and each renewal run in its own transaction that first takes the
 * advisory lock of (connection, name). A second instance renewing at the same moment waits for the lock,
 * then sees the value the first one stored.
 */
@ApplicationScoped
public class StoredRotatingSecrets implements RotatingSecrets {

    private final EntityManager entityManager;
    private final ConnectionSecrets secrets;
    private final Clock clock;

    public StoredRotatingSecrets(EntityManager entityManager, ConnectionSecrets secrets, Clock clock) {
        this.entityManager = entityManager;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Optional<String> current(String connectionId, String name) {
        return QuarkusTransaction.requiringNew().call(() -> read(connectionId, name));
    }

    @Override
    public String renew(String connectionId, String name, Function<Optional<String>, String> renewal) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 7340))")
                    .setParameter("key", connectionId + "|" + name).getSingleResult();
            Optional<String> stored = read(connectionId, name);
            String renewed = renewal.apply(stored);
            if (renewed != null && !Objects.equals(stored.orElse(null), renewed)) {
                entityManager.createNativeQuery("""
                        insert into connector_secret (connection_id, name, value, updated_at)
                        values (:connection, :name, cast(:value as jsonb), :now)
                        on conflict (connection_id, name) do update set value = excluded.value,
                            updated_at = excluded.updated_at""")
                        .setParameter("connection", connectionId).setParameter("name", name)
                        .setParameter("value", secrets.sealJson(connectionId, renewed))
                        .setParameter("now", clock.instant()).executeUpdate();
            }
            return renewed;
        });
    }

    private Optional<String> read(String connectionId, String name) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery(
                        "select cast(value as text) from connector_secret where connection_id = :c and name = :n")
                .setParameter("c", connectionId).setParameter("n", name).getResultList();
        try {
            return rows.stream().findFirst().flatMap(json -> secrets.openJson(connectionId, name, (String) json));
        } catch (SecretDecryptionException e) {
            // Sealed with a key no longer configured: as good as none (the connector starts again from its
            // settings); each renewal seals with the active key, so a rotation catches up within a day.
            return Optional.empty();
        }
    }
}
