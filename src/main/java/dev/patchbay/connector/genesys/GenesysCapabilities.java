package dev.patchbay.connector.genesys;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.DeleteMode;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.Listing;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.RetryPolicy;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.SkillScale;
import dev.patchbay.connector.TaskTemplate;
import java.time.Duration;
import java.util.List;

/**
 * Genesys Cloud's quirks as data: the user's email is its user name and, with the name, is patched (with
 * the current version); division, license, roles (with divisions), routing skills and queue memberships
 * are separate calls in that order, because a role is granted in the user's division and needs its
 * license first. Genesys keeps queue memberships of a deactivated user, so offboarding clears them first.
 * Deleting is soft (restorable), and a restore brings back none of the follow-ups. 300 calls a minute
 * per OAuth client, counted per call.
 */
final class GenesysCapabilities {

    static final TaskTemplate LICENSE_CEILING = new TaskTemplate("license_ceiling",
            "A Genesys Cloud role needs a higher license than the user has: raise the user's license or remove"
                    + " the role",
            "Genesys Cloud Admin > People & Permissions > People > (user) > Roles");
    static final TaskTemplate DELETE_BY_HAND = new TaskTemplate("delete_by_hand",
            "Delete the user in Genesys Cloud", "Genesys Cloud Admin > People & Permissions > People");

    private GenesysCapabilities() {
    }

    static Capabilities capabilities() {
        return Capabilities.builder()
                .operations(Operation.CREATE, Operation.READ, Operation.FIND, Operation.LIST, Operation.UPDATE_PATCH,
                        Operation.FOLLOW_UP, Operation.DEACTIVATE, Operation.REACTIVATE, Operation.DELETE,
                        Operation.VERIFY_TASK)
                .fields(List.of(SeatField.USER_NAME, SeatField.DISPLAY_NAME), FieldCapability.patch())
                .followUps(SeatField.DIVISION, SeatField.LICENSE, SeatField.ROLES, SeatField.SKILLS, SeatField.QUEUES)
                .batched(SeatField.LICENSE, SeatField.QUEUES)
                // An email is unique across active, inactive and deleted users: a duplicate create is a 409.
                .createRefusesDuplicates()
                .deleteMode(DeleteMode.SOFT_DELETE)
                .offboarding(new OffboardingAction.Clear(SeatField.QUEUES), new OffboardingAction.Deactivate())
                .forgottenOnDeactivate(SeatField.ROLES, SeatField.SKILLS, SeatField.QUEUES)
                .byHand(Operation.DELETE, DELETE_BY_HAND)
                // The budget counts calls: 300 a minute per OAuth client (the factory multiplies it by the
                // connection's clients), a step reserving 6 before it starts; the inin-ratelimit-* counters
                // of each answer correct it, and a 429 still pauses the account until its Retry-After.
                .rateLimit(new RateLimit(300, Duration.ofMinutes(1), 20).perCall(6))
                // Pages of up to 500 users; each account's read is the user, licenses, grants, skills, queues.
                .listing(new Listing(500, 1, 5).showing(SeatField.LICENSE, SeatField.ROLES, SeatField.SKILLS,
                        SeatField.QUEUES))
                .retryPolicy(RetryPolicy.standard())
                .beforeDelete(new OffboardingAction.Clear(SeatField.QUEUES))
                .skillScale(SkillScale.higherIsBetter(0, 5))
                .build();
    }
}
