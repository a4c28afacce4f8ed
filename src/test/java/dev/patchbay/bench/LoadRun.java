package dev.patchbay.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs one operation from a number of concurrent clients for a fixed time after a warm-up, and reports
 * throughput and latency percentiles. Each client calls the operation with an increasing index.
 */
public final class LoadRun {

    public record Result(String name, int clients, double perSecond, double p50Millis, double p99Millis) {

        public String row(String users, Result httpFloor, Result dbFloor) {
            return String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %.2f | %.2f | %s | %s |", name, users, clients,
                    perSecond, p50Millis, p99Millis, ratio(httpFloor), ratio(dbFloor));
        }

        /** A row without the users and database-floor columns. */
        public String row(Result httpFloor) {
            return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %s |", name, clients, perSecond,
                    p50Millis, p99Millis, ratio(httpFloor));
        }

        private String ratio(Result floor) {
            return floor == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * perSecond / floor.perSecond());
        }
    }

    private LoadRun() {
    }

    public static Result run(String name, int clients, long warmUpMillis, long measureMillis, IntConsumer operation) {
        CountDownLatch done = new CountDownLatch(clients);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + warmUpMillis * 1_000_000;
        long end = measureFrom + measureMillis * 1_000_000;
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                int index = client * 10_000_000;
                try {
                    while (failure.get() == null) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            break;
                        }
                        operation.accept(index++);
                        long after = System.nanoTime();
                        if (before >= measureFrom && after <= end && counts[client] < mine.length) {
                            mine[counts[client]++] = after - before;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "load-" + name + "-" + c);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, clients, total / (measureMillis / 1000.0), percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
    }
}
