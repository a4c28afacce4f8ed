package dev.patchbay.provisioning;

import java.util.Collection;
import java.util.UUID;

/**
 * Membership changes inside a group update. Each call is one SQL statement on the member rows, so a
 * change to a 50,000-member group never reads or rewrites the whole list.
 */
public interface GroupEdit {

    StoredGroup current();

    /** Adds members that are users or groups of the connection; members already present stay. */
    void addMembers(Collection<UUID> memberIds);

    void removeMembers(Collection<UUID> memberIds);

    void removeAllMembers();

    default void replaceMembers(Collection<UUID> memberIds) {
        removeAllMembers();
        addMembers(memberIds);
    }
}
