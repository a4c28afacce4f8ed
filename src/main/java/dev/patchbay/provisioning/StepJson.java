package dev.patchbay.provisioning;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.Step;
import java.util.EnumMap;

/** A planned step as JSON, for dry-runs and timelines. */
public final class StepJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StepJson() {
    }

    public static ObjectNode write(Step step) {
        ObjectNode node = NODES.objectNode();
        if (step instanceof Step.Create create) {
            node.put("type", "create");
            node.set("seat", SeatJson.write(create.seat()));
        } else if (step instanceof Step.Update update) {
            node.put("type", "update");
            node.put("route", update.route().name().toLowerCase());
            var changes = new EnumMap<>(update.changes());
            node.set("changes", SeatJson.write(new Seat(true, changes)).get("fields"));
        } else if (step instanceof Step.Apply apply) {
            node.put("type", apply.value() == null ? "clear" : "set");
            node.put("field", apply.field().name().toLowerCase());
            if (apply.value() != null) {
                node.set("value", SeatJson.write(new Seat(true, java.util.Map.of(apply.field(), apply.value())))
                        .get("fields").get(apply.field().name().toLowerCase()));
            }
        } else if (step instanceof Step.RaiseTask task) {
            node.put("type", "task");
            node.put("kind", task.template().kind());
            node.put("reason", task.reason());
        } else {
            node.put("type", step.getClass().getSimpleName().toLowerCase());
        }
        return node;
    }
}
