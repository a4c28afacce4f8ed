package dev.patchbay.provisioning;

import dev.patchbay.job.JobResult;
import dev.patchbay.job.JobWorker;
import dev.patchbay.job.JobQueue;
import dev.patchbay.store.Connection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Optional synchronous mode per connection ({@code "synchronousCreateSeconds": N} in its settings): a
 * SCIM create waits up to N seconds for the vendor. When the vendor refuses the user for good, the
 * create is undone and the IdP gets the vendor's reason, so that its admin sees it and can retry. On a
 * time-out the create stands and provisioning goes on in the background.
 */
@ApplicationScoped
public class SynchronousCreates {

    /** The vendor's refusal of a create; {@code conflict} when it clashes with an account there. */
    public record Rejection(String reason, boolean conflict) {
    }

    private final JobWorker worker;
    private final JobQueue jobs;
    private final UserService users;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "patchbay-synchronous-create");
        thread.setDaemon(true);
        return thread;
    });

    public SynchronousCreates(JobWorker worker, JobQueue jobs, UserService users) {
        this.worker = worker;
        this.jobs = jobs;
        this.users = users;
    }

    /** Runs the new user's job now when the connection asks for it; a rejection has undone the create. */
    public Optional<Rejection> afterCreate(String connectionId, UUID userId) {
        return afterCreate(connectionId, userId, waitSeconds(connectionId));
    }

    /** As {@link #afterCreate(String, UUID)}, with the connection's wait already read (0 for none). */
    public Optional<Rejection> afterCreate(String connectionId, UUID userId, int seconds) {
        if (seconds <= 0) {
            return Optional.empty();
        }
        Future<Optional<JobResult>> run = executor.submit(() -> worker.runNow(connectionId, userId));
        Optional<JobResult> result;
        try {
            result = run.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.empty();
        }
        if (result.isPresent() && result.get() instanceof JobResult.Failed failed) {
            users.discard(connectionId, userId);
            jobs.forget(connectionId, userId);
            return Optional.of(new Rejection(failed.error(), failed.conflict()));
        }
        return Optional.empty();
    }

    private static int waitSeconds(String connectionId) {
        Map<String, Object> settings = QuarkusTransaction.requiringNew().call(() ->
                Connection.<Connection>findByIdOptional(connectionId).map(found -> found.settings).orElse(Map.of()));
        Object value = settings.get("synchronousCreateSeconds");
        return value instanceof Number number ? Math.min(number.intValue(), 60) : 0;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
