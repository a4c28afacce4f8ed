package dev.patchbay.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.connector.BatchItem;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.TaskTemplate;
import dev.patchbay.connector.VendorRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The store of batched follow-up steps ({@code batched_step}): one row per user and field, left by the
 * user's job, claimed by a flush, and holding that user's outcome until the job reads it.
 */
@ApplicationScoped
class BatchedSteps {

    /** A flush that died while sending leaves its rows to be sent again after this (the calls are idempotent). */
    static final Duration SENDING_LEASE = Duration.ofMinutes(2);

    /** One user's row: the value it sets, its state and, once failed, the failure. */
    record Row(long id, UUID userId, SeatField field, String vendorId, String value, String previous, String state,
            String errorKind, String error, TaskTemplate task) {

        /** The failure the vendor reported for this user, typed as it was. */
        ConnectorException failure() {
            return switch (errorKind == null ? "" : errorKind) {
                case "Retryable" -> new ConnectorException.Retryable(error, null);
                case "NotFound" -> new ConnectorException.NotFound(error);
                case "AuthFailed" -> new ConnectorException.AuthFailed(error);
                case "Conflict" -> new ConnectorException.Conflict(error);
                case "NeedsAction" -> task == null ? new ConnectorException.Rejected(error)
                        : new ConnectorException.NeedsAction(error, task);
                default -> new ConnectorException.Rejected(error);
            };
        }
    }

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Clock clock;

