package dev.patchbay.connector.genesys;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.DeleteMode;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.RetryPolicy;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.TaskTemplate;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Genesys Cloud's quirks as data: the user's email is its user name and, with the name, is patched (with
 * the current version); the division is chosen at creation; license, roles (with divisions), routing
 * skills and queue memberships are separate calls in that order, because a role needs its license
 * first. Genesys keeps queue memberships of a deactivated user, so offboarding clears them first.
 * Deleting is soft (restorable), and a restore brings back none of the follow-ups. 300 calls a minute
 * per OAuth client.
 */
final class GenesysCapabilities {

    static final TaskTemplate DIVISION_FIXED = new TaskTemplate("immutable_change",
            "Genesys Cloud {field} is chosen at creation: move the user from {from} to {to} by hand, or revert the"
                    + " IdP value",
            "Genesys Cloud Admin > People & Permissions > People > (user) > Division");
    static final TaskTemplate LICENSE_CEILING = new TaskTemplate("license_ceiling",
            "A Genesys Cloud role needs a higher license than the user has: raise the user's license or remove"
                    + " the role",
            "Genesys Cloud Admin > People & Permissions > People > (user) > Roles");
    static final TaskTemplate DELETE_BY_HAND = new TaskTemplate("delete_by_hand",
            "Delete the user in Genesys Cloud", "Genesys Cloud Admin > People & Permissions > People");

    private GenesysCapabilities() {
    }

    static Capabilities capabilities() {
        Map<SeatField, FieldCapability> fields = new EnumMap<>(SeatField.class);
        fields.put(SeatField.USER_NAME, FieldCapability.patch());
        fields.put(SeatField.DISPLAY_NAME, FieldCapability.patch());
        fields.put(SeatField.DIVISION, FieldCapability.immutableAtCreate());
        List<SeatField> followUps = List.of(SeatField.LICENSE, SeatField.ROLES, SeatField.SKILLS, SeatField.QUEUES);
        followUps.forEach(field -> fields.put(field, FieldCapability.followUp()));
        return new Capabilities(fields, followUps,
                DeleteMode.SOFT_DELETE,
                List.of(new OffboardingAction.Clear(SeatField.QUEUES), new OffboardingAction.Deactivate()),
                Set.of(SeatField.ROLES, SeatField.SKILLS, SeatField.QUEUES),
                DIVISION_FIXED,
                DELETE_BY_HAND,
                // The budget counts steps, and a step makes about three calls of the org's 300 a minute;
                // a 429 beyond that pauses the account until its Retry-After.
                new RateLimit(100, Duration.ofMinutes(1), 20),
                RetryPolicy.standard(),
                List.of(new OffboardingAction.Clear(SeatField.QUEUES)),
                null);
    }
}
