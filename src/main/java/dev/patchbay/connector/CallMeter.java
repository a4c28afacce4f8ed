package dev.patchbay.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one job's vendor calls came to: how many requests the connector sent, the vendor's own counts of
 * the budget's windows as its latest answers reported them (Genesys {@code inin-ratelimit-*}, 8x8
 * {@code x-ratelimit-*}, Five9 {@code getCallCountersState}), for the rate limiter to follow; and which of the connection's several credentials the vendor refused (set aside while the
 * others carry on) or accepts again.
 */
public final class CallMeter {

    /**
     * The vendor's count: {@code used} of {@code allowed} calls in its window of {@code period}, which
     * resets at {@code resetsAt} (from the time of the vendor's answer, so that the time it takes to pass the
     * count on does not move the window).
     */
    public record VendorCount(int allowed, int used, Instant resetsAt, Duration period) {
        public VendorCount {
            if (allowed < 1 || used < 0 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a vendor count needs allowed >= 1, used >= 0 and a positive period");
            }
        }
    }

    /** A credential the vendor refused ({@code reason}), or ({@code reason} null) accepts again. */
    public record CredentialChange(String credential, String reason) {
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final Map<Duration, VendorCount> reported = new LinkedHashMap<>();
    private final Map<String, CredentialChange> credentials = new LinkedHashMap<>();

    /** One request went to the vendor (whatever it answered). */
    public void called() {
        calls.incrementAndGet();
    }

    /** The vendor's count of one of its windows, as its answer just reported it (replacing an older one). */
    public synchronized void reported(VendorCount count) {
        reported.put(count.period(), count);
    }

    /** The vendor refused {@code credential}; the connection's other credentials carry on. */
    public synchronized void credentialRefused(String credential, String reason) {
        credentials.put(credential, new CredentialChange(credential, reason));
    }

    /** A credential refused before works again. */
    public synchronized void credentialAccepted(String credential) {
        credentials.put(credential, new CredentialChange(credential, null));
    }

    /** The credential changes since the previous take, once. */
    public synchronized List<CredentialChange> takeCredentialChanges() {
        List<CredentialChange> taken = new ArrayList<>(credentials.values());
        credentials.clear();
        return taken;
    }

    public int calls() {
        return calls.get();
    }

    /** The counts the vendor reported last since the previous take (one per window), once. */
    public synchronized List<VendorCount> takeReported() {
        List<VendorCount> taken = new ArrayList<>(reported.values());
        reported.clear();
        return taken;
    }
}
