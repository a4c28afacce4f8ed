package dev.patchbay.connector.five9;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.DeleteMode;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.ListPrices;
import dev.patchbay.connector.Listing;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.RetryPolicy;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.SeatWarning;
import dev.patchbay.connector.SkillScale;
import dev.patchbay.connector.TaskTemplate;
import dev.patchbay.connector.WriteRoute;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Five9's quirks as data: identity changes are a whole userGeneralInfo read back and written with
 * modifyUser (REPLACE); the userName is fixed at creation; roles, skills (1 is best) and agent groups are
 * follow-up calls; deactivation keeps the named seat billed, so a person asks Five9 to reduce the count;
 * a hard delete destroys recordings and waits until a person exported them.
 */
final class Five9Capabilities {

    static final TaskTemplate USER_NAME_IMMUTABLE = new TaskTemplate("immutable_change",
            "Five9 userName is read-only after creation: create the user {to} in Five9 by hand, or revert the IdP"
                    + " value to {from}", "Five9 VCC Administrator > Users");
    static final TaskTemplate SEAT_REDUCTION = new TaskTemplate("seat_reduction",
            "The deactivated Five9 user still holds a billed named seat: ask Five9 account management to reduce"
                    + " the named-seat count", "Five9 account management (named-seat count)");
    static final TaskTemplate EXPORT_RECORDINGS = new TaskTemplate("export_recordings",
            "Export the user's call recordings and voicemails; Patchbay deletes the Five9 user (which destroys"
                    + " them) once this task is completed", "Five9 VCC Administrator > Recordings");
    static final TaskTemplate BUY_SEATS = new TaskTemplate("buy_five9_seats",
            "The Five9 domain has no free user seat: buy Five9 seats or delete unused users",
            "Five9 account management (named seats)");

    static final TaskTemplate NO_SKILL = new TaskTemplate("agent_without_skill",
            "This Five9 agent has no skill and will receive no contacts: give the user's group a skill in the"
                    + " policy, or the user a group that has one", "Patchbay > Connection > Policy (group rules)");

    static final ListPrices LIST_PRICES = new ListPrices("USD", Map.of(
            "Core", new BigDecimal("149"), "Digital", new BigDecimal("149"), "Premium", new BigDecimal("169"),
            "Optimum", new BigDecimal("199"), "Ultimate", new BigDecimal("229")));

    /** Five9's default Modify limits per domain; a domain's own may differ (connection settings). */
    static final int MODIFY_PER_MINUTE = 140;
    static final int MODIFY_PER_HOUR = 7_200;
    static final int MODIFY_PER_DAY = 172_800;

    private Five9Capabilities() {
    }

    /**
     * A step budget in the domain's Modify windows (every step makes at least one Modify request; one that
     * makes several may meet OperationsLimitExceededFault, which waits for the window boundary), and one
     * request at a time per admin user.
     */
    static RateLimit rateLimit(int perMinute, int perHour, int perDay, int adminUsers) {
        return new RateLimit(List.of(new RateLimit.Window(perMinute, Duration.ofMinutes(1)),
                new RateLimit.Window(perHour, Duration.ofHours(1)), new RateLimit.Window(perDay, Duration.ofDays(1))),
                adminUsers);
    }

    static Capabilities capabilities() {
        return Capabilities.builder()
                .operations(Operation.CREATE, Operation.READ, Operation.FIND, Operation.LIST, Operation.UPDATE_REPLACE,
                        Operation.FOLLOW_UP, Operation.DEACTIVATE, Operation.REACTIVATE, Operation.DELETE, Operation.VERIFY_TASK)
                .field(SeatField.USER_NAME, new FieldCapability(true, WriteRoute.REPLACE).required())
                .fields(List.of(SeatField.GIVEN_NAME, SeatField.FAMILY_NAME, SeatField.EMAIL),
                        FieldCapability.replace().required())
                // Five9 has no per-user plan field: the plan (Core … Ultimate) is what the named seat is billed
                // at. It is declared so that the policy may name it and tasks state its cost; the connector
                // writes nothing for it.
                .field(SeatField.LICENSE, FieldCapability.replace())
                .followUps(SeatField.ROLES, SeatField.USER_PROFILE, SeatField.SKILLS, SeatField.AGENT_GROUPS)
                // modifyAgentGroup adds and removes many agents in one request.
                .batched(SeatField.AGENT_GROUPS)
                .deleteMode(DeleteMode.HARD_DELETE)
                .offboarding(new OffboardingAction.Deactivate(), new OffboardingAction.Task(SEAT_REDUCTION))
                .immutableChange(USER_NAME_IMMUTABLE)
                // Five9 counts Modify requests per domain in fixed minute, hour and day windows. One request at
                // a time per admin user: the connector queues its own calls, and a SessionClosedFault is retried.
                // A connection's settings may raise both (Five9ConnectorFactory.rateLimit).
                .rateLimit(rateLimit(MODIFY_PER_MINUTE, MODIFY_PER_HOUR, MODIFY_PER_DAY, 1))
                // getUsersInfo answers with every user, roles and skills included, in one call.
                .listing(Listing.allAtOnce().showing(SeatField.ROLES, SeatField.SKILLS, SeatField.AGENT_GROUPS))
                .retryPolicy(RetryPolicy.standard())
                .deleteGate(EXPORT_RECORDINGS)
                .skillScale(SkillScale.lowerIsBetter(1, 10))
                .warnings(new SeatWarning(SeatField.ROLES, "Agent", SeatField.SKILLS, NO_SKILL))
                .build();
    }
}
