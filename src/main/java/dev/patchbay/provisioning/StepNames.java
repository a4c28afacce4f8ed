package dev.patchbay.provisioning;

import dev.patchbay.connector.Step;

/** How steps read in timelines, errors and task fields. */
final class StepNames {

    private StepNames() {
    }

    static String describe(Step step) {
        if (step instanceof Step.Create) {
            return "create";
        }
        if (step instanceof Step.Update update) {
            return update.route().name().toLowerCase() + " " + update.changes().keySet();
        }
        if (step instanceof Step.Apply apply) {
            return (apply.value() == null ? "clear " : "set ") + apply.field().name().toLowerCase();
        }
        return step.getClass().getSimpleName().toLowerCase();
    }

    /** The task field of a step waiting for a person: the field and the value it waits to set, e.g. "license:X6". */
    static String taskField(Step step) {
        if (step instanceof Step.Apply apply) {
            return apply.field().name().toLowerCase() + (apply.value() == null ? "" : ":" + apply.value());
        }
        return null;
    }
}
