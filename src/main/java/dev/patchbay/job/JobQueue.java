package dev.patchbay.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable provisioning queue in PostgreSQL. Jobs are enqueued inside the SCIM write's transaction;
 * workers claim them with FOR UPDATE SKIP LOCKED, never two for one user at a time, and hold a short
 * lease that they renew while the job runs; once a lease expires (its worker died) the job runs again.
 */
@ApplicationScoped
public class JobQueue {

    /**
     * A running job's instance is alive: it is this one, or it holds its session in the database, or the
     * database started too recently for every live instance to be back.
     */
    private static final String INSTANCE_ALIVE = """
            (j.instance is null or j.instance = :instance
             or exists (select 1 from pg_stat_activity a where a.application_name = :prefix || j.instance)
             or pg_postmaster_start_time() > clock_timestamp() - make_interval(secs => :grace))""";

    /**
     * Claiming order inside the due jobs: offboarding first (the IdP deleted or deactivated the user: a
     * leaver's access goes before a joiner's arrives), then single changes, then waves.
     */
    private static final String PRIORITY = "case when u.id is null or not u.active then 0 when j.wave then 2 else 1 end";

    private final EntityManager entityManager;
    private final Clock clock;
    private final InstancePresence presence;
    private final int waveThreshold;

    public JobQueue(EntityManager entityManager, Clock clock, InstancePresence presence,
            @ConfigProperty(name = "patchbay.jobs.wave-threshold", defaultValue = "50") int waveThreshold) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.presence = presence;
        this.waveThreshold = waveThreshold;
    }

    /**
     * Part of the caller's transaction: a burst of writes to one user leaves one pending job, due now (a
     * job that waited, e.g. for a new user's group memberships, goes at once when they arrive).
     */
    @Transactional(TxType.MANDATORY)
    public void enqueue(String connectionId, UUID userId) {
        enqueueSelected(connectionId, "select cast(:id as uuid)", userId, false);
    }

    /** Part of the caller's transaction: a job for each of {@code idsArray} that is a user of the connection. */
    @Transactional(TxType.MANDATORY)
    public void enqueueUsers(String connectionId, String idsArray) {
        enqueueSelected(connectionId, "select u.id from scim_user u where u.connection_id = :connection"
                + " and u.id = any(cast(:id as uuid[]))", idsArray, true);
    }

    /** Part of the caller's transaction: a job for every user member of the group (not nested groups). */
    @Transactional(TxType.MANDATORY)
    public void enqueueMembers(String connectionId, UUID groupId) {
        enqueueSelected(connectionId, "select m.member_id from scim_group_member m where m.group_id = :id"
                + " and m.member_type = 'User'", groupId, true);
    }

    /** The connection's pending jobs are due now (its settings were just fixed); returns how many. */
    @Transactional
    public int makeDue(String connectionId) {
        return entityManager.createNativeQuery("""
                update provisioning_job set next_attempt_at = :now
                where connection_id = :connection and state = 'pending' and next_attempt_at > :now""")
                .setParameter("connection", connectionId).setParameter("now", now()).executeUpdate();
    }

    /**
     * The connection's budget is spent until {@code until}: its pending jobs due before then wait until then,
     * so that workers do not run each of them only to find no budget (a wave of a thousand users would
     * otherwise be claimed and put back a thousand times a window). Their order is kept: they become due
     * together, and priorities sort them.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int holdUntil(String connectionId, Instant until) {
        return entityManager.createNativeQuery("""
                update provisioning_job set next_attempt_at = :until
                where connection_id = :connection and state = 'pending' and next_attempt_at < :until""")
                .setParameter("connection", connectionId).setParameter("until", until.truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    /** The users' pending jobs are due now (a batched call they waited for went out). */
    @Transactional(TxType.REQUIRES_NEW)
    public int makeUsersDue(String connectionId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                update provisioning_job set next_attempt_at = :now
                where connection_id = :connection and state = 'pending' and next_attempt_at > :now
                  and user_id = any(cast(:users as uuid[]))""")
                .setParameter("connection", connectionId).setParameter("now", now())
                .setParameter("users", userIds.stream().map(UUID::toString)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .executeUpdate();
    }

    /** A job due now for every user with an open follow-up task, so connectors can verify and close them. */
    @Transactional
    public int enqueueUsersWithOpenTasks() {
        Instant now = now();
        return entityManager.createNativeQuery("""
                insert into provisioning_job (connection_id, user_id, state, attempts, next_attempt_at, created, updated, wave)
                select distinct t.connection_id, t.user_id, 'pending', 0, cast(:now as timestamptz), cast(:now as timestamptz),
                       cast(:now as timestamptz), true
                from followup_task t where t.status = 'open' and t.user_id is not null
                on conflict (connection_id, user_id) where state = 'pending'
                do update set next_attempt_at = least(provisioning_job.next_attempt_at, excluded.next_attempt_at)""")
                .setParameter("now", now).executeUpdate();
    }

    /**
     * One pending job for each user {@code selectUserIds} yields (it may use :connection and :id). The jobs
     * are a wave when {@code many} users (more than one) were enqueued at once (a group change), or when a user without a
     * vendor account yet arrives while the connection has {@code wave-threshold} jobs pending (an IdP's
     * initial push sends its users one by one). A single change merged into a wave job makes it single.
     */
    private void enqueueSelected(String connectionId, String selectUserIds, Object id, boolean many) {
        Instant now = now();
        entityManager.createNativeQuery("""
                insert into provisioning_job (connection_id, user_id, state, attempts, next_attempt_at, created, updated,
                                              wave)
                select :connection, selected.user_id, 'pending', 0, :now, :now, :now,
                       :many and count(*) over () > 1 or (%s
                                 and not exists (select 1 from vendor_account a where a.connection_id = :connection
                                                 and a.user_id = selected.user_id and a.vendor_id is not null))
                from (%s) as selected(user_id)
                on conflict (connection_id, user_id) where state = 'pending'
                do update set updated = excluded.updated,
                              next_attempt_at = least(provisioning_job.next_attempt_at, excluded.next_attempt_at),
                              wave = provisioning_job.wave and excluded.wave"""
                .formatted(backlogOfAWave(":connection"), selectUserIds))
                .setParameter("connection", connectionId)
                .setParameter("id", id)
                .setParameter("now", now)
                .setParameter("many", many)
                .executeUpdate();
    }

    /**
     * SQL that is true when the connection ({@code connectionSql}, a column or parameter) has the backlog that
     * makes a new user's job part of a wave. Creates written by their own statement ({@code UserCreates})
     * mark their jobs with it too.
     */
    public String backlogOfAWave(String connectionSql) {
        if (waveThreshold <= 0) {
            return "true";
        }
        // At least waveThreshold pending: it reads that many at most (a count read the whole backlog for every
        // new user, so a wave of creates read its own backlog over and over).
        return "exists (select 1 from provisioning_job b where b.connection_id = " + connectionSql
                + " and b.state = 'pending' offset " + (waveThreshold - 1) + ")";
    }

    @Transactional(TxType.REQUIRES_NEW)
    public List<Job> claim(String worker, int limit, Duration lease) {
        Instant now = now();
        recoverExpiredLeases(now);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with candidate as (
                    select j.id from provisioning_job j
                    left join scim_user u on u.id = j.user_id and u.connection_id = j.connection_id
                    where j.state = 'pending' and j.next_attempt_at <= :now
                      and not exists (select 1 from provisioning_job r where r.connection_id = j.connection_id
                                      and r.user_id = j.user_id and r.state = 'running')
                    order by %s, j.next_attempt_at, j.id
                    limit :limit
                    for update of j skip locked)
                update provisioning_job j
                set state = 'running', attempts = j.attempts + 1, lease_until = :lease, worker = :worker,
                    instance = :instance, updated = :now
                from candidate c where j.id = c.id
                returning j.id, j.connection_id, j.user_id, j.attempts, j.failing_since""".formatted(PRIORITY))
                .setParameter("now", now)
                .setParameter("instance", presence.id())
                .setParameter("limit", limit)
                .setParameter("lease", now.plus(lease))
                .setParameter("worker", worker)
                .getResultList();
        List<Job> jobs = new ArrayList<>();
        for (Object[] row : rows) {
            jobs.add(new Job(((Number) row[0]).longValue(), (String) row[1], (UUID) row[2], ((Number) row[3]).intValue(),
                    (Instant) row[4]));
        }
        return jobs;
    }

    /** Claims one user's pending job, if no job of that user is running (synchronous provisioning). */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Job> claimUser(String worker, String connectionId, UUID userId, Duration lease) {
        Instant now = now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with candidate as (
                    select j.id from provisioning_job j
                    where j.state = 'pending' and j.connection_id = :connection and j.user_id = :user
                      and not exists (select 1 from provisioning_job r where r.connection_id = j.connection_id
                                      and r.user_id = j.user_id and r.state = 'running')
                    for update skip locked)
                update provisioning_job j
                set state = 'running', attempts = j.attempts + 1, lease_until = :lease, worker = :worker,
                    instance = :instance, updated = :now
                from candidate c where j.id = c.id
                returning j.id, j.connection_id, j.user_id, j.attempts, j.failing_since""")
                .setParameter("connection", connectionId).setParameter("user", userId)
                .setParameter("instance", presence.id())
                .setParameter("now", now).setParameter("lease", now.plus(lease)).setParameter("worker", worker)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Job(((Number) row[0]).longValue(), (String) row[1],
                (UUID) row[2], ((Number) row[3]).intValue(), (Instant) row[4]));
    }

    /** Removes a user's jobs (a synchronous create the vendor refused, which the IdP will send again). */
    @Transactional
    public void forget(String connectionId, UUID userId) {
        entityManager.createNativeQuery("delete from provisioning_job where connection_id = :connection and user_id = :user")
                .setParameter("connection", connectionId).setParameter("user", userId).executeUpdate();
    }

    /**
     * A running job whose lease ran out, or whose instance is gone, belongs to a worker that died (a live
     * worker renews its leases): it runs again, merged into the user's pending job if there is one.
     */
    private void recoverExpiredLeases(Instant now) {
        aliveParameters(entityManager.createNativeQuery("""
                with expired as (
                    delete from provisioning_job j where j.state = 'running' and (j.lease_until < :now or not %s)
                    returning id, connection_id, user_id, attempts, last_error, created, wave, budget_used)
                insert into provisioning_job (id, connection_id, user_id, state, attempts, next_attempt_at, last_error,
                                              created, updated, wave, budget_used)
                select id, connection_id, user_id, 'pending', attempts, :now,
                       coalesce(last_error, 'the worker stopped before finishing (lease expired)'), created, :now, wave,
                       budget_used
                from expired
                on conflict (connection_id, user_id) where state = 'pending'
                do update set attempts = greatest(provisioning_job.attempts, excluded.attempts),
                              updated = excluded.updated, wave = provisioning_job.wave and excluded.wave,
                              budget_used = provisioning_job.budget_used + excluded.budget_used""".formatted(INSTANCE_ALIVE)))
                .setParameter("now", now).executeUpdate();
    }

    private Query aliveParameters(Query query) {
        return query.setParameter("instance", presence.id())
                .setParameter("prefix", InstancePresence.PREFIX)
                .setParameter("grace", (double) presence.grace().toMillis() / 1000);
    }

    /** Removes finished jobs older than {@code retention}; dead letters stay until re-driven or their connection goes. */
    @Transactional
    public int purgeDone(Duration retention) {
        return entityManager.createNativeQuery("delete from provisioning_job where state = 'done' and updated < :before")
                .setParameter("before", now().minus(retention)).executeUpdate();
    }

    /** Jobs of the connection running now on a live gateway instance (live leases only). */
    @Transactional(TxType.REQUIRES_NEW)
    public long running(String connectionId) {
        return ((Number) aliveParameters(entityManager.createNativeQuery("""
                        select count(*) from provisioning_job j
                        where j.connection_id = :connection and j.state = 'running' and j.lease_until > :now
                          and %s""".formatted(INSTANCE_ALIVE)))
                .setParameter("connection", connectionId).setParameter("now", now()).getSingleResult()).longValue();
    }

    /** The running job took {@code units} more of its connection's budget (calls, or steps). */
    @Transactional(TxType.REQUIRES_NEW)
    public void addBudgetUse(long jobId, int units) {
        entityManager.createNativeQuery("update provisioning_job set budget_used = budget_used + :units where id = :id")
                .setParameter("units", units).setParameter("id", jobId).executeUpdate();
    }

    /** The user is in sync: the job is done, and the user's older dead letters are settled by it. */
    @Transactional(TxType.REQUIRES_NEW)
    public void complete(long jobId) {
        Instant now = now();
        entityManager.createNativeQuery("""
                update provisioning_job set state = 'done', lease_until = null, last_error = null, updated = :now
                where id = :id""")
                .setParameter("id", jobId).setParameter("now", now).executeUpdate();
        entityManager.createNativeQuery("""
                update provisioning_job d set state = 'done', updated = :now,
                       last_error = 'settled by job ' || j.id || ': ' || coalesce(d.last_error, '')
                from provisioning_job j
                where j.id = :id and d.connection_id = j.connection_id and d.user_id = j.user_id and d.state = 'dead'""")
                .setParameter("id", jobId).setParameter("now", now).executeUpdate();
    }

    /**
     * Back to pending after {@code delay}, keeping its id; merged into the user's pending job if there is
     * one. One insert-or-merge on the one-pending index, so an enqueue committing at the same moment
     * (the IdP's next write) merges with it instead of failing on that index.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void retry(long jobId, Duration delay, String error, boolean countsAsAttempt) {
        Instant now = now();
        entityManager.createNativeQuery("""
                with removed as (
                    delete from provisioning_job where id = :id and state = 'running'
                    returning id, connection_id, user_id, attempts, created, failing_since, wave, budget_used)
                insert into provisioning_job (id, connection_id, user_id, state, attempts, next_attempt_at, last_error,
                                              created, updated, failing_since, wave, budget_used)
                select id, connection_id, user_id, 'pending', attempts - case when :counts then 0 else 1 end,
                       :due, :error, created, :now,
                       case when :counts then coalesce(failing_since, :now) else failing_since end, wave, budget_used
                from removed
                on conflict (connection_id, user_id) where state = 'pending'
                do update set next_attempt_at = greatest(provisioning_job.next_attempt_at, excluded.next_attempt_at),
                              attempts = greatest(provisioning_job.attempts, excluded.attempts),
                              last_error = excluded.last_error, updated = excluded.updated,
                              failing_since = least(provisioning_job.failing_since, excluded.failing_since),
                              wave = provisioning_job.wave and excluded.wave,
                              budget_used = provisioning_job.budget_used + excluded.budget_used""")
                .setParameter("id", jobId).setParameter("due", now.plus(delay)).setParameter("error", error)
                .setParameter("counts", countsAsAttempt).setParameter("now", now)
                .executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void deadLetter(long jobId, String error) {
        entityManager.createNativeQuery("""
                update provisioning_job set state = 'dead', lease_until = null, last_error = :error, updated = :now
                where id = :id""")
                .setParameter("id", jobId).setParameter("error", error).setParameter("now", now()).executeUpdate();
    }

    /** The worker still runs these jobs: their leases last another {@code lease}. */
    @Transactional(TxType.REQUIRES_NEW)
    public int renew(String worker, Collection<Long> jobIds, Duration lease) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        Instant now = now();
        return entityManager.createNativeQuery("""
                update provisioning_job set lease_until = :lease, updated = :now
                where id = any(cast(:ids as bigint[])) and worker = :worker and state = 'running'""")
                .setParameter("ids", jobIds.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .setParameter("worker", worker).setParameter("lease", now.plus(lease)).setParameter("now", now)
                .executeUpdate();
    }

    /** {@code userName} while the IdP still has the user. */
    public record DeadJob(long id, UUID userId, String userName, int attempts, String lastError, Instant failedAt) {
    }

    @Transactional
    public List<DeadJob> deadJobs(String connectionId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select j.id, j.user_id, u.user_name, j.attempts, j.last_error, j.updated from provisioning_job j
                left join scim_user u on u.id = j.user_id and u.connection_id = j.connection_id
                where j.connection_id = :connection and j.state = 'dead' order by j.updated desc, j.id desc
                offset :offset limit :limit""")
                .setParameter("connection", connectionId).setParameter("offset", offset).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(JobQueue::deadJob).toList();
    }

    /** One user's dead jobs, newest first (a user page's "redrive"). */
    @Transactional
    public List<DeadJob> deadJobs(String connectionId, UUID userId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select j.id, j.user_id, u.user_name, j.attempts, j.last_error, j.updated from provisioning_job j
                left join scim_user u on u.id = j.user_id and u.connection_id = j.connection_id
                where j.connection_id = :connection and j.user_id = :user and j.state = 'dead'
                order by j.updated desc, j.id desc limit :limit""")
                .setParameter("connection", connectionId).setParameter("user", userId).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(JobQueue::deadJob).toList();
    }

    private static DeadJob deadJob(Object[] row) {
        return new DeadJob(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], ((Number) row[3]).intValue(),
                (String) row[4], (Instant) row[5]);
    }

    /** Puts a dead job back in the queue with fresh attempts; false when the connection has no such dead job. */
    @Transactional
    public boolean redrive(String connectionId, long jobId) {
        Instant now = now();
        @SuppressWarnings("unchecked")
        List<UUID> users = entityManager.createNativeQuery("""
                update provisioning_job set state = 'done', last_error = 'redriven', updated = :now
                where id = :id and connection_id = :connection and state = 'dead' returning user_id""")
                .setParameter("id", jobId).setParameter("connection", connectionId).setParameter("now", now)
                .getResultList();
        if (users.isEmpty()) {
            return false;
        }
        entityManager.createNativeQuery("""
                insert into provisioning_job (connection_id, user_id, state, attempts, next_attempt_at, created, updated)
                values (:connection, :user, 'pending', 0, :now, :now, :now)
                on conflict (connection_id, user_id) where state = 'pending'
                do update set attempts = 0, next_attempt_at = :now, updated = :now, failing_since = null""")
                .setParameter("connection", connectionId).setParameter("user", users.get(0)).setParameter("now", now)
                .executeUpdate();
        return true;
    }

    /** Redrives the connection's dead jobs whose last error contains {@code errorContains} (every one when null). */
    @Transactional
    public int redriveAll(String connectionId, String errorContains) {
        int redriven = 0;
        for (Long jobId : deadJobIds(connectionId, errorContains, null)) {
            redriven += redrive(connectionId, jobId) ? 1 : 0;
        }
        return redriven;
    }

    /**
     * Gives up the connection's dead jobs that are named in {@code jobIds} or whose last error contains
     * {@code errorContains}: they leave the dead letters, with the reason kept as their last error.
     */
    @Transactional
    public int discard(String connectionId, List<Long> jobIds, String errorContains, String reason) {
        List<Long> ids = deadJobIds(connectionId, errorContains, jobIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                update provisioning_job set state = 'done', updated = :now,
                       last_error = 'discarded: ' || :reason || ' (was: ' || coalesce(last_error, '') || ')'
                where connection_id = :connection and state = 'dead' and id = any(cast(:ids as bigint[]))""")
                .setParameter("now", now()).setParameter("reason", reason).setParameter("connection", connectionId)
                .setParameter("ids", ids.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Long> deadJobIds(String connectionId, String errorContains, List<Long> among) {
        List<Number> rows = entityManager.createNativeQuery("""
                select id from provisioning_job
                where connection_id = :connection and state = 'dead'
                  and (cast(:text as text) is null or strpos(coalesce(last_error, ''), cast(:text as text)) > 0)
                  and (cast(:among as text) is null or id = any(cast(cast(:among as text) as bigint[])))
                order by id""")
                .setParameter("connection", connectionId).setParameter("text", errorContains)
                .setParameter("among", among == null ? null : among.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
