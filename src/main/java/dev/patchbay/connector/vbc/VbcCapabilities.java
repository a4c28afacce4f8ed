package dev.patchbay.connector.vbc;

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
import java.util.List;

/**
 * VBC's quirks as data. Its Provisioning API reads users, extensions, locations and numbers and writes
 * nothing, so the connector declares read, find and task verification only: every write is a task for a
 * person in the VBC Admin Portal, with the steps and the money at stake, that reading VBC verifies. The
 * fields are those a person enters when adding a user (VBC needs first name, last name and email); a change
 * of any of them is a task. Deactivating or deleting is one task, "delete the user and release the number",
 * closed only once the user is gone and no extension holds the number any more: a deleted user's number
 * stays on the account, billed, until it is released.
 */
final class VbcCapabilities {

    static final TaskTemplate ADD_USER = new TaskTemplate("vbc_add_user",
            "In the VBC Admin Portal add {seat.given_name} {seat.family_name} <{seat.email}> (login name"
                    + " {seat.user_name}) with a {seat.license} line, extension {seat.extension|of your choice},"
                    + " location {seat.site|the main one}, and assign a DID: {cost}/month for the line",
            "VBC Admin Portal > Users > Add User");
    static final TaskTemplate CHANGE = new TaskTemplate("vbc_change",
            "In the VBC Admin Portal change the {field} of {seat.given_name} {seat.family_name} <{seat.email}>"
                    + " (extension {seat.extension|none}) from {from} to {to}",
            "VBC Admin Portal > Users > (user) > Edit");
    static final TaskTemplate REMOVE_USER = new TaskTemplate("vbc_remove_user",
            "Delete {seat.given_name} {seat.family_name} <{seat.email}> in the VBC Admin Portal and release DID"
                    + " {seat.phone|(none on record: check the extension's numbers)} (extension"
                    + " {seat.extension|none on record}): {cost}/month until released. Deleting the user alone"
                    + " keeps the number on the account, billed",
            "VBC Admin Portal > Users > (user) > Delete; then Phone Numbers > (number) > Release",
            "did:{seat.phone|};extension:{seat.extension|}");
    static final TaskTemplate RESTORE_USER = new TaskTemplate("vbc_restore_user",
            "The user is active again in the IdP: add {seat.given_name} {seat.family_name} <{seat.email}> back in"
                    + " the VBC Admin Portal with a {seat.license} line: {cost}/month",
            "VBC Admin Portal > Users > Add User");

    /** With identity through SCIM: the user exists, and a person gives it its line, extension and number. */
    static final TaskTemplate ADD_LINE = new TaskTemplate("vbc_add_line",
            "In the VBC Admin Portal give {seat.given_name} {seat.family_name} <{seat.email}> a {to} line with"
                    + " extension {seat.extension|of your choice} at location {seat.site|the main one}, and assign a"
                    + " DID: {cost}/month for the line",
            "VBC Admin Portal > Users > (user) > Add extension");
    /** With identity through SCIM: the deactivation is done, and the line and its number remain billed. */
    static final TaskTemplate RELEASE_LINE = new TaskTemplate("vbc_release_line",
            "{seat.given_name} {seat.family_name} <{seat.email}> is deactivated through SCIM, but the line and"
                    + " number stay billed: in the VBC Admin Portal remove the user's extension {seat.extension|(none"
                    + " on record: check the user's extensions)} and release DID {seat.phone|(none on record: check"
                    + " the extension's numbers)}: {cost}/month until released",
            "VBC Admin Portal > Users > (user) > Extensions > Remove; then Phone Numbers > (number) > Release",
            "did:{seat.phone|};extension:{seat.extension|}");

    /** Fields a person enters in the portal; VBC needs first name, last name and email, and a line. */
    static final List<SeatField> IDENTITY = List.of(SeatField.USER_NAME, SeatField.GIVEN_NAME,
            SeatField.FAMILY_NAME, SeatField.EMAIL);

    private VbcCapabilities() {
    }

    static Capabilities capabilities() {
        return Capabilities.builder()
                .operations(Operation.READ, Operation.FIND, Operation.LIST, Operation.VERIFY_TASK)
                .field(SeatField.USER_NAME, FieldCapability.patch())
                .field(SeatField.GIVEN_NAME, FieldCapability.patch().required())
                .field(SeatField.FAMILY_NAME, FieldCapability.patch().required())
                .field(SeatField.EMAIL, FieldCapability.patch().required())
                .field(SeatField.LICENSE, FieldCapability.patch().required())
                .field(SeatField.EXTENSION, FieldCapability.patch().vendorAssignedWhenUnset())
                .field(SeatField.SITE, FieldCapability.patch().vendorAssignedWhenUnset())
                // A role (Account Administrator) is granted once the user exists: its own task, after approval.
                .field(SeatField.ROLES, FieldCapability.followUp())
                .deleteMode(DeleteMode.HARD_DELETE)
                .byHand(Operation.CREATE, ADD_USER)
                .byHand(Operation.UPDATE_PATCH, CHANGE)
                .byHand(Operation.UPDATE_REPLACE, CHANGE)
                .byHand(Operation.FOLLOW_UP, CHANGE)
                .byHand(Operation.DEACTIVATE, REMOVE_USER)
                .byHand(Operation.DELETE, REMOVE_USER)
                .byHand(Operation.REACTIVATE, RESTORE_USER)
                // VBC publishes no limit for the Provisioning API; a few calls at once per account.
                .rateLimit(new RateLimit(List.of(), 4))
                // Pages of users, then of extensions, of up to 100 (the largest VBC documents none [UNVERIFIED]).
                .listing(new Listing(100, 1, 0))
                .retryPolicy(RetryPolicy.standard())
                .build();
    }

    /**
     * With a SCIM endpoint configured: identity (login name, names, email, active) is written through it,
     * and the user deleted; the line, extension, location and numbers stay portal tasks. A deactivation
     * raises the task that frees the line and releases the number, and a user active again needs a line anew.
     */
    static Capabilities withScim() {
        return capabilities().toBuilder()
                .operations(Operation.READ, Operation.FIND, Operation.LIST, Operation.VERIFY_TASK, Operation.CREATE,
                        Operation.UPDATE_PATCH, Operation.DEACTIVATE, Operation.REACTIVATE, Operation.DELETE)
                .field(SeatField.LICENSE, FieldCapability.followUp().required())
                .field(SeatField.EXTENSION, FieldCapability.followUp().vendorAssignedWhenUnset())
                .field(SeatField.SITE, FieldCapability.followUp().vendorAssignedWhenUnset())
                .byHand(SeatField.LICENSE, ADD_LINE)
                .offboarding(new OffboardingAction.Deactivate(), new OffboardingAction.Task(RELEASE_LINE))
                .forgottenOnDeactivate(SeatField.LICENSE)
                .build();
    }
}
