package dev.patchbay.security;

import dev.patchbay.security.ScimAuthenticator.ScimIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verified SCIM credentials for a short time, so that a Basic password is hashed with PBKDF2 once per
 * {@code patchbay.scim.credential-cache.ttl} rather than once per request. Entries are keyed by the SHA-256
 * of the connection and the presented Authorization header, and hold only the verified principal: the
 * cache never holds a password or token. An entry ends with the credential's own expiry, and every entry
 * is dropped when any credential changes anywhere ({@link CredentialRevocations}); while that signal is not
 * being received, nothing is cached.
 */
@ApplicationScoped
public class CredentialCache {

    /** A runaway number of distinct credentials (a guessing client) only empties the cache, never grows it. */
    static final int MAX_ENTRIES = 10_000;

    private record Key(byte[] digest) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(digest, key.digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }
    }

    private record Entry(ScimIdentity identity, Instant until, long generation) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Optional<Verified>>> inFlight = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private volatile boolean revocationsHeard;
    private volatile long generation;

    private final TransactionSynchronizationRegistry transactions;

    public CredentialCache(@ConfigProperty(name = "patchbay.scim.credential-cache.ttl", defaultValue = "30s") Duration ttl,
            Clock clock, TransactionSynchronizationRegistry transactions) {
        this.ttl = ttl;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * For a revocation on this instance: forget every verified credential once the current transaction
     * has ended, without waiting for the notification (which other instances rely on).
     */
    public void invalidateAfterTransaction() {
        invalidateAll();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                invalidateAll();
            }
        });
    }

    /** A credential as verified, and when it stops being valid by itself (null: only when revoked). */
    record Verified(ScimIdentity identity, Instant expiresAt) {
    }

    /**
     * The cached identity for this header, or else what {@code verifier} finds, remembered when valid.
     * Concurrent requests with the same header share one verification: a client opening 16 connections
     * costs one PBKDF2 hash, not 16.
     */
    Optional<ScimIdentity> lookup(String connectionId, String authorization, Supplier<Optional<Verified>> verifier) {
        if (!enabled()) {
            return verifier.get().map(Verified::identity);
        }
        Key key = key(connectionId, authorization);
        Entry entry = entries.get(key);
        if (entry != null) {
            if (entry.generation() == generation && clock.instant().isBefore(entry.until())) {
                return Optional.of(entry.identity());
            }
            entries.remove(key, entry);
        }
        CompletableFuture<Optional<Verified>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Verified>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return awaitOther(running).map(Verified::identity);
        }
        long generationAtCheck = generation;
        try {
            Optional<Verified> verified = verifier.get();
            mine.complete(verified);
            verified.ifPresent(found -> remember(key, found, generationAtCheck));
            return verified.map(Verified::identity);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static Optional<Verified> awaitOther(CompletableFuture<Optional<Verified>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** When a revocation came in while the credential was being checked, the answer may be stale and is not kept. */
    private void remember(Key key, Verified verified, long generationAtCheck) {
        if (generationAtCheck != generation) {
            return;
        }
        Instant until = clock.instant().plus(ttl);
        if (verified.expiresAt() != null && verified.expiresAt().isBefore(until)) {
            until = verified.expiresAt();
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(verified.identity(), until, generationAtCheck));
    }

    long generation() {
        return generation;
    }

    /** Some credential changed (revoked, deleted, expired early): forget every verified credential. */
    void invalidateAll() {
        generation++;
        entries.clear();
    }

    /** Whether revocations from every instance reach this one; the cache works only while they do. */
    void revocationsHeard(boolean heard) {
        invalidateAll();
        revocationsHeard = heard;
    }

    int size() {
        return entries.size();
    }

    /** The keys as they are held: digests only (for the test that no secret is kept). */
    java.util.List<byte[]> keys() {
        return entries.keySet().stream().map(Key::digest).toList();
    }

    private boolean enabled() {
        return revocationsHeard && !ttl.isZero() && !ttl.isNegative();
    }

    private static Key key(String connectionId, String authorization) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(connectionId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return new Key(sha256.digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
