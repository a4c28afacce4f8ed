package dev.patchbay.provisioning.planner;

import static dev.patchbay.connector.SeatField.DIRECTORY_VISIBLE;
import static dev.patchbay.connector.SeatField.DISPLAY_NAME;
import static dev.patchbay.connector.SeatField.EMAIL;
import static dev.patchbay.connector.SeatField.EXTENSION;
import static dev.patchbay.connector.SeatField.LICENSE;
import static dev.patchbay.connector.SeatField.QUEUES;
import static dev.patchbay.connector.SeatField.ROLES;
import static dev.patchbay.connector.SeatField.SITE;
import static dev.patchbay.connector.SeatField.SKILLS;
import static dev.patchbay.connector.SeatField.TELEPHONY_REGION;
import static dev.patchbay.connector.SeatField.USER_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.DeleteMode;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.TaskTemplate;
import dev.patchbay.connector.WriteRoute;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: desired seat, applied seat and capabilities in, ordered steps out. */
class PlannerTest {

    static final TaskTemplate IMMUTABLE = new TaskTemplate("immutable_change",
            "{field} cannot change at the vendor: recreate the user at {to} or revert the IdP value {from}",
            "Users > Edit");
    static final TaskTemplate BILLING = new TaskTemplate("billing_cancellation",
            "Submit a partial cancellation to stop billing", "Account > Billing");
    static final TaskTemplate DELETE_BY_HAND = new TaskTemplate("delete_by_hand", "Delete the user", "Users");

    /** Identity replaced as a whole, site fixed at creation, license and directory as follow-ups; no delete API. */
    static final Capabilities REPLACE_VENDOR = Capabilities.builder()
            .operations(Operation.CREATE, Operation.READ, Operation.FIND, Operation.UPDATE_REPLACE,
                    Operation.FOLLOW_UP, Operation.DEACTIVATE, Operation.REACTIVATE, Operation.RETIRE)
            .fields(List.of(USER_NAME, EMAIL, DISPLAY_NAME), FieldCapability.replace())
            .field(SITE, FieldCapability.immutableAtCreate())
            .followUps(LICENSE, DIRECTORY_VISIBLE, EXTENSION)
            .offboarding(new OffboardingAction.Deactivate(), new OffboardingAction.Clear(LICENSE),
                    new OffboardingAction.Task(BILLING))
            .immutableChange(IMMUTABLE)
            .byHand(Operation.DELETE, DELETE_BY_HAND)
            .build();

    /** Identity patched; roles, skills and queues follow-ups the vendor forgets on deactivation. */
    static final Capabilities PATCH_VENDOR = Capabilities.builder()
            .operations(Operation.CREATE, Operation.READ, Operation.FIND, Operation.UPDATE_PATCH,
                    Operation.FOLLOW_UP, Operation.DEACTIVATE, Operation.REACTIVATE, Operation.DELETE)
            .fields(List.of(USER_NAME, EMAIL, DISPLAY_NAME), FieldCapability.patch())
            .followUps(LICENSE, ROLES, SKILLS, QUEUES)
            .field(TELEPHONY_REGION, FieldCapability.drop())
            .deleteMode(DeleteMode.SOFT_DELETE)
            .offboarding(new OffboardingAction.Clear(QUEUES), new OffboardingAction.Deactivate())
            .forgottenOnDeactivate(ROLES, SKILLS, QUEUES)
            .immutableChange(IMMUTABLE)
            .build();

    /** A read-only API (VBC): every write is a task, a create is done by hand. */
    static final Capabilities READ_ONLY_VENDOR = PATCH_VENDOR.toBuilder()
            .operations(Operation.READ, Operation.FIND, Operation.LIST, Operation.VERIFY_TASK)
            .build();

    /** The site is needed to create an account. */
    static final Capabilities SITE_REQUIRED = REPLACE_VENDOR.toBuilder()
            .field(SITE, FieldCapability.immutableAtCreate().required())
            .build();

