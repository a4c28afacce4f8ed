package dev.patchbay.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reconciliation runs and their findings in PostgreSQL. */
@ApplicationScoped
public class ReconciliationStore {

    private static final String RUN_COLUMNS = """
            id, connection_id, preview, trigger, state, phase, accounts_read, estimated_total, pages, vendor_calls,
            started, updated, finished, error, cursor""";
    private static final String FINDING_COLUMNS = """
            id, vendor_ref, user_id, situation, user_name, email, license, numbers, active, idp_active, last_login,
            never_logged_in, cast(drift as text), action, action_taken""";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public ReconciliationStore(EntityManager entityManager, ObjectMapper objectMapper, Clock clock) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** A run in listing, due now; empty when the connection has a run going already. */
    @Transactional
    public Optional<UUID> create(String connectionId, boolean preview, String trigger) {
        UUID id = UUID.randomUUID();
        Instant now = now();
        int created = entityManager.createNativeQuery("""
                insert into reconciliation_run (id, connection_id, preview, trigger, state, phase, started, updated,
                                                next_page_at)
                values (:id, :connection, :preview, :trigger, 'running', 'listing', :now, :now, :now)
                on conflict (connection_id) where state = 'running' do nothing""")
                .setParameter("id", id).setParameter("connection", connectionId).setParameter("preview", preview)
                .setParameter("trigger", trigger).setParameter("now", now).executeUpdate();
        return created == 1 ? Optional.of(id) : Optional.empty();
    }

    /** The run, with its counts, when it is one of the connection's. */
    @Transactional
    public Optional<ReconciliationRun> find(String connectionId, UUID runId) {
        return runs("where connection_id = :connection and id = :id", Map.of("connection", connectionId, "id", runId), 1)
                .stream().findFirst().map(run -> run.withCounts(counts(run.id())));
    }

    /** The connection's latest runs, newest first. */
    @Transactional
    public List<ReconciliationRun> list(String connectionId, int limit) {
        return runs("where connection_id = :connection", Map.of("connection", connectionId), limit).stream()
                .map(run -> run.withCounts(counts(run.id()))).toList();
    }

    /** The connection's latest finished run, preview or not: the freshest read-back of its vendor's accounts. */
    @Transactional
    public Optional<ReconciliationRun> latestDone(String connectionId) {
        return runs("where connection_id = :connection and state = 'done'", Map.of("connection", connectionId), 1)
                .stream().findFirst().map(run -> run.withCounts(counts(run.id())));
    }

    /** When the connection's latest run started, whatever became of it. */
    @Transactional
    public Optional<Instant> latestStart(String connectionId) {
        return entityManager.createNativeQuery(
                        "select max(started) from reconciliation_run where connection_id = :connection")
                .setParameter("connection", connectionId).getResultStream().filter(java.util.Objects::nonNull)
                .map(Instant.class::cast).findFirst();
    }

    /** Leases one due run (of {@code connectionId}, or of any connection when null) to this caller. */
    @Transactional
    public Optional<UUID> claimDue(String connectionId, Duration lease) {
        Instant now = now();
        return entityManager.createNativeQuery("""
                update reconciliation_run set lease_until = :until
                where id = (select id from reconciliation_run
                            where state = 'running' and next_page_at <= :now
                              and (lease_until is null or lease_until < :now)
                              and (cast(:connection as text) is null or connection_id = :connection)
                            order by next_page_at limit 1 for update skip locked)
                returning id""")
                .setParameter("until", now.plus(lease)).setParameter("now", now)
                .setParameter("connection", connectionId).getResultStream().map(UUID.class::cast).findFirst();
    }

