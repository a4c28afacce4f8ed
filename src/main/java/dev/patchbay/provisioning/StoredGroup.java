package dev.patchbay.provisioning;

import java.time.Instant;
import java.util.UUID;

public record StoredGroup(UUID id, GroupData data, long version, Instant created, Instant lastModified) {
}
