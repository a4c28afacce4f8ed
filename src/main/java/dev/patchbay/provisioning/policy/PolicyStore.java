package dev.patchbay.provisioning.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Versioned policies per connection: saving adds a version, the newest is in force. */
@ApplicationScoped
public class PolicyStore {

    public record StoredPolicy(int version, PolicyDocument document, Instant created) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public PolicyStore(EntityManager entityManager, ObjectMapper objectMapper, Clock clock) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The policy in force; version 0 (empty) when none was saved. */
    @Transactional
    public StoredPolicy current(String connectionId) {
        return version(connectionId, null).orElse(new StoredPolicy(0, PolicyDocument.empty(), null));
    }

    @Transactional
    public Optional<StoredPolicy> version(String connectionId, Integer version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select version, cast(document as text), created from connection_policy
                where connection_id = :connection and (cast(:version as integer) is null or version = :version)
                order by version desc limit 1""")
                .setParameter("connection", connectionId).setParameter("version", version).getResultList();
        return rows.stream().findFirst().map(row -> new StoredPolicy(((Number) row[0]).intValue(),
                read((String) row[1]), (Instant) row[2]));
    }

    /** Saves a validated policy as the next version. */
    @Transactional
    public StoredPolicy save(String connectionId, PolicyDocument document) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "policy:" + connectionId).getSingleResult();
        int version = current(connectionId).version() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entityManager.createNativeQuery("""
                insert into connection_policy (connection_id, version, document, created)
                values (:connection, :version, cast(:document as jsonb), :now)""")
                .setParameter("connection", connectionId).setParameter("version", version)
                .setParameter("document", write(document)).setParameter("now", now).executeUpdate();
        return new StoredPolicy(version, document, now);
    }

    private PolicyDocument read(String json) {
        try {
            return objectMapper.readValue(json, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored policy cannot be read", e);
        }
    }

    private String write(PolicyDocument document) {
        try {
            return objectMapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
