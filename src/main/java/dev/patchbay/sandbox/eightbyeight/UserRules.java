package dev.patchbay.sandbox.eightbyeight;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules 8x8 enforces when a change runs against the customer's current state: unique userName
 * (case-insensitive), immutable site, licenses from the pool and only for users with a site, unique
 * extension numbers.
 */
final class UserRules {

    private final Collection<SandboxUser> users;
    private final LicensePool pool;

    UserRules(Collection<SandboxUser> users, LicensePool pool) {
        this.users = users;
        this.pool = pool;
    }

    /**
     * @param before the user as stored, or null for a new user
     * @param after  the user as the change would leave it
     * @throws RuleBroken for the first rule the change breaks
     */
    void check(SandboxUser before, SandboxUser after) {
        checkUserName(after);
        if (before != null && before.siteId != null && !before.siteId.equals(after.siteId)) {
            throw new RuleBroken(RuleBroken.Kind.SITE_IMMUTABLE, "basicInfo.site", "site cannot be changed");
        }
        checkLicenses(before, after);
        checkExtensions(after);
    }

    void checkUserName(SandboxUser user) {
        if (userNameTaken(user.userName, user.userId)) {
            throw new RuleBroken(RuleBroken.Kind.USERNAME_TAKEN, "basicInfo.userName", "userName already in use");
        }
    }

    boolean userNameTaken(String userName, String exceptUserId) {
        return others(exceptUserId).anyMatch(other -> other.userName.equalsIgnoreCase(userName));
    }

    long assigned(String licenseId) {
        return users.stream().filter(user -> user.licenseIds.contains(licenseId)).count();
    }

    private void checkLicenses(SandboxUser before, SandboxUser after) {
        if (after.licenseIds.isEmpty()) {
            return;
        }
        if (after.siteId == null) {
            throw new RuleBroken(RuleBroken.Kind.INVALID, "serviceInfo.licenses",
                    "A license cannot be assigned to a user without a site");
        }
        List<String> held = before == null ? List.of() : before.licenseIds;
        for (String licenseId : after.licenseIds) {
            if (held.contains(licenseId)) {
                continue;
            }
            long assignedToOthers = others(after.userId).filter(u -> u.licenseIds.contains(licenseId)).count();
            if (assignedToOthers >= pool.total(licenseId)) {
                String name = pool.byId(licenseId).map(LicenseType::name).orElse(licenseId);
                throw new RuleBroken(RuleBroken.Kind.INVALID, "serviceInfo.licenses",
                        "No " + name + " license available");
            }
        }
    }

    private void checkExtensions(SandboxUser user) {
        Set<String> own = new HashSet<>();
        for (Extension extension : user.extensions) {
            boolean usedElsewhere = others(user.userId).flatMap(other -> other.extensions.stream())
                    .anyMatch(other -> other.extensionNumber().equals(extension.extensionNumber()));
            if (!own.add(extension.extensionNumber()) || usedElsewhere) {
                throw new RuleBroken(RuleBroken.Kind.INVALID, "serviceInfo.extensions",
                        "extension number already in use: " + extension.extensionNumber());
            }
        }
    }

    private Stream<SandboxUser> others(String userId) {
        return users.stream().filter(user -> !Objects.equals(user.userId, userId));
    }
}
