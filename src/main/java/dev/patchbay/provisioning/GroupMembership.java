package dev.patchbay.provisioning;

import java.util.UUID;

/** A group a user belongs to, directly or through nested groups. */
public record GroupMembership(UUID groupId, String displayName, boolean direct) {
}