    static Seat seat(boolean active, Object... fieldsAndValues) {
        Map<SeatField, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((SeatField) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new Seat(active, fields);
    }

    static Map<SeatField, Object> changes(Object... fieldsAndValues) {
        Map<SeatField, Object> changes = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            changes.put((SeatField) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return changes;
    }

    static final Seat AGENT = seat(true, USER_NAME, "ada@example.com", EMAIL, "ada@example.com",
            DISPLAY_NAME, "Ada", SITE, "London", LICENSE, "X4", DIRECTORY_VISIBLE, true, EXTENSION, "1001");
    static final Seat GENESYS_AGENT = seat(true, USER_NAME, "ada@example.com", EMAIL, "ada@example.com",
            DISPLAY_NAME, "Ada", LICENSE, "CX 2", ROLES, Set.of("Agent"), SKILLS, Map.of("French", 4),
            QUEUES, Set.of("Sales"), TELEPHONY_REGION, "EU");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("create: site at creation, follow-ups in the vendor's order", AGENT, null, REPLACE_VENDOR,
                        List.of(new Step.Create(seat(true, USER_NAME, "ada@example.com", EMAIL, "ada@example.com",
                                        DISPLAY_NAME, "Ada", SITE, "London")),
                                new Step.Apply(LICENSE, "X4"), new Step.Apply(DIRECTORY_VISIBLE, true),
                                new Step.Apply(EXTENSION, "1001"))),
                Arguments.of("create: dropped fields are not sent", GENESYS_AGENT, null, PATCH_VENDOR,
                        List.of(new Step.Create(seat(true, USER_NAME, "ada@example.com", EMAIL, "ada@example.com",
                                        DISPLAY_NAME, "Ada")),
                                new Step.Apply(LICENSE, "CX 2"), new Step.Apply(ROLES, Set.of("Agent")),
                                new Step.Apply(SKILLS, Map.of("French", 4)), new Step.Apply(QUEUES, Set.of("Sales")))),
                Arguments.of("an inactive user without account is not created", AGENT.withActive(false), null,
                        REPLACE_VENDOR, List.of()),
                Arguments.of("nothing changed, nothing to do", AGENT, AGENT, REPLACE_VENDOR, List.of()),
                Arguments.of("a dropped field change makes no call", GENESYS_AGENT.with(TELEPHONY_REGION, "US"),
                        GENESYS_AGENT, PATCH_VENDOR, List.of()),
                Arguments.of("identity change as read-merge-replace", AGENT.with(DISPLAY_NAME, "Ada L."), AGENT,
                        REPLACE_VENDOR, List.of(new Step.Update(WriteRoute.REPLACE, changes(DISPLAY_NAME, "Ada L.")))),
                Arguments.of("identity change as patch", GENESYS_AGENT.with(EMAIL, "ada@new.example"), GENESYS_AGENT,
                        PATCH_VENDOR, List.of(new Step.Update(WriteRoute.PATCH, changes(EMAIL, "ada@new.example")))),
                Arguments.of("immutable site change is a task; everything else still syncs",
                        AGENT.with(SITE, "Paris").with(LICENSE, "X6"), AGENT, REPLACE_VENDOR,
                        List.of(new Step.Apply(LICENSE, "X6"),
                                new Step.RaiseTask(IMMUTABLE, SITE, "London", "Paris"))),
                Arguments.of("a removed value is cleared", GENESYS_AGENT.with(LICENSE, null), GENESYS_AGENT,
                        PATCH_VENDOR, List.of(new Step.Apply(LICENSE, null))),
                Arguments.of("deactivation runs the checklist in the declared order", AGENT.withActive(false), AGENT,
                        REPLACE_VENDOR, List.of(new Step.Deactivate(), new Step.Apply(LICENSE, null),
                                new Step.RaiseTask(BILLING, null, null, null))),
                Arguments.of("queues go before deactivation", GENESYS_AGENT.withActive(false), GENESYS_AGENT,
                        PATCH_VENDOR, List.of(new Step.Apply(QUEUES, null), new Step.Deactivate())),
                Arguments.of("reactivation re-applies what the vendor forgot", GENESYS_AGENT,
                        GENESYS_AGENT.withActive(false).with(QUEUES, null), PATCH_VENDOR,
                        List.of(new Step.Reactivate(), new Step.Apply(ROLES, Set.of("Agent")),
                                new Step.Apply(SKILLS, Map.of("French", 4)), new Step.Apply(QUEUES, Set.of("Sales")))),
                Arguments.of("delete where the vendor soft-deletes", null, GENESYS_AGENT, PATCH_VENDOR,
                        List.of(new Step.Apply(QUEUES, null), new Step.Deactivate(), new Step.Delete())),
                Arguments.of("delete where the API cannot: deactivate and ask a person", null, AGENT, REPLACE_VENDOR,
                        List.of(new Step.Deactivate(), new Step.Apply(LICENSE, null),
                                new Step.RaiseTask(BILLING, null, null, null),
                                new Step.RaiseTask(DELETE_BY_HAND, null, null, null))),
                Arguments.of("delete of an already inactive user", null, AGENT.withActive(false), PATCH_VENDOR,
                        List.of(new Step.Delete())),
                Arguments.of("delete without an account does nothing", null, null, PATCH_VENDOR, List.of()),
                Arguments.of("the before-delete checklist runs between offboarding and the delete", null,
                        GENESYS_AGENT, PATCH_VENDOR.toBuilder().deleteMode(DeleteMode.HARD_DELETE)
                                .forgottenOnDeactivate()
                                .beforeDelete(new OffboardingAction.Clear(LICENSE), new OffboardingAction.Task(BILLING))
                                .build(),
                        List.of(new Step.Apply(QUEUES, null), new Step.Deactivate(), new Step.Apply(LICENSE, null),
                                new Step.RaiseTask(BILLING, null, null, null), new Step.Delete())),
                Arguments.of("a field the vendor needs at creation is missing: a task, no create",
                        AGENT.with(SITE, null), null, SITE_REQUIRED,
                        List.of(new Step.RaiseTask(Capabilities.MISSING_FIELD, SITE, null, null))),
                Arguments.of("with the required field the create goes ahead", AGENT, null, SITE_REQUIRED,
                        List.of(new Step.Create(seat(true, USER_NAME, "ada@example.com", EMAIL, "ada@example.com",
                                        DISPLAY_NAME, "Ada", SITE, "London")),
                                new Step.Apply(LICENSE, "X4"), new Step.Apply(DIRECTORY_VISIBLE, true),
                                new Step.Apply(EXTENSION, "1001"))),
                Arguments.of("without a create API the user is created by hand, nothing else yet", GENESYS_AGENT,
                        null, READ_ONLY_VENDOR,
                        List.of(new Step.CreateByHand(seat(true, USER_NAME, "ada@example.com", EMAIL,
                                "ada@example.com", DISPLAY_NAME, "Ada"), READ_ONLY_VENDOR.byHand(Operation.CREATE)))),
                Arguments.of("without write APIs each change is a task with its values",
                        GENESYS_AGENT.with(EMAIL, "ada@new.example").with(LICENSE, "CX 3"), GENESYS_AGENT,
                        READ_ONLY_VENDOR,
                        List.of(new Step.RaiseTask(READ_ONLY_VENDOR.byHand(Operation.UPDATE_PATCH), EMAIL,
                                        "ada@example.com", "ada@new.example"),
                                new Step.RaiseTask(READ_ONLY_VENDOR.byHand(Operation.FOLLOW_UP), LICENSE, "CX 2",
                                        "CX 3"))),
                Arguments.of("without a deactivate API offboarding is a task", GENESYS_AGENT.withActive(false)
                                .with(QUEUES, null), GENESYS_AGENT.with(QUEUES, null), READ_ONLY_VENDOR,
                        List.of(new Step.RaiseTask(READ_ONLY_VENDOR.byHand(Operation.DEACTIVATE), null, null, null))),
                Arguments.of("an undeclared patch falls back to the declared replace", AGENT.with(EMAIL, "a@b.example"),
                        AGENT, REPLACE_VENDOR.toBuilder().field(EMAIL, FieldCapability.patch()).build(),
                        List.of(new Step.Update(WriteRoute.REPLACE, changes(EMAIL, "a@b.example")))));
    }

