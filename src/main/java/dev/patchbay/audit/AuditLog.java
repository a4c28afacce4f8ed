package dev.patchbay.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit log in PostgreSQL: written in its own transaction, queried newest first, purged after the retention. */
@ApplicationScoped
public class AuditLog {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Duration retention;

    public AuditLog(EntityManager entityManager, ObjectMapper objectMapper, Clock clock,
            @ConfigProperty(name = "patchbay.audit.retention", defaultValue = "365d") Duration retention) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.retention = retention;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void record(AuditEntry entry) {
        entityManager.createNativeQuery("""
                insert into audit_log (at, request_id, actor, actor_role, api, method, path, operation, connection_id,
                                       resource_type, resource_id, status, attributes, source_address)
                values (:at, :requestId, :actor, :role, :api, :method, :path, :operation, :connection,
                        :type, :resource, :status, cast(:attributes as jsonb), :source)""")
                .setParameter("at", entry.at())
                .setParameter("requestId", clip(entry.requestId(), 128))
                .setParameter("actor", clip(entry.actor(), 200))
                .setParameter("role", clip(entry.actorRole(), 32))
                .setParameter("api", entry.api())
                .setParameter("method", clip(entry.method(), 8))
                .setParameter("path", clip(entry.path(), 500))
                .setParameter("operation", entry.operation())
                .setParameter("connection", clip(entry.connectionId(), 63))
                .setParameter("type", clip(entry.resourceType(), 32))
                .setParameter("resource", clip(entry.resourceId(), 200))
                .setParameter("status", entry.status())
                .setParameter("attributes", json(entry.attributes()))
                .setParameter("source", clip(entry.sourceAddress(), 64))
                .executeUpdate();
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
