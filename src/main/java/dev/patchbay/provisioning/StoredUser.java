package dev.patchbay.provisioning;

import java.time.Instant;
import java.util.UUID;

public record StoredUser(UUID id, UserData data, long version, Instant created, Instant lastModified) {
}
