package dev.patchbay.provisioning.planner;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.WriteRoute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the desired seat and the last applied seat into ordered vendor steps, by the connector's
 * declared capabilities alone: the core never asks which vendor it is. Only declared operations are
 * planned; what the vendor's API cannot do becomes a task for a person.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param desired what the IdP and policy want; null when the user was deleted in the IdP
     * @param applied what the vendor was last brought to; null when no account exists
     */
    public static List<Step> plan(Seat desired, Seat applied, Capabilities capabilities) {
        return plan(desired, applied, capabilities, false);
    }

    /**
     * @param recreateOnImmutableChange instead of a task, an immutable change retires the account and
     *     creates a new one with the new value, moving the license (a policy switch; needs a connector
     *     that declares {@link Operation#RETIRE})
     */
    public static List<Step> plan(Seat desired, Seat applied, Capabilities capabilities,
            boolean recreateOnImmutableChange) {
        return declaredOnly(rawPlan(desired, applied, capabilities, recreateOnImmutableChange), applied, capabilities);
    }

    private static List<Step> rawPlan(Seat desired, Seat applied, Capabilities capabilities, boolean recreate) {
        if (recreate && capabilities.can(Operation.RETIRE) && desired != null && desired.active() && applied != null
                && immutableChanged(desired, applied, capabilities)) {
            return recreate(desired, applied, capabilities);
        }
        if (desired == null) {
            return applied == null ? List.of() : remove(applied, capabilities);
        }
        if (applied == null) {
            return desired.active() ? create(desired, capabilities) : List.of();
        }
        return change(desired, applied, capabilities);
    }

    /**
     * Steps whose operation the connector does not declare become tasks: a create is done by hand and
     * found later (nothing else can happen before it exists); an update falls back to the other update
     * route when that one is declared.
     */
    private static List<Step> declaredOnly(List<Step> steps, Seat applied, Capabilities capabilities) {
        List<Step> declared = new ArrayList<>();
        for (Step step : steps) {
            Operation operation = Operation.of(step).orElse(null);
            if (operation == null || capabilities.can(operation)) {
                declared.add(step);
            } else if (step instanceof Step.Create create) {
                return List.of(new Step.CreateByHand(create.seat(), capabilities.byHand(Operation.CREATE)));
            } else if (step instanceof Step.Update update) {
                declared.addAll(updateFallback(update, applied, capabilities));
            } else if (step instanceof Step.Apply apply) {
                declared.add(new Step.RaiseTask(capabilities.byHand(apply.field()), apply.field(),
                        applied == null ? null : applied.get(apply.field()), apply.value()));
            } else {
                declared.add(new Step.RaiseTask(capabilities.byHand(operation), null, null, null));
            }
        }
        return List.copyOf(declared);
    }

    private static List<Step> updateFallback(Step.Update update, Seat applied, Capabilities capabilities) {
        WriteRoute other = update.route() == WriteRoute.PATCH ? WriteRoute.REPLACE : WriteRoute.PATCH;
        if (capabilities.can(other == WriteRoute.PATCH ? Operation.UPDATE_PATCH : Operation.UPDATE_REPLACE)) {
            return List.of(new Step.Update(other, update.changes()));
        }
        Operation operation = Operation.of(update).orElseThrow();
        List<Step> tasks = new ArrayList<>();
        update.changes().forEach((field, value) -> tasks.add(new Step.RaiseTask(capabilities.byHand(operation), field,
                applied == null ? null : applied.get(field), value)));
        return tasks;
    }

    private static boolean immutableChanged(Seat desired, Seat applied, Capabilities capabilities) {
        for (SeatField field : SeatField.values()) {
            if (capabilities.field(field).immutable() && applied.has(field) && !desired.sameValue(field, applied)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Free what the old account holds through follow-ups (license, extension: they move to the new
     * account), deactivate and retire it, then create the user anew.
     */
    private static List<Step> recreate(Seat desired, Seat applied, Capabilities capabilities) {
        List<Step> steps = new ArrayList<>();
        for (SeatField field : followUpFields(capabilities)) {
            if (applied.has(field)) {
                steps.add(new Step.Apply(field, null));
            }
        }
        if (applied.active()) {
            steps.add(new Step.Deactivate());
        }
        steps.add(new Step.Retire());
        steps.addAll(create(desired, capabilities));
        return steps;
    }

    /** The create and its follow-ups; a task per missing field instead when the vendor needs it at creation. */
    private static List<Step> create(Seat desired, Capabilities capabilities) {
        List<Step> missing = new ArrayList<>();
        capabilities.fields().forEach((field, capability) -> {
            if (capability.requiredAtCreate() && !desired.has(field)) {
                missing.add(new Step.RaiseTask(Capabilities.MISSING_FIELD, field, null, null));
            }
        });
        if (!missing.isEmpty()) {
            return missing;
        }
        Map<SeatField, Object> atCreate = new EnumMap<>(SeatField.class);
        desired.fields().forEach((field, value) -> {
            WriteRoute route = capabilities.field(field).route();
            if (route == WriteRoute.PATCH || route == WriteRoute.REPLACE) {
                atCreate.put(field, value);
            }
        });
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Create(new Seat(true, atCreate)));
        for (SeatField field : followUpFields(capabilities)) {
            if (desired.has(field)) {
                steps.add(new Step.Apply(field, desired.get(field)));
            }
        }
        return steps;
    }

    /** A change of one field the vendor writes together with others sends the others' desired values too. */
    private static void withPartners(Map<SeatField, Object> changes, Seat desired, Capabilities capabilities,
            WriteRoute route) {
        if (changes.keySet().stream().noneMatch(capabilities.writtenTogether()::contains)) {
            return;
        }
        for (SeatField partner : capabilities.writtenTogether()) {
            if (!changes.containsKey(partner) && desired.has(partner) && capabilities.field(partner).route() == route) {
                changes.put(partner, desired.get(partner));
            }
        }
    }

    private static List<Step> change(Seat desired, Seat applied, Capabilities capabilities) {
        boolean reactivating = desired.active() && !applied.active();
        boolean deactivating = !desired.active() && applied.active();
        List<Step> steps = new ArrayList<>();
        if (reactivating) {
            steps.add(new Step.Reactivate());
        }
        Map<SeatField, Object> patch = new EnumMap<>(SeatField.class);
        Map<SeatField, Object> replace = new EnumMap<>(SeatField.class);
        List<Step> tasks = new ArrayList<>();
        for (SeatField field : SeatField.values()) {
            if (desired.sameValue(field, applied)) {
                continue;
            }
            FieldCapability capability = capabilities.field(field);
            if (capability.route() == WriteRoute.DROP || (capability.assignedWhenUnset() && !desired.has(field))) {
                continue;
            }
            if (capability.immutable() && applied.has(field)) {
                tasks.add(new Step.RaiseTask(capabilities.immutableChange(), field, applied.get(field),
                        desired.get(field)));
                continue;
            }
            if (capability.route() == WriteRoute.PATCH || capability.immutable()) {
                patch.put(field, desired.get(field));
            } else if (capability.route() == WriteRoute.REPLACE) {
                replace.put(field, desired.get(field));
            }
        }
        withPartners(patch, desired, capabilities, WriteRoute.PATCH);
        withPartners(replace, desired, capabilities, WriteRoute.REPLACE);
        if (!patch.isEmpty()) {
            steps.add(new Step.Update(WriteRoute.PATCH, nullable(patch)));
        }
        if (!replace.isEmpty()) {
            steps.add(new Step.Update(WriteRoute.REPLACE, nullable(replace)));
        }
        if (deactivating) {
            steps.addAll(offboarding(applied, capabilities));
        } else if (desired.active()) {
            for (SeatField field : followUpFields(capabilities)) {
                if (capabilities.field(field).assignedWhenUnset() && !desired.has(field)) {
                    // The vendor's value (an extension a person picked) is no change to ask for.
                    continue;
                }
                boolean changed = !desired.sameValue(field, applied);
                boolean forgotten = reactivating && capabilities.forgottenOnDeactivate().contains(field)
                        && desired.has(field);
                if (changed || forgotten) {
                    steps.add(new Step.Apply(field, desired.get(field)));
                }
            }
        }
        steps.addAll(tasks);
        return steps;
    }

    private static List<Step> remove(Seat applied, Capabilities capabilities) {
        List<Step> steps = new ArrayList<>();
        if (applied.active()) {
            steps.addAll(offboarding(applied, capabilities));
        }
        if (!capabilities.can(Operation.DELETE)) {
            // Deactivated, and a person deletes the account (the delete step becomes that task).
            steps.add(new Step.Delete());
            return steps;
        }
        for (OffboardingAction action : capabilities.beforeDelete()) {
            if (action instanceof OffboardingAction.Clear clear && applied.has(clear.field())
                    && steps.stream().noneMatch(step -> step.equals(new Step.Apply(clear.field(), null)))) {
                steps.add(new Step.Apply(clear.field(), null));
            } else if (action instanceof OffboardingAction.Task task) {
                steps.add(new Step.RaiseTask(task.template(), null, null, null));
            }
        }
        steps.add(new Step.Delete());
        return steps;
    }

    /** The declared checklist; a deactivation is always part of it, at the end if not declared. */
    private static List<Step> offboarding(Seat applied, Capabilities capabilities) {
        List<Step> steps = new ArrayList<>();
        boolean deactivated = false;
        for (OffboardingAction action : capabilities.offboarding()) {
            if (action instanceof OffboardingAction.Clear clear) {
                if (applied.has(clear.field())) {
                    steps.add(new Step.Apply(clear.field(), null));
                }
            } else if (action instanceof OffboardingAction.Deactivate) {
                steps.add(new Step.Deactivate());
                deactivated = true;
            } else if (action instanceof OffboardingAction.Task task) {
                steps.add(new Step.RaiseTask(task.template(), null, null, null));
            }
        }
        if (!deactivated) {
            steps.add(new Step.Deactivate());
        }
        return steps;
    }

    /** Follow-up fields in the vendor's order, then any other follow-up field in declaration order. */
    private static Set<SeatField> followUpFields(Capabilities capabilities) {
        Set<SeatField> ordered = new LinkedHashSet<>(capabilities.followUpOrder());
        for (SeatField field : SeatField.values()) {
            if (capabilities.field(field).route() == WriteRoute.FOLLOW_UP) {
                ordered.add(field);
            }
        }
        ordered.removeIf(field -> capabilities.field(field).route() != WriteRoute.FOLLOW_UP);
        return ordered;
    }

    /** Changes keep null values (a field to clear), which Map.copyOf would refuse. */
    private static Map<SeatField, Object> nullable(Map<SeatField, Object> changes) {
        return Collections.unmodifiableMap(changes);
    }
}
