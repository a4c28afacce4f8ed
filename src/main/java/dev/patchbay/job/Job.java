package dev.patchbay.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed job: bring one user's vendor account up to date. {@code attempt} counts from 1;
 * {@code failingSince} is when its current run of retryable failures began (null when it has none).
 */
public record Job(long id, String connectionId, UUID userId, int attempt, Instant failingSince) {

    public Job(long id, String connectionId, UUID userId, int attempt) {
        this(id, connectionId, userId, attempt, null);
    }
}
