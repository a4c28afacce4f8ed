package dev.patchbay.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The heartbeat of one gateway's running jobs: renews their short leases a few times per lease, so a
 * lease outlives its job only when the process holding it is gone.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

    private final JobQueue queue;
    private final Duration lease;
    private final Map<Long, String> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;

    LeaseKeeper(JobQueue queue, Duration lease) {
        this.queue = queue;
        this.lease = lease;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "patchbay-lease-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    Duration lease() {
        return lease;
    }

    void hold(String worker, long jobId) {
        held.put(jobId, worker);
    }

    void drop(long jobId) {
        synchronized (held) {
            held.remove(jobId);
            held.notifyAll();
        }
    }

    List<Long> held() {
        return List.copyOf(held.keySet());
    }

    /** Waits until no job runs, at most {@code timeout}; true when none does. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (held) {
            while (!held.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    held.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return held.isEmpty();
                }
            }
            return true;
        }
    }

    private void renew() {
        Map<String, List<Long>> byWorker = held.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byWorker.forEach((worker, jobIds) -> {
            try {
                queue.renew(worker, jobIds, lease);
            } catch (RuntimeException e) {
                LOG.warnf("Could not renew the leases of jobs %s: %s", jobIds, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
