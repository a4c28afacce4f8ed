package dev.patchbay.provisioning;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.provisioning.planner.Planner;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.SeatPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a sync of one user would do under a policy: the desired seat (roles waiting for approval held
 * back), the applied seat, and the planned steps. The worker runs it; the dry-run only shows it.
 */
@ApplicationScoped
public class SyncPlanner {

    public static final String APPROVAL_KIND = "role_approval";
    public static final String IRREVERSIBLE_KIND = "irreversible_approval";
    static final java.time.Duration DELETE_GATE_RECHECK = java.time.Duration.ofMinutes(15);

    /**
     * A planned sync; {@code awaitingApproval} are roles held back until an admin approves them, and
     * {@code awaitingIrreversible} fields the vendor can never take back once set, held back likewise;
     * {@code revisitAt}, when set, is when the user must be synced again (a delayed delete).
     */
    public record SyncPlan(Seat desired, Seat applied, String vendorId, Capabilities capabilities, List<Step> steps,
            Set<String> awaitingApproval, Map<SeatField, Object> awaitingIrreversible, Instant revisitAt,
            Instant settleUntil) {
    }

    /** The task field of an irreversible value's approval, e.g. "directory_visible:true". */
    public static String irreversibleTaskField(SeatField field, Object value) {
        return field.name().toLowerCase() + ":" + value;
    }

    private final UserService users;
    private final VendorAccounts accounts;
    private final FollowUpTasks tasks;
    private final Clock clock;
    private final java.time.Duration settleTime;

    /**
     * @param settleTime how long a new user's create waits after its last SCIM write while it belongs to no
     *     group: IdPs push the user first and its memberships a moment later, and fields fixed at creation
     *     (a site, a division, a username) come from those memberships
     */
    public SyncPlanner(UserService users, VendorAccounts accounts, FollowUpTasks tasks, Clock clock,
            @ConfigProperty(name = "patchbay.provisioning.create-settle-time") java.time.Duration settleTime) {
        this.users = users;
        this.accounts = accounts;
        this.tasks = tasks;
        this.clock = clock;
        this.settleTime = settleTime;
    }

    public SyncPlan plan(String connectionId, UUID userId, Capabilities vendorCapabilities, PolicyDocument policy) {
        Capabilities capabilities = SeatPolicy.effective(vendorCapabilities, policy);
        Optional<VendorAccount> account = accounts.find(connectionId, userId);
        Seat applied = account.map(VendorAccount::applied).orElse(null);
        Optional<StoredUser> user = users.find(connectionId, userId);
        Seat desired;
        Set<String> awaiting = Set.of();
        Map<SeatField, Object> irreversible = Map.of();
        Instant revisitAt = null;
        Instant settleUntil = null;
        if (user.isPresent()) {
            List<String> groups = directGroups(user.get());
            desired = SeatPolicy.desired(user.get(), groups, policy, capabilities.skillScale());
            Instant settled = user.get().lastModified().plus(settleTime);
            if (applied == null && groups.isEmpty() && settled.isAfter(clock.instant())) {
                settleUntil = settled;
            }
            awaiting = awaitingApproval(connectionId, userId, desired, applied, policy, capabilities);
            if (!awaiting.isEmpty()) {
                TreeSet<String> granted = new TreeSet<>(roles(desired));
                granted.removeAll(awaiting);
                desired = desired.with(SeatField.ROLES, granted.isEmpty() ? null : Set.copyOf(granted));
            }
            irreversible = awaitingIrreversible(connectionId, userId, desired, applied, capabilities);
            for (SeatField field : irreversible.keySet()) {
                desired = desired.with(field, applied == null ? null : applied.get(field));
            }
        } else if (applied == null) {
            desired = null;
        } else if (!SeatPolicy.deletesOnIdpDelete(policy)) {
            // Deleted in the IdP: deactivated, unless the policy says to delete.
            desired = applied.withActive(false);
        } else {
            Instant deleteAt = users.deletedAt(connectionId, userId).orElse(clock.instant())
                    .plus(SeatPolicy.deleteDelay(policy));
            boolean due = !deleteAt.isAfter(clock.instant());
            desired = due ? null : applied.withActive(false);
            revisitAt = due ? null : deleteAt;
        }
        List<Step> steps = Planner.plan(desired, applied, capabilities,
                SeatPolicy.recreatesOnImmutableChange(policy));
        if (capabilities.deleteGate() != null && steps.contains(new Step.Delete())
                && !tasks.approved(connectionId, userId, capabilities.deleteGate().kind(), "")) {
            // The delete waits until a person completed the gate task (export voicemails first).
            List<Step> gated = new java.util.ArrayList<>(steps);
            gated.set(gated.indexOf(new Step.Delete()), new Step.RaiseTask(capabilities.deleteGate(), null, null, null));
            steps = List.copyOf(gated);
            revisitAt = clock.instant().plus(DELETE_GATE_RECHECK);
        }
        return new SyncPlan(desired, applied, account.map(VendorAccount::vendorId).orElse(null), capabilities,
                steps, awaiting, irreversible, revisitAt, settleUntil);
    }

    /** Values of fields the vendor can never take back, that the user does not have yet and no admin approved. */
    private Map<SeatField, Object> awaitingIrreversible(String connectionId, UUID userId, Seat desired, Seat applied,
            Capabilities capabilities) {
        Map<SeatField, Object> awaiting = new java.util.EnumMap<>(SeatField.class);
        capabilities.fields().forEach((field, capability) -> {
            Object value = desired.get(field);
            if (capability.irreversible() && value != null && !Boolean.FALSE.equals(value)
                    && !desired.sameValue(field, applied)
                    && !tasks.approved(connectionId, userId, IRREVERSIBLE_KIND, irreversibleTaskField(field, value))) {
                awaiting.put(field, value);
            }
        });
        return awaiting;
    }

    /** Roles the policy guards that the vendor does not have yet and no admin approved. */
    private Set<String> awaitingApproval(String connectionId, UUID userId, Seat desired, Seat applied,
            PolicyDocument policy, Capabilities capabilities) {
        Set<String> guarded = new TreeSet<>(SeatPolicy.rolesNeedingApproval(policy));
        guarded.addAll(capabilities.irreversibleRoles());
        TreeSet<String> awaiting = new TreeSet<>();
        for (String role : roles(desired)) {
            if (guarded.contains(role) && !roles(applied).contains(role)
                    && !tasks.approved(connectionId, userId, APPROVAL_KIND, "role:" + role)) {
                awaiting.add(role);
            }
        }
        return awaiting;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> roles(Seat seat) {
        Object roles = seat == null ? null : seat.get(SeatField.ROLES);
        return roles == null ? Set.of() : (Set<String>) roles;
    }

    private List<String> directGroups(StoredUser user) {
        return users.groupsOf(List.of(user.id())).getOrDefault(user.id(), List.of()).stream()
                .filter(GroupMembership::direct).map(GroupMembership::displayName).toList();
    }
}
