package dev.patchbay.connector.genesys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a wave did every 10 seconds, to see where the vendor's allowance goes unused: the simulator's own
 * count of calls made (the truth), the budget's reservations granted and refused, job runs that took no
 * budget, how busy the worker threads were, and the queue (jobs due, waiting, running; steps waiting in a
 * batch). Written next to the benchmark's figures.
 */
final class WaveTimeline {

    private static final long EVERY_MILLIS = 10_000;

    private final String connection;
    private final int workers;
    private final EntityManager entityManager;
    private final MeterRegistry metrics;
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private final StringBuilder text = new StringBuilder(
            "   s  calls granted refused idleRuns  runs busy%  due waiting running batchPending batchSending provisioned"
                    + "  window(used/allowed, ends in s) simulator's window  charged\n");

    WaveTimeline(String connection, int workers, EntityManager entityManager, MeterRegistry metrics) {
        this.connection = connection;
        this.workers = workers;
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    /** A worker thread spent {@code nanos} in one round that ran {@code ran} jobs. */
    void workedFor(long nanos, int ran) {
        if (ran > 0) {
            busyNanos.addAndGet(nanos);
            runs.addAndGet(ran);
        }
    }

    Thread start() {
        Thread thread = new Thread(this::sample, "wave-timeline");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    synchronized String text() {
        return text.toString();
    }

    private void sample() {
        long started = System.nanoTime();
        long calls = calls();
        double granted = count("granted");
        double refused = count("refused");
        double idle = runsWithout();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            long callsNow = calls();
            double grantedNow = count("granted");
            double refusedNow = count("refused");
            double idleNow = runsWithout();
            long busy = busyNanos.getAndSet(0);
            long ran = runs.getAndSet(0);
            String line = String.format(Locale.ROOT, "%4d %6d %7.0f %7.0f %8.0f %5d %5.0f %s%n",
                    (System.nanoTime() - started) / 1_000_000_000L, callsNow - calls, grantedNow - granted,
                    refusedNow - refused, idleNow - idle, ran, 100.0 * busy / (EVERY_MILLIS * 1_000_000.0 * workers),
                    queue());
            synchronized (this) {
                text.append(line);
            }
            System.out.print("timeline " + line);
            calls = callsNow;
            granted = grantedNow;
            refused = refusedNow;
            idle = idleNow;
        }
    }

    private long simulatorWindow;

    private long calls() {
        JsonPath sandbox = GenesysSandbox.state();
        simulatorWindow = sum(sandbox.getMap("windowCallsByClient"));
        return sum(sandbox.getMap("callsByClient"));
    }

    private static long sum(java.util.Map<String, Object> counts) {
        long calls = 0;
        for (Object count : counts.values()) {
            calls += ((Number) count).longValue();
        }
        return calls;
    }

    private double count(String outcome) {
        Counter counter = metrics.find("patchbay_budget_reservations_total").tags("connection", connection,
                "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double runsWithout() {
        Counter counter = metrics.find("patchbay_sync_runs_total").tags("connection", connection, "budget", "none")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String queue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] jobs = (Object[]) entityManager.createNativeQuery("""
                    select count(*) filter (where state = 'pending' and next_attempt_at <= now()),
                           count(*) filter (where state = 'pending' and next_attempt_at > now()),
                           count(*) filter (where state = 'running'),
                           (select count(*) from batched_step b where b.connection_id = :c and b.state = 'pending'),
                           (select count(*) from batched_step b where b.connection_id = :c and b.state = 'sending'),
                           (select count(*) from vendor_account a where a.connection_id = :c and a.status = 'provisioned'),
                           coalesce(sum(budget_used), 0)
                    from provisioning_job where connection_id = :c""").setParameter("c", connection).getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object[]> window = entityManager.createNativeQuery("""
                    select used, allowed, extract(epoch from (window_start + interval '1 minute' - now()))
                    from rate_limit_budget where connection_id = :c and period_millis = 60000""")
                    .setParameter("c", connection).getResultList();
            String budget = window.isEmpty() ? "-" : window.get(0)[0] + "/" + window.get(0)[1] + ", "
                    + String.format(Locale.ROOT, "%.1f", ((Number) window.get(0)[2]).doubleValue());
            return String.format(Locale.ROOT, "%4d %7d %7d %12d %12d %11d  %-28s %5d %8d", ((Number) jobs[0]).longValue(),
                    ((Number) jobs[1]).longValue(), ((Number) jobs[2]).longValue(), ((Number) jobs[3]).longValue(),
                    ((Number) jobs[4]).longValue(), ((Number) jobs[5]).longValue(), budget, simulatorWindow,
                    ((Number) jobs[6]).longValue());
        });
    }
}
