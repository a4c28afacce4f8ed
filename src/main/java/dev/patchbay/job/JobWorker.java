package dev.patchbay.job;

import dev.patchbay.database.DatabaseFailures;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Claims due jobs one at a time and runs each outside any transaction while the vendor is called.
 * Several workers (threads or gateway instances) may run at once; the queue keeps them apart. A job
 * is leased briefly and the lease renewed while it runs, so a dead worker holds nothing for long.
 */
@ApplicationScoped
public class JobWorker {

    /** Before the embedded database stops (see {@code EmbeddedPostgresLifecycle}). */
    public static final int STOPS_AT = 100;

    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    /** A job broken off by a database outage runs again this soon after the database is back. */
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(1);

    private final Clock clock;
    private final JobQueue queue;
    private final JobHandler handler;
    private final boolean enabled;
    private final int batchSize;
    private final Duration retention;
    private final Duration stopTimeout;
    private final LeaseKeeper leases;
    private final InstancePresence presence;
    private final String workerId = "worker-" + UUID.randomUUID();
    private volatile boolean stopping;

    public JobWorker(JobQueue queue, JobHandler handler, InstancePresence presence, Clock clock,
            @ConfigProperty(name = "patchbay.worker.enabled") boolean enabled,
            @ConfigProperty(name = "patchbay.worker.batch-size") int batchSize,
            @ConfigProperty(name = "patchbay.jobs.retention") Duration retention,
            @ConfigProperty(name = "patchbay.worker.lease") Duration lease,
            @ConfigProperty(name = "patchbay.worker.stop-timeout") Duration stopTimeout) {
        this.retention = retention;
        this.queue = queue;
        this.handler = handler;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.stopTimeout = stopTimeout;
        this.leases = new LeaseKeeper(queue, lease);
        this.presence = presence;
        this.clock = clock;
    }

    @Scheduled(every = "${patchbay.worker.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!enabled) {
            return;
        }
        while (!stopping && runOnce(workerId) > 0) {
            // keep draining while there is due work
        }
    }

    /** Finished jobs are kept for a while (for the timeline of recent work), then removed. */
    @Scheduled(every = "1h", delayed = "5m")
    void purgeFinishedJobs() {
        queue.purgeDone(retention);
    }

    /** Users with open tasks are synced now and then, so that connectors can verify those tasks. */
    @Scheduled(every = "${patchbay.tasks.verify-interval}", delayed = "${patchbay.tasks.verify-interval}")
    void reverifyOpenTasks() {
        if (enabled) {
            queue.enqueueUsersWithOpenTasks();
        }
    }

    /**
     * Stop claiming, give the job in flight a bounded time to finish, and only then let the database go.
     * Once idle, this instance leaves the database, so other instances know at once that it runs nothing.
     * A job still running after that keeps this instance present while the process lives (its vendor
     * call may still land); it runs again elsewhere once the process is gone.
     */
    void onStop(@Observes @Priority(STOPS_AT) ShutdownEvent event) {
        stop();
        if (leases.awaitIdle(stopTimeout)) {
            presence.end();
        } else {
            LOG.warnf("Stopping with jobs %s still running; they run again once their leases expire", leases.held());
        }
        leases.close();
    }

    /** The job in flight finishes; no further job is claimed. */
    public void stop() {
        stopping = true;
    }

    /** Runs up to a batch of due jobs as worker {@code worker}, claiming each only when it starts. */
    public int runOnce(String worker) {
        int ran = 0;
        while (ran < batchSize && !stopping) {
            List<Job> claimed = queue.claim(worker, 1, leases.lease());
            if (claimed.isEmpty()) {
                break;
            }
            runClaimed(worker, claimed.get(0));
            ran++;
        }
        return ran;
    }

    public int runOnce() {
        return runOnce(workerId);
    }

    /** Runs one user's pending job now, in the calling thread; empty when there was none to claim. */
    public Optional<JobResult> runNow(String connectionId, UUID userId) {
        return queue.claimUser(workerId, connectionId, userId, leases.lease())
                .map(claimed -> runClaimed(workerId, claimed));
    }

    private JobResult runClaimed(String worker, Job job) {
        leases.hold(worker, job.id());
        try {
            JobResult result = run(job);
            finish(job, result);
            return result;
        } finally {
            leases.drop(job.id());
        }
    }

    private JobResult run(Job job) {
        try {
            return handler.handle(job);
        } catch (RuntimeException e) {
            if (DatabaseFailures.unreachable(e)) {
                LOG.warnf("Job %d stopped: the database is unavailable (%s)", job.id(), e.getMessage());
                return new JobResult.RetryLater(DATABASE_RETRY, Integer.MAX_VALUE, "The database was unavailable");
            }
            LOG.errorf(e, "Job %d for user %s of connection %s failed unexpectedly", job.id(), job.userId(),
                    job.connectionId());
            return new JobResult.RetryLater(Duration.ofMinutes(1), 5, "Internal error: " + e.getMessage());
        }
    }

    /**
     * Each outcome commits on its own. While the database is away the outcome is tried again (the job stays
     * this worker's) for up to a lease; one that still cannot be recorded leaves the job to its lease.
     */
    private void finish(Job job, JobResult result) {
        long deadline = System.nanoTime() + leases.lease().toNanos();
        while (true) {
            try {
                record(job, result);
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.unreachable(e) || System.nanoTime() > deadline) {
                    LOG.errorf(e, "Could not record the outcome of job %d; it runs again when its lease expires",
                            job.id());
                    return;
                }
                pause(DATABASE_RETRY);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(Job job, JobResult result) {
        if (result instanceof JobResult.Done) {
            queue.complete(job.id());
        } else if (result instanceof JobResult.Wait wait) {
            queue.retry(job.id(), wait.delay(), null, false);
        } else if (result instanceof JobResult.RetryLater retry) {
            if (job.attempt() >= retry.maxAttempts()) {
                queue.deadLetter(job.id(), retry.error() + " (gave up after " + job.attempt() + " attempts)");
            } else if (retry.retryFor() != null && job.failingSince() != null
                    && !job.failingSince().plus(retry.retryFor()).isAfter(clock.instant())) {
                queue.deadLetter(job.id(), retry.error() + " (gave up after " + job.attempt() + " attempts over "
                        + Duration.between(job.failingSince(), clock.instant()).toMinutes() + " minutes)");
            } else {
                queue.retry(job.id(), retry.delay(), retry.error(), true);
            }
        } else if (result instanceof JobResult.Failed failed) {
            queue.deadLetter(job.id(), failed.error());
        }
    }
}