    BatchedSteps(EntityManager entityManager, ObjectMapper mapper, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A value as its stored JSON, collections sorted so that the same value always reads the same. */
    String json(Object value) {
        Object canonical = value instanceof Collection<?> values ? new TreeSet<>(values.stream().map(String::valueOf).toList())
                : value instanceof Map<?, ?> map ? new TreeMap<>(map) : value;
        try {
            return mapper.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A step value that cannot be written as JSON", e);
        }
    }

    /** The user's row for the field, if it sets {@code value} (a row for another value is stale). */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Row> find(String connectionId, UUID userId, SeatField field, Object value) {
        return rows(entityManager.createNativeQuery("""
                select id, user_id, field, vendor_id, cast(value as text), cast(previous as text), state, error_kind, error,
                       cast(task as text)
                from batched_step where connection_id = :connection and user_id = :user and field = :field
                  and value = cast(:value as jsonb)""")
                .setParameter("connection", connectionId).setParameter("user", userId)
                .setParameter("field", field.name()).setParameter("value", json(value)).getResultList())
                .stream().findFirst();
    }

    /** Leaves the user's step to be sent with others (a newer value replaces one not yet sent). */
    @Transactional(TxType.REQUIRES_NEW)
    public void leave(String connectionId, UUID userId, SeatField field, String vendorId, Object value,
            Object previous) {
        Instant now = now();
        entityManager.createNativeQuery("""
                insert into batched_step (connection_id, user_id, field, vendor_id, value, previous, state, created, updated)
                values (:connection, :user, :field, :vendor, cast(:value as jsonb), cast(:previous as jsonb), 'pending',
                        :now, :now)
                on conflict (connection_id, user_id, field) do update set vendor_id = excluded.vendor_id,
                    value = excluded.value, previous = excluded.previous, state = 'pending', error_kind = null,
                    error = null, task = null, created = excluded.created, updated = excluded.updated""")
                .setParameter("connection", connectionId).setParameter("user", userId).setParameter("field", field.name())
                .setParameter("vendor", vendorId).setParameter("value", json(value))
                .setParameter("previous", previous == null ? null : json(previous)).setParameter("now", now)
                .executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void remove(long id) {
        entityManager.createNativeQuery("delete from batched_step where id = :id").setParameter("id", id).executeUpdate();
    }

    /**
     * Whether the connection has steps to send now: the oldest waited {@code linger}, or {@code size} of
     * them wait (a full call's worth). Rows a dead flush left sending count as waiting.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean due(String connectionId, Duration linger, int size) {
        Instant now = now();
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select count(*), min(created) from batched_step where connection_id = :connection
                  and (state = 'pending' or state = 'sending' and updated < :stale)""")
                .setParameter("connection", connectionId).setParameter("stale", now.minus(SENDING_LEASE))
                .getSingleResult();
        long waiting = ((Number) row[0]).longValue();
        Instant oldest = (Instant) row[1];
        return waiting >= size || waiting > 0 && !oldest.isAfter(now.minus(linger));
    }

    /**
     * Whether every pending or running job of the connection has a step waiting in a batch: then no job is
     * left to add to one before they run again, and waiting longer only delays them (the end of a wave).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean everyJobWaits(String connectionId) {
        return !(Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from provisioning_job j where j.connection_id = :connection
                                 and j.state in ('pending', 'running')
                                 and not exists (select 1 from batched_step b where b.connection_id = :connection
                                                   and b.user_id = j.user_id and b.state = 'pending'))""")
                .setParameter("connection", connectionId).getSingleResult();
    }

    /** Claims up to {@code limit} waiting steps of the connection, oldest first, for one flush. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Row> claim(String connectionId, int limit) {
        Instant now = now();
        return rows(entityManager.createNativeQuery("""
                with due as (
                    select id from batched_step where connection_id = :connection
                      and (state = 'pending' or state = 'sending' and updated < :stale)
                    order by created, id limit :limit for update skip locked)
                update batched_step b set state = 'sending', updated = :now from due where b.id = due.id
                returning b.id, b.user_id, b.field, b.vendor_id, cast(b.value as text), cast(b.previous as text),
                          b.state, b.error_kind, b.error, cast(b.task as text)""")
                .setParameter("connection", connectionId).setParameter("stale", now.minus(SENDING_LEASE))
                .setParameter("limit", limit).setParameter("now", now).getResultList());
    }

    /** Each claimed step's outcome: failed with its failure, else done (unless a newer value replaced it). */
    @Transactional(TxType.REQUIRES_NEW)
    public void record(List<Row> sent, Map<Long, ConnectorException> failures) {
        Instant now = now();
        for (Row row : sent) {
            ConnectorException failure = failures.get(row.id());
            entityManager.createNativeQuery("""
                    update batched_step set state = :state, error_kind = :kind, error = :error, updated = :now,
                        task = cast(:task as jsonb)
                    where id = :id and state = 'sending' and value = cast(:value as jsonb)""")
                    .setParameter("state", failure == null ? "done" : "failed")
                    .setParameter("kind", failure == null ? null : failure.getClass().getSimpleName())
                    .setParameter("error", failure == null ? null : failure.getMessage())
                    .setParameter("task", failure instanceof ConnectorException.NeedsAction needs && needs.template() != null
                            ? json(needs.template()) : null)
                    .setParameter("now", now).setParameter("id", row.id()).setParameter("value", row.value())
                    .executeUpdate();
        }
    }

    /** The connector's view of a claimed row. */
    BatchItem item(Row row) {
        return new BatchItem(row.id(), new VendorRef(row.vendorId()), value(row.value()),
                row.previous() == null ? null : value(row.previous()));
    }

    private Object value(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node.isArray()) {
                List<String> values = new ArrayList<>();
                node.forEach(item -> values.add(item.asText()));
                return values;
            }
            if (node.isObject()) {
                return mapper.convertValue(node, Map.class);
            }
            return node.isNull() ? null : node.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored step value that cannot be read", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(List<?> result) {
        List<Row> rows = new ArrayList<>();
        for (Object[] row : (List<Object[]>) result) {
            rows.add(new Row(((Number) row[0]).longValue(), (UUID) row[1], SeatField.valueOf((String) row[2]),
                    (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                    (String) row[8], task((String) row[9])));
        }
        return rows;
    }

    private TaskTemplate task(String json) {
        try {
            return json == null ? null : mapper.readValue(json, TaskTemplate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored task that cannot be read", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
