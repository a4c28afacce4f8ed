package dev.patchbay.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.scim.discovery.DiscoveryDocuments;
import dev.patchbay.scim.schema.AttributeDefinition.AttributeType;
import dev.patchbay.scim.schema.AttributeDefinition.Mutability;
import dev.patchbay.scim.schema.AttributeDefinition.Returned;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The User and Group schemas of {@code scim-schemas/}, plus the common attributes of RFC 7643 §3.1. */
@ApplicationScoped
public class SchemaRegistry {

    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String PATCHBAY_URN = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    private final ResourceSchema user;
    private final ResourceSchema group;

    public SchemaRegistry(DiscoveryDocuments documents) {
        this.user = resourceSchema(documents, "User");
        this.group = resourceSchema(documents, "Group");
    }

    public ResourceSchema user() {
        return user;
    }

    public ResourceSchema group() {
        return group;
    }

    private static ResourceSchema resourceSchema(DiscoveryDocuments documents, String resourceTypeId) {
        JsonNode resourceType = documents.resourceType(resourceTypeId).orElseThrow();
        String coreUrn = resourceType.path("schema").asText();
        Map<String, List<AttributeDefinition>> attributesBySchema = new LinkedHashMap<>();
        List<AttributeDefinition> core = new ArrayList<>(commonAttributes());
        core.addAll(attributes(documents.schema(coreUrn).orElseThrow().path("attributes")));
        attributesBySchema.put(coreUrn, core);
        for (JsonNode extension : resourceType.path("schemaExtensions")) {
            String urn = extension.path("schema").asText();
            attributesBySchema.put(urn, attributes(documents.schema(urn).orElseThrow().path("attributes")));
        }
        return new ResourceSchema(resourceTypeId, coreUrn, attributesBySchema);
    }

    /** id, externalId and meta belong to every resource but to no schema document (RFC 7643 §3.1). */
    private static List<AttributeDefinition> commonAttributes() {
        Map<String, AttributeDefinition> metaSubAttributes = new LinkedHashMap<>();
        for (String name : List.of("resourceType", "location", "version")) {
            metaSubAttributes.put(name, simple(name, AttributeType.STRING, true, Mutability.READ_ONLY, Returned.DEFAULT));
        }
        for (String name : List.of("created", "lastModified")) {
            metaSubAttributes.put(name, simple(name, AttributeType.DATETIME, true, Mutability.READ_ONLY, Returned.DEFAULT));
        }
        return List.of(
                simple("id", AttributeType.STRING, true, Mutability.READ_ONLY, Returned.ALWAYS),
                simple("externalId", AttributeType.STRING, true, Mutability.READ_WRITE, Returned.DEFAULT),
                new AttributeDefinition("meta", AttributeType.COMPLEX, false, false, false, Mutability.READ_ONLY,
                        Returned.DEFAULT, metaSubAttributes));
    }

    private static AttributeDefinition simple(String name, AttributeType type, boolean caseExact,
            Mutability mutability, Returned returned) {
        return new AttributeDefinition(name, type, false, false, caseExact, mutability, returned, Map.of());
    }

    private static List<AttributeDefinition> attributes(JsonNode definitions) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (JsonNode definition : definitions) {
            attributes.add(attribute(definition));
        }
        return attributes;
    }

    private static AttributeDefinition attribute(JsonNode definition) {
        Map<String, AttributeDefinition> subAttributes = new LinkedHashMap<>();
        for (AttributeDefinition sub : attributes(definition.path("subAttributes"))) {
            subAttributes.put(sub.name(), sub);
        }
        return new AttributeDefinition(
                definition.path("name").asText(),
                AttributeType.valueOf(definition.path("type").asText("string").toUpperCase(Locale.ROOT)),
                definition.path("multiValued").asBoolean(false),
                definition.path("required").asBoolean(false),
                definition.path("caseExact").asBoolean(false),
                mutability(definition.path("mutability").asText("readWrite")),
                returned(definition.path("returned").asText("default")),
                subAttributes);
    }

    private static Mutability mutability(String value) {
        return switch (value) {
            case "readOnly" -> Mutability.READ_ONLY;
            case "immutable" -> Mutability.IMMUTABLE;
            case "writeOnly" -> Mutability.WRITE_ONLY;
            default -> Mutability.READ_WRITE;
        };
    }

    private static Returned returned(String value) {
        return switch (value) {
            case "always" -> Returned.ALWAYS;
            case "never" -> Returned.NEVER;
            case "request" -> Returned.REQUEST;
            default -> Returned.DEFAULT;
        };
    }
}
