package dev.patchbay.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/** Converts the SCIM JSON kept in jsonb columns. */
@ApplicationScoped
class JsonColumns {

    private final ObjectMapper objectMapper;

    JsonColumns(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    String write(JsonNode node) {
        try {
            return objectMapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SCIM JSON that cannot be written", e);
        }
    }

    ObjectNode read(String json) {
        try {
            return (ObjectNode) objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored SCIM JSON that cannot be read", e);
        }
    }
}
