package dev.patchbay.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.database.GroupCommit;
import dev.patchbay.provisioning.CreateAuditTrail;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit log in PostgreSQL: written in its own transaction, queried newest first, purged after the retention. */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = """
            insert into audit_log (at, request_id, actor, actor_role, api, method, path, operation, connection_id,
                                   resource_type, resource_id, status, attributes, source_address)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Duration retention;
    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    private final GroupCommit<PendingEntry> groups;

    public AuditLog(EntityManager entityManager, ObjectMapper objectMapper, Clock clock,
            @ConfigProperty(name = "patchbay.audit.retention", defaultValue = "365d") Duration retention,
            AgroalDataSource dataSource, TransactionManager transactions,
            @ConfigProperty(name = "patchbay.database.group-committers", defaultValue = "2") int committers) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.retention = retention;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.groups = new GroupCommit<>(this::insertAll, committers);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Writes the entry in a transaction of its own, committed before this returns. Entries recorded at the
     * same time share one commit (group commit); an entry that cannot be written fails alone.
     */
    public void record(AuditEntry entry) {
        if (inTransaction()) {
            recordAlone(entry);
            return;
        }
        PendingEntry pending = new PendingEntry(entry);
        groups.submit(pending);
        if (pending.failure != null) {
            throw pending.failure;
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    void recordAlone(AuditEntry entry) {
        entityManager.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, entry);
                insert.executeUpdate();
            }
        });
    }

    private void insertAll(List<PendingEntry> group) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (PendingEntry pending : group) {
                        bind(insert, pending.entry);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                return;
            } catch (SQLException e) {
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
            }
            // One entry spoilt the group: each is written on its own, and only the bad one fails.
            for (PendingEntry pending : group) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    bind(insert, pending.entry);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    pending.failure = new IllegalStateException("Could not write the audit entry: " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            IllegalStateException failure = new IllegalStateException("Could not write audit entries: " + e.getMessage(), e);
            group.forEach(pending -> pending.failure = failure);
        }
    }

    private void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
        insert.setObject(1, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
        insert.setString(2, clip(entry.requestId(), 128));
        insert.setString(3, clip(entry.actor(), 200));
        insert.setString(4, clip(entry.actorRole(), 32));
        insert.setString(5, entry.api());
        insert.setString(6, clip(entry.method(), 8));
        insert.setString(7, clip(entry.path(), 500));
        insert.setString(8, entry.operation());
        insert.setString(9, clip(entry.connectionId(), 63));
        insert.setString(10, clip(entry.resourceType(), 32));
        insert.setString(11, clip(entry.resourceId(), 200));
        insert.setInt(12, entry.status());
        insert.setString(13, json(entry.attributes()));
        insert.setString(14, clip(entry.sourceAddress(), 64));
    }

    /** The entry as a row fitted to the columns, for a statement that writes it with the change it records. */
    CreateAuditTrail.Row row(AuditEntry entry) {
        return new CreateAuditTrail.Row(entry.at(), clip(entry.requestId(), 128), clip(entry.actor(), 200),
                clip(entry.actorRole(), 32), entry.api(), clip(entry.method(), 8), clip(entry.path(), 500),
                entry.operation(), clip(entry.connectionId(), 63), clip(entry.resourceType(), 32), entry.status(),
                json(entry.attributes()), clip(entry.sourceAddress(), 64));
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }

    private static final class PendingEntry {
        final AuditEntry entry;
        RuntimeException failure;

        PendingEntry(AuditEntry entry) {
            this.entry = entry;
        }
    }

    @Transactional
    List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("""
                select id, at, request_id, actor, actor_role, api, method, path, operation, connection_id,
                       resource_type, resource_id, status, attributes::text, source_address
                from audit_log where true""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(sql, parameters, "connection_id = :connection", "connection", query.connectionId());
        condition(sql, parameters, "actor = :actor", "actor", query.actor());
        condition(sql, parameters, "operation = :operation", "operation", query.operation());
        condition(sql, parameters, "resource_type = :type", "type", query.resourceType());
        condition(sql, parameters, "at >= :from", "from", query.from());
        condition(sql, parameters, "at < :to", "to", query.to());
        condition(sql, parameters, "status = :status", "status", query.status());
        condition(sql, parameters, "id < :cursor", "cursor", query.cursor());
        sql.append(" order by id desc limit :limit");
        Query statement = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(statement::setParameter);
        statement.setParameter("limit", query.limit());
        List<AuditEntry> entries = new ArrayList<>();
        for (Object row : statement.getResultList()) {
            entries.add(entry((Object[]) row));
        }
        return entries;
    }

    /** Entries older than {@code patchbay.audit.retention} are removed hourly. */
    @Scheduled(every = "1h", delayed = "5m")
    void purgeOld() {
        purgeOlderThan(retention);
    }

    @Transactional
    public int purgeOlderThan(Duration age) {
        return entityManager.createNativeQuery("delete from audit_log where at < :before")
                .setParameter("before", now().minus(age)).executeUpdate();
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }

    private AuditEntry entry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9],
                (String) row[10], (String) row[11], ((Number) row[12]).intValue(), names((String) row[13]),
                (String) row[14]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private List<String> names(String json) {
        try {
            return objectMapper.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private String json(List<String> names) {
        try {
            return objectMapper.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
