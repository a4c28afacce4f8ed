package dev.patchbay.job;

import java.util.UUID;

/** A claimed job: bring one user's vendor account up to date. {@code attempt} counts from 1. */
public record Job(long id, String connectionId, UUID userId, int attempt) {
}