    @org.junit.jupiter.api.Test
    void withTheRecreateSwitchAnImmutableChangeRecreatesTheAccountAndMovesTheLicense() {
        Seat moved = AGENT.with(SITE, "Paris");
        assertEquals(List.of(new Step.Apply(LICENSE, null), new Step.Apply(DIRECTORY_VISIBLE, null),
                        new Step.Apply(EXTENSION, null), new Step.Deactivate(), new Step.Retire(),
                        new Step.Create(seat(true, USER_NAME, "ada@example.com", EMAIL, "ada@example.com",
                                DISPLAY_NAME, "Ada", SITE, "Paris")),
                        new Step.Apply(LICENSE, "X4"), new Step.Apply(DIRECTORY_VISIBLE, true),
                        new Step.Apply(EXTENSION, "1001")),
                Planner.plan(moved, AGENT, REPLACE_VENDOR, true));
        assertEquals(List.of(new Step.RaiseTask(IMMUTABLE, SITE, "London", "Paris")),
                Planner.plan(moved, AGENT, REPLACE_VENDOR, false), "off by default: a task");
        assertEquals(List.of(), Planner.plan(AGENT, AGENT, REPLACE_VENDOR, true), "no change, no recreate");
    }

    @org.junit.jupiter.api.Test
    void withoutRetireTheRecreateSwitchStillRaisesATaskAndTouchesNothing() {
        Capabilities noRetire = REPLACE_VENDOR.toBuilder().withoutOperation(Operation.RETIRE).build();
        assertEquals(List.of(new Step.RaiseTask(IMMUTABLE, SITE, "London", "Paris")),
                Planner.plan(AGENT.with(SITE, "Paris"), AGENT, noRetire, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String name, Seat desired, Seat applied, Capabilities capabilities, List<Step> expected) {
        assertEquals(expected, Planner.plan(desired, applied, capabilities));
    }

    @Test
    void aFollowUpFieldTheVendorAssignsIsNoChangeWhenTheIdpSendsNone() {
        Capabilities lines = Capabilities.builder()
                .operations(Operation.CREATE, Operation.READ, Operation.FIND, Operation.UPDATE_PATCH)
                .field(USER_NAME, FieldCapability.patch())
                .field(EXTENSION, FieldCapability.followUp().vendorAssignedWhenUnset())
                .build();
        Seat desired = seat(true, USER_NAME, "ada@example.com");
        Seat applied = seat(true, USER_NAME, "ada@example.com", EXTENSION, "201");
        assertEquals(List.of(), Planner.plan(desired, applied, lines), "the extension the person picked stays");
        assertEquals(List.of(new Step.RaiseTask(lines.byHand(EXTENSION), EXTENSION, "201", "305")),
                Planner.plan(seat(true, USER_NAME, "ada@example.com", EXTENSION, "305"), applied, lines),
                "an extension the IdP sends is still asked for");
    }
}
