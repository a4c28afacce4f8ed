package dev.patchbay.job;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Claims due jobs and runs them one after another, outside any transaction while the vendor is called.
 * Several workers (threads or gateway instances) may run at once; the queue keeps them apart.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    static final Duration LEASE = Duration.ofMinutes(5);

    private final JobQueue queue;
    private final JobHandler handler;
    private final boolean enabled;
    private final int batchSize;
    private final Duration retention;
    private final String workerId = "worker-" + UUID.randomUUID();
    private volatile boolean stopping;

    public JobWorker(JobQueue queue, JobHandler handler,
            @ConfigProperty(name = "patchbay.worker.enabled") boolean enabled,
            @ConfigProperty(name = "patchbay.worker.batch-size") int batchSize,
            @ConfigProperty(name = "patchbay.jobs.retention") Duration retention) {
        this.retention = retention;
        this.queue = queue;
        this.handler = handler;
        this.enabled = enabled;
        this.batchSize = batchSize;
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

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** The job in flight finishes; jobs claimed but not started go back to the queue. */
    public void stop() {
        stopping = true;
    }

    /** Claims and runs one batch as worker {@code worker}; returns how many jobs it claimed. */
    public int runOnce(String worker) {
        List<Job> jobs = queue.claim(worker, batchSize, LEASE);
        List<Long> unstarted = new ArrayList<>(jobs.stream().map(Job::id).toList());
        for (Job job : jobs) {
            if (stopping) {
                queue.release(unstarted);
                return jobs.size();
            }
            unstarted.remove(job.id());
            finish(job, run(job));
        }
        return jobs.size();
    }

    public int runOnce() {
        return runOnce(workerId);
    }

    /** Runs one user's pending job now, in the calling thread; empty when there was none to claim. */
    public Optional<JobResult> runNow(String connectionId, UUID userId) {
        return queue.claimUser(workerId, connectionId, userId, LEASE).map(claimed -> {
            JobResult result = run(claimed);
            finish(claimed, result);
            return result;
        });
    }

    private JobResult run(Job job) {
        try {
            return handler.handle(job);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %d for user %s of connection %s failed unexpectedly", job.id(), job.userId(),
                    job.connectionId());
            return new JobResult.RetryLater(Duration.ofMinutes(1), 5, "Internal error: " + e.getMessage());
        }
    }

    private void finish(Job job, JobResult result) {
        if (result instanceof JobResult.Done) {
            queue.complete(job.id());
        } else if (result instanceof JobResult.Wait wait) {
            queue.retry(job.id(), wait.delay(), null, false);
        } else if (result instanceof JobResult.RetryLater retry) {
            if (job.attempt() >= retry.maxAttempts()) {
                queue.deadLetter(job.id(), retry.error() + " (gave up after " + job.attempt() + " attempts)");
            } else {
                queue.retry(job.id(), retry.delay(), retry.error(), true);
            }
        } else if (result instanceof JobResult.Failed failed) {
            queue.deadLetter(job.id(), failed.error());
        }
    }
}
