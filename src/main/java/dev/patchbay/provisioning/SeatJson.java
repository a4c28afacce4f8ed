package dev.patchbay.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** A seat as JSON, for the applied seat kept per vendor account and for dry-run answers. */
public final class SeatJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SeatJson() {
    }

    public static ObjectNode write(Seat seat) {
        ObjectNode node = NODES.objectNode();
        node.put("active", seat.active());
        ObjectNode fields = node.putObject("fields");
        seat.fields().forEach((field, value) -> fields.set(field.name().toLowerCase(), value(value)));
        return node;
    }

    public static Seat read(JsonNode node) {
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        Iterator<Map.Entry<String, JsonNode>> entries = node.path("fields").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            fields.put(SeatField.valueOf(entry.getKey().toUpperCase()), value(entry.getValue()));
        }
        return new Seat(node.path("active").asBoolean(), fields);
    }

    private static JsonNode value(Object value) {
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Collection<?> values) {
            var array = NODES.arrayNode();
            new TreeSet<>(values.stream().map(Object::toString).toList()).forEach(array::add);
            return array;
        }
        if (value instanceof Map<?, ?> levels) {
            ObjectNode object = NODES.objectNode();
            levels.forEach((name, level) -> object.put(name.toString(), ((Number) level).intValue()));
            return object;
        }
        return NODES.textNode(value.toString());
    }

    private static Object value(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            TreeSet<String> values = new TreeSet<>();
            node.forEach(element -> values.add(element.asText()));
            return java.util.Set.copyOf(values);
        }
        if (node.isObject()) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> levels.put(entry.getKey(), entry.getValue().asInt()));
            return Map.copyOf(levels);
        }
        return node.asText();
    }
}
