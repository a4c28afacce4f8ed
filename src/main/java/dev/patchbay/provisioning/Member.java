package dev.patchbay.provisioning;

import java.util.UUID;

/** A member of a group: a user or a group of the same connection. */
public record Member(UUID id, MemberType type, String display) {

    public enum MemberType { User, Group }
}