    /** The run's cursor and phase as its lessee sees them. */
    @Transactional
    public Position position(UUID runId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select connection_id, preview, phase, cursor, pages, vendor_calls, accounts_read, started
                from reconciliation_run where id = :id""").setParameter("id", runId).getSingleResult();
        return new Position(runId, (String) row[0], (Boolean) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).intValue(),
                (Instant) row[7]);
    }

    /** Where a run stands, for the one that carries it on. */
    public record Position(UUID runId, String connectionId, boolean preview, String phase, String cursor, int pages,
            int vendorCalls, int accountsRead, Instant started) {
    }

    /** The run goes on after {@code delay} (budget spent, provisioning first, the vendor said wait). */
    @Transactional
    public void later(UUID runId, Duration delay) {
        entityManager.createNativeQuery("""
                update reconciliation_run set next_page_at = :at, lease_until = null, updated = :now where id = :id""")
                .setParameter("at", now().plus(delay)).setParameter("now", now()).setParameter("id", runId)
                .executeUpdate();
    }

    /** Part of the page's transaction: the next cursor (null: listing is over), the counts, the phase. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pageDone(UUID runId, String nextCursor, int accounts, Long total, int calls) {
        entityManager.createNativeQuery("""
                update reconciliation_run set cursor = :cursor, accounts_read = accounts_read + :accounts,
                    estimated_total = coalesce(cast(:total as bigint), estimated_total), pages = pages + 1,
                    vendor_calls = vendor_calls + :calls, updated = :now,
                    phase = case when cast(:cursor as text) is null then 'missing' else phase end
                where id = :id""")
                .setParameter("cursor", nextCursor).setParameter("accounts", accounts).setParameter("total", total)
                .setParameter("calls", calls).setParameter("now", now()).setParameter("id", runId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(UUID runId) {
        entityManager.createNativeQuery("""
                update reconciliation_run set state = 'done', phase = 'done', finished = :now, updated = :now,
                    lease_until = null,
                    estimated_total = accounts_read
                where id = :id""").setParameter("now", now()).setParameter("id", runId).executeUpdate();
    }

    @Transactional
    public void fail(UUID runId, String error) {
        entityManager.createNativeQuery("""
                update reconciliation_run set state = 'failed', finished = :now, updated = :now, lease_until = null,
                    error = :error where id = :id""")
                .setParameter("now", now()).setParameter("error", error).setParameter("id", runId).executeUpdate();
    }

    /** Part of the page's transaction: true when the account is new to the run (a page read again adds nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(UUID runId, Finding finding) {
        return entityManager.createNativeQuery("""
                insert into reconciliation_finding (run_id, vendor_ref, user_id, situation, user_name, email, license,
                    numbers, active, idp_active, last_login, never_logged_in, drift, action, action_taken)
                values (:run, :ref, :user, :situation, :userName, :email, :license, :numbers, :active, :idpActive,
                    :lastLogin,
                    :never, cast(:drift as jsonb), :action, :taken)
                on conflict (run_id, vendor_ref) do nothing""")
                .setParameter("run", runId).setParameter("ref", finding.vendorRef())
                .setParameter("user", finding.userId()).setParameter("situation", finding.situation())
                .setParameter("userName", finding.userName()).setParameter("email", finding.email())
                .setParameter("license", finding.license()).setParameter("numbers", finding.numbers())
                .setParameter("active", finding.active())
                .setParameter("idpActive", finding.idpActive()).setParameter("lastLogin", finding.lastLogin())
                .setParameter("never", finding.neverLoggedIn())
                .setParameter("drift", finding.drift().isEmpty() ? null : json(finding.drift()))
                .setParameter("action", finding.action()).setParameter("taken", finding.actionTaken())
                .executeUpdate() == 1;
    }

    /** The run's findings in the order they were made, of one situation or all. */
    @Transactional
    public List<Finding> findings(UUID runId, Situation situation, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select " + FINDING_COLUMNS
                        + " from reconciliation_finding where run_id = :run"
                        + " and (cast(:situation as text) is null or situation = :situation)"
                        + " order by id offset :offset limit :limit")
                .setParameter("run", runId).setParameter("situation", situation == null ? null : situation.apiName())
                .setParameter("offset", offset).setParameter("limit", limit).getResultList();
        return rows.stream().map(this::finding).toList();
    }

    /** Findings per situation, every situation named (0 for none). */
    @Transactional
    public Map<String, Long> counts(UUID runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Situation situation : Situation.values()) {
            counts.put(situation.apiName(), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select situation, count(*) from reconciliation_finding where run_id = :run group by situation""")
                .setParameter("run", runId).getResultList();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private List<ReconciliationRun> runs(String where, Map<String, Object> parameters, int limit) {
        var query = entityManager.createNativeQuery("select " + RUN_COLUMNS + " from reconciliation_run " + where
                + " order by started desc limit " + limit);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::run).toList();
    }

    private ReconciliationRun run(Object[] row) {
        int read = ((Number) row[6]).intValue();
        Long total = row[7] == null ? null : ((Number) row[7]).longValue();
        Instant started = (Instant) row[10];
        Instant updated = (Instant) row[11];
        Instant finished = (Instant) row[12];
        return new ReconciliationRun((UUID) row[0], (String) row[1], (Boolean) row[2], (String) row[3],
                (String) row[4], (String) row[5], read, total, ((Number) row[8]).intValue(),
                ((Number) row[9]).intValue(), started, updated, finished,
                finished != null ? finished : estimatedFinish(started, updated, read, total), (String) row[13], Map.of());
    }

    /** At the pace so far: the time taken per account read, times the accounts left. */
    static Instant estimatedFinish(Instant started, Instant updated, int read, Long total) {
        if (total == null || read == 0 || total < read) {
            return null;
        }
        long perAccount = Duration.between(started, updated).toMillis() / read;
        return updated.plusMillis(perAccount * (total - read));
    }

    private Finding finding(Object[] row) {
        return new Finding(((Number) row[0]).longValue(), (String) row[1], (UUID) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (Boolean) row[8], (Boolean) row[9],
                (Instant) row[10], (Boolean) row[11], drift((String) row[12]), (String) row[13], (Boolean) row[14]);
    }

    private String json(List<Drift> drift) {
        try {
            return objectMapper.writeValueAsString(drift);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Drift> drift(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return objectMapper.readValue(json, new TypeReference<List<Drift>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
