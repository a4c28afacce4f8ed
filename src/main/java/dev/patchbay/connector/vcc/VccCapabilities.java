package dev.patchbay.connector.vcc;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.DeleteMode;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.Listing;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.RetryPolicy;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.SkillScale;
import dev.patchbay.connector.TaskTemplate;
import java.time.Duration;
import java.util.List;

/**
 * Vonage Contact Center's quirks as data: the username (from the IdP userName by the connection's rule)
 * and the agent display id are set at creation and never changed; name, email, phone, role and telephony
 * region are patched; skills, agent groups and add-on licenses are separate calls, each replacing the whole
 * list. Deactivating archives; deleting needs the user archived first (the planner deactivates before it
 * deletes). No published rate limit: one fair-use budget for all calls of the account, 429 without
 * Retry-After, so the connector backs off itself.
 */
final class VccCapabilities {

    static final String CONSOLE = "VCC Admin Portal > Users";

    static final TaskTemplate USERNAME_CHANGE = new TaskTemplate("immutable_change",
            "Vonage Contact Center can never change {field} after the user is saved: {from} stays; to use {to},"
                    + " let the policy recreate the user (immutableChanges.recreate) or revert the IdP value",
            CONSOLE);
    static final TaskTemplate BUY_LICENCES = new TaskTemplate("buy_vcc_agent_licences",
            "Buy VCC agent licences: every licensed agent is in use, so VCC refuses another agent (or set the"
                    + " connection's allowOverages to accept the overage charge)",
            "VCC Admin Portal > Account > Licences");
    /** The price name of one agent licence (the policy's prices give it; VCC publishes none). */
    static final String AGENT_LICENCE = "agent";

    static final TaskTemplate OVERAGE = new TaskTemplate("vcc_agent_overage",
            "This agent was created beyond the licensed agent count (allowOverages): VCC bills the overage until"
                    + " a licence is bought or an agent archived",
            "VCC Admin Portal > Account > Licences");
    static final TaskTemplate API_CREDENTIALS = new TaskTemplate("delete_vcc_api_credentials",
            "Delete their API credentials in VCC first: VCC does not delete a user who has API credentials",
            "VCC Admin Portal > Users > (user) > API Credentials");
    static final TaskTemplate ACT_AS_AGENT = new TaskTemplate("vcc_act_as_agent_irrevocable",
            "VCC can never revoke 'allow to act as agent': the user keeps it; archive the user in VCC if they"
                    + " must no longer take interactions, or give ActAsAgent back in the IdP",
            CONSOLE);

    static final TaskTemplate SKILLS_NEED_AGENT = new TaskTemplate("vcc_skills_need_agent",
            "VCC gives skills only to agents and this user is not one yet: the skills follow once the user may act"
                    + " as an agent (approve ActAsAgent, or give the Agent role)",
            CONSOLE);
    static final TaskTemplate MULTIPLE_ACCOUNTS = new TaskTemplate("vcc_archive_multiple_accounts",
            "The user is linked to several VCC accounts: archive them in VCC, or set the connection's"
                    + " acceptArchiveInMultipleAccounts so that Patchbay archives them in every account",
            CONSOLE);

    private VccCapabilities() {
    }

    static Capabilities capabilities() {
        return Capabilities.builder()
                .operations(Operation.CREATE, Operation.READ, Operation.FIND, Operation.LIST, Operation.UPDATE_PATCH,
                        Operation.FOLLOW_UP, Operation.DEACTIVATE, Operation.REACTIVATE, Operation.DELETE,
                        Operation.RETIRE, Operation.VERIFY_TASK)
                .field(SeatField.USER_NAME, FieldCapability.immutableAtCreate().required())
                .field(SeatField.EMAIL, FieldCapability.patch().required())
                .fields(List.of(SeatField.DISPLAY_NAME, SeatField.GIVEN_NAME, SeatField.FAMILY_NAME, SeatField.PHONE,
                        SeatField.ROLES, SeatField.TELEPHONY_REGION), FieldCapability.patch())
                // The agent display id "can be set only once": a change once set is a task.
                .field(SeatField.EXTENSION, FieldCapability.immutableAtCreate())
                .followUps(SeatField.SKILLS, SeatField.AGENT_GROUPS, SeatField.LICENSE)
                // One PUT /skills/{skillId}/users serves every user due together (read, merged, written back).
                .batched(SeatField.SKILLS)
                .deleteMode(DeleteMode.HARD_DELETE)
                .immutableChange(USERNAME_CHANGE)
                // Fair use, numbers unpublished: a few jobs at once; a 429 pauses the account (see VccHttp).
                .rateLimit(new RateLimit(List.of(), 4))
                // Pages of up to 5000 users (VCC's largest limit); each account's read is the user, its skills, its groups.
                .listing(new Listing(5000, 1, 3).showing(SeatField.AGENT_GROUPS))
                .retryPolicy(new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofMinutes(10)))
                .skillScale(SkillScale.higherIsBetter(1, 10))
                // VCC holds one name, made from the display name or else first and last name.
                .writtenTogether(SeatField.DISPLAY_NAME, SeatField.GIVEN_NAME, SeatField.FAMILY_NAME)
                // "Allow to act as agent" can never be revoked in VCC: granted only after an approval.
                .irreversibleRoles(VccRoles.ACT_AS_AGENT)
                .build();
    }
}
