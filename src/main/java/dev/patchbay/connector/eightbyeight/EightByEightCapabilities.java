package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.DeleteMode;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.Listing;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.RetryPolicy;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.TaskTemplate;
import dev.patchbay.connector.WriteRoute;
import java.util.List;

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

    /** 8x8's Admin API allowance per API key and minute. */
    static final int REQUESTS_PER_MINUTE = 100;

    static Capabilities capabilities() {
        return Capabilities.builder()
                .operations(Operation.CREATE, Operation.READ, Operation.FIND, Operation.LIST, Operation.UPDATE_REPLACE,
                        Operation.FOLLOW_UP, Operation.DEACTIVATE, Operation.REACTIVATE, Operation.DELETE,
                        Operation.RETIRE, Operation.VERIFY_TASK)
                .fields(List.of(SeatField.USER_NAME, SeatField.GIVEN_NAME, SeatField.FAMILY_NAME, SeatField.EMAIL,
                        SeatField.EXTERNAL_ID), FieldCapability.replace())
                .field(SeatField.SITE, new FieldCapability(true, WriteRoute.REPLACE).required())
                .followUps(SeatField.LICENSE, SeatField.DIRECTORY_VISIBLE, SeatField.EXTENSION)
                .deleteMode(DeleteMode.HARD_DELETE)
                .offboarding(new OffboardingAction.Deactivate(), new OffboardingAction.Task(PARTIAL_CANCELLATION))
                .immutableChange(SITE_IMMUTABLE)
                .byHand(Operation.DELETE, DELETE_BY_HAND)
                .rateLimit(new EightByEightLimits(REQUESTS_PER_MINUTE).rateLimit())
                // Admin API pages of up to 1000 whole users; the first page also asks SCIM for the total.
                .listing(new Listing(1000, 2, 0).showing(SeatField.LICENSE))
                .retryPolicy(RetryPolicy.standard())
                .beforeDelete(new OffboardingAction.Clear(SeatField.LICENSE))
                .deleteGate(EXPORT_VOICEMAILS)
                .build();
    }
}
