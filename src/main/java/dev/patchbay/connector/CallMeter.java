package dev.patchbay.connector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one job's vendor calls came to: how many requests the connector sent, the vendor's own count of
 * the budget as its latest answer reported it (Genesys {@code inin-ratelimit-*}), for the rate limiter to
 * follow; and which of the connection's several credentials the vendor refused (set aside while the
 * others carry on) or accepts again.
 */
public final class CallMeter {

    /**
     * The vendor's count: {@code used} of {@code allowed} calls in its window of {@code period}, which
     * resets in {@code resetsIn}.
     */
    public record VendorCount(int allowed, int used, Duration resetsIn, Duration period) {
        public VendorCount {
            if (allowed < 1 || used < 0 || resetsIn.isNegative() || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a vendor count needs allowed >= 1, used >= 0 and a positive period");
            }
        }
    }

    /** A credential the vendor refused ({@code reason}), or ({@code reason} null) accepts again. */
    public record CredentialChange(String credential, String reason) {
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<VendorCount> reported = new AtomicReference<>();
    private final Map<String, CredentialChange> credentials = new LinkedHashMap<>();

    /** One request went to the vendor (whatever it answered). */
    public void called() {
        calls.incrementAndGet();
    }

    /** The vendor's count, as its answer just reported it. */
    public void reported(VendorCount count) {
        reported.set(count);
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

    /** The count the vendor reported last since the previous take, once. */
    public Optional<VendorCount> takeReported() {
        return Optional.ofNullable(reported.getAndSet(null));
    }
}
