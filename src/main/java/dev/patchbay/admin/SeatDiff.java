package dev.patchbay.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Two seats (as {@code SeatJson} writes them) field by field: each of its {@code fields}, then active. */
public final class SeatDiff {

    /** One field on both sides, as text ("" where a side holds none). */
    public record Field(String field, String left, String right) {
        public boolean differs() {
            return !left.equals(right);
        }
    }

    private SeatDiff() {
    }

    public static List<Field> fields(JsonNode left, JsonNode right) {
        List<Field> rows = flat(left == null ? null : left.get("fields"), right == null ? null : right.get("fields"));
        rows.addAll(flat(withoutFields(left), withoutFields(right)));
        return rows;
    }

    /** Only the fields that differ. */
    public static List<Field> changes(JsonNode left, JsonNode right) {
        return fields(left, right).stream().filter(Field::differs).toList();
    }

    private static JsonNode withoutFields(JsonNode seat) {
        if (seat == null || !seat.isObject()) {
            return seat;
        }
        ObjectNode copy = ((ObjectNode) seat).deepCopy();
        copy.remove("fields");
        return copy;
    }

    private static List<Field> flat(JsonNode left, JsonNode right) {
        TreeSet<String> names = new TreeSet<>();
        names(left, names);
        names(right, names);
        List<Field> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new Field(name, text(left, name), text(right, name)));
        }
        return rows;
    }

    private static void names(JsonNode seat, TreeSet<String> into) {
        if (seat != null && seat.isObject()) {
            for (Iterator<String> names = seat.fieldNames(); names.hasNext(); ) {
                into.add(names.next());
            }
        }
    }

    private static String text(JsonNode seat, String field) {
        if (seat == null || !seat.has(field) || seat.get(field).isNull()) {
            return "";
        }
        JsonNode value = seat.get(field);
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
