package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.DeleteMode;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.RetryPolicy;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.TaskTemplate;
import dev.patchbay.connector.WriteRoute;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 8x8's quirks as data: identity goes through its SCIM API, where PATCH takes only {@code active}, so
 * every other change is a full PUT (REPLACE); the site is fixed at creation; license, directory
 * visibility and extension are Admin API calls after the SCIM create, in that order; deactivation asks
 * for a partial cancellation to stop billing; a delete frees the license first and waits until a
 * person exported the voicemails; the Admin API takes 100 calls a minute and 10 async operations at once.
 */
final class EightByEightCapabilities {

    static final TaskTemplate SITE_IMMUTABLE = new TaskTemplate("immutable_change",
            "8x8 site is immutable: recreate the user at {to} or revert the IdP value to {from}",
            "8x8 Admin Console > Users > Site");
    static final TaskTemplate PARTIAL_CANCELLATION = new TaskTemplate("billing_cancellation",
            "Submit a partial cancellation to stop billing for the deactivated user",
            "8x8 Admin Console > Billing > Partial cancellation");
    static final TaskTemplate DELETE_BY_HAND = new TaskTemplate("delete_by_hand",
            "Delete the user in 8x8 after exporting voicemails", "8x8 Admin Console > Users");
    static final TaskTemplate EXPORT_VOICEMAILS = new TaskTemplate("export_voicemails",
            "Export the user's voicemails; Patchbay deletes the 8x8 user once this task is completed",
            "8x8 Admin Console > Users > Voicemail");
    static final TaskTemplate LICENSE_UNAVAILABLE = new TaskTemplate("license_unavailable",
            "Buy or free an 8x8 license", "8x8 Admin Console > Licenses");

    private EightByEightCapabilities() {
    }

    static Capabilities capabilities() {
        Map<SeatField, FieldCapability> fields = new EnumMap<>(SeatField.class);
        for (SeatField identity : List.of(SeatField.USER_NAME, SeatField.GIVEN_NAME, SeatField.FAMILY_NAME,
                SeatField.EMAIL, SeatField.EXTERNAL_ID)) {
            fields.put(identity, FieldCapability.replace());
        }
        fields.put(SeatField.SITE, new FieldCapability(true, WriteRoute.REPLACE));
        for (SeatField followUp : List.of(SeatField.LICENSE, SeatField.DIRECTORY_VISIBLE, SeatField.EXTENSION)) {
            fields.put(followUp, FieldCapability.followUp());
        }
        return new Capabilities(fields,
                List.of(SeatField.LICENSE, SeatField.DIRECTORY_VISIBLE, SeatField.EXTENSION),
                DeleteMode.HARD_DELETE,
                List.of(new OffboardingAction.Deactivate(), new OffboardingAction.Task(PARTIAL_CANCELLATION)),
                Set.of(),
                SITE_IMMUTABLE,
                DELETE_BY_HAND,
                new RateLimit(100, Duration.ofMinutes(1), 10),
                RetryPolicy.standard(),
                List.of(new OffboardingAction.Clear(SeatField.LICENSE)),
                EXPORT_VOICEMAILS);
    }
}
