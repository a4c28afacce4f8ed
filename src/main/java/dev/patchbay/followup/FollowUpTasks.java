package dev.patchbay.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Raises, lists and closes follow-up tasks. Raising the same open task twice keeps one. */
@ApplicationScoped
public class FollowUpTasks {

    private final EntityManager entityManager;
    private final TaskWebhooks webhooks;
    private final Clock clock;

    public FollowUpTasks(EntityManager entityManager, TaskWebhooks webhooks, Clock clock) {
        this.entityManager = entityManager;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public record NewTask(String connectionId, UUID userId, String kind, String field, String reason,
            String consolePath, BigDecimal monthlyCost, String currency) {
    }

    /**
     * True when the task is new; an identical open task is left as it is. A new task is announced to the
     * connection's task webhook, if it has one, through an outbox written in the same transaction.
     */
    @Transactional
    public boolean raise(NewTask task) {
        Instant now = now();
        UUID id = UUID.randomUUID();
        boolean raised = entityManager.createNativeQuery("""
                insert into followup_task (id, connection_id, user_id, kind, field, reason, console_path, monthly_cost,
                                           currency, status, created, updated)
                values (:id, :connection, :user, :kind, :field, :reason, :console, :cost, :currency, 'open', :now, :now)
                on conflict (connection_id, user_id, kind, field) where status = 'open' do nothing""")
                .setParameter("id", id)
                .setParameter("connection", task.connectionId())
                .setParameter("user", task.userId())
                .setParameter("kind", task.kind())
                .setParameter("field", task.field() == null ? "" : task.field())
                .setParameter("reason", task.reason())
                .setParameter("console", task.consolePath())
                .setParameter("cost", task.monthlyCost())
                .setParameter("currency", task.currency())
                .setParameter("now", now)
                .executeUpdate() == 1;
        if (raised) {
            webhooks.announce(id, task.connectionId());
        }
        return raised;
    }

    /** Null fields do not filter; {@code byCost} puts the most expensive first instead of the newest. */
    public record Filter(String connectionId, UUID userId, String status, String vendor, String kind,
            boolean byCost) {
    }

    @Transactional
    public List<FollowUpTask> list(String connectionId, UUID userId, String status, int offset, int limit) {
        return list(new Filter(connectionId, userId, status, null, null, false), offset, limit);
    }

    @Transactional
    public List<FollowUpTask> list(Filter filter, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SELECT + """
                where (cast(:connection as text) is null or t.connection_id = :connection)
                  and (cast(:user as uuid) is null or t.user_id = :user)
                  and (cast(:status as text) is null or t.status = :status)
                  and (cast(:kind as text) is null or t.kind = :kind)
                  and (cast(:vendor as text) is null
                       or exists (select 1 from connection c where c.id = t.connection_id and c.vendor = :vendor))
                order by\s""" + (filter.byCost() ? "t.monthly_cost desc nulls last, " : "")
                        + "t.created desc, t.id offset :offset limit :limit")
                .setParameter("connection", filter.connectionId())
                .setParameter("user", filter.userId())
                .setParameter("status", filter.status())
                .setParameter("kind", filter.kind())
                .setParameter("vendor", filter.vendor())
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(FollowUpTasks::task).toList();
    }

    @Transactional
    public Optional<FollowUpTask> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SELECT + " where t.id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(FollowUpTasks::task);
    }

    /** Closes an open task as done or dismissed; false when it is not open. */
    @Transactional
    public boolean close(UUID id, String status, String closedBy) {
        return close(id, status, closedBy, null);
    }

    /** Closes an open task as done or dismissed with the closer's note; false when it is not open. */
    @Transactional
    public boolean close(UUID id, String status, String closedBy, String note) {
        return entityManager.createNativeQuery("""
                update followup_task set status = :status, closed_by = :by, close_note = :note, updated = :now
                where id = :id and status = 'open'""")
                .setParameter("status", status).setParameter("by", closedBy).setParameter("note", note)
                .setParameter("now", now()).setParameter("id", id).executeUpdate() == 1;
    }

    /** Closes an open task the connector found done at the vendor. */
    @Transactional
    public boolean verify(UUID id) {
        return entityManager.createNativeQuery("""
                update followup_task set status = 'verified', closed_by = 'connector', updated = :now
                where id = :id and status = 'open'""")
                .setParameter("now", now()).setParameter("id", id).executeUpdate() == 1;
    }

    /** Whether an admin completed a task of this kind and field (an approval). */
    @Transactional
    public boolean approved(String connectionId, UUID userId, String kind, String field) {
        return ((Number) entityManager.createNativeQuery("""
                        select count(*) from followup_task where connection_id = :c and user_id = :u and kind = :k
                        and field = :f and status in ('done', 'verified')""")
                .setParameter("c", connectionId).setParameter("u", userId).setParameter("k", kind)
                .setParameter("f", field).getSingleResult()).longValue() > 0;
    }

    /**
     * Whether the latest task of this kind and field (for this user) asked exactly {@code reason} and was
     * completed or verified: the same request again is then done, not a new task.
     */
    @Transactional
    public boolean latestDone(String connectionId, UUID userId, String kind, String field, String reason) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select status, reason from followup_task where connection_id = :c and user_id = :u and kind = :k
                        and field = :f order by created desc, updated desc limit 1""")
                .setParameter("c", connectionId).setParameter("u", userId).setParameter("k", kind)
                .setParameter("f", field == null ? "" : field).getResultList();
        return rows.stream().findFirst().filter(row -> ("done".equals(row[0]) || "verified".equals(row[0]))
                && reason.equals(row[1])).isPresent();
    }

    @Transactional
    public long openCount(String connectionId, UUID userId) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from followup_task where connection_id = :c and user_id = :u and status = 'open'")
                .setParameter("c", connectionId).setParameter("u", userId).getSingleResult()).longValue();
    }

    private static final String SELECT = """
            select t.id, t.connection_id, t.user_id, t.kind, t.field, t.reason, t.console_path, t.monthly_cost,
                   t.currency, t.status, t.closed_by, t.created, t.updated, u.user_name, t.close_note
            from followup_task t left join scim_user u on u.id = t.user_id and u.connection_id = t.connection_id
            """;

    private static FollowUpTask task(Object[] row) {
        return new FollowUpTask((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[13], (String) row[3],
                ((String) row[4]).isEmpty() ? null : (String) row[4], (String) row[5], (String) row[6],
                (BigDecimal) row[7], row[8] == null ? null : ((String) row[8]).strip(), (String) row[9],
                (String) row[10], (String) row[14], (Instant) row[11], (Instant) row[12]);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
