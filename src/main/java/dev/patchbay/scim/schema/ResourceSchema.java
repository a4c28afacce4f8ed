package dev.patchbay.scim.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A resource type's core schema and extensions. Attribute names and schema URNs match without regard
 * to case; every lookup returns the canonical spelling.
 */
public final class ResourceSchema {

    private final String resourceType;
    private final String coreUrn;
    private final Map<String, String> canonicalUrns = new LinkedHashMap<>();
    private final Map<String, Map<String, AttributeDefinition>> attributesByUrn = new LinkedHashMap<>();

    ResourceSchema(String resourceType, String coreUrn, Map<String, List<AttributeDefinition>> attributesBySchema) {
        this.resourceType = resourceType;
        this.coreUrn = coreUrn;
        attributesBySchema.forEach((urn, attributes) -> {
            String key = urn.toLowerCase(Locale.ROOT);
            canonicalUrns.put(key, urn);
            Map<String, AttributeDefinition> byName = new LinkedHashMap<>();
            attributes.forEach(attribute -> byName.put(attribute.name().toLowerCase(Locale.ROOT), attribute));
            attributesByUrn.put(key, byName);
        });
    }

    public String resourceType() {
        return resourceType;
    }

    public String coreUrn() {
        return coreUrn;
    }

    public List<String> extensionUrns() {
        return canonicalUrns.values().stream().filter(urn -> !urn.equals(coreUrn)).toList();
    }

    /** The canonical spelling of a core or extension schema URN of this resource type. */
    public Optional<String> schemaUrn(String urn) {
        return Optional.ofNullable(canonicalUrns.get(urn.toLowerCase(Locale.ROOT)));
    }

    public boolean isExtension(String urn) {
        return schemaUrn(urn).filter(found -> !found.equals(coreUrn)).isPresent();
    }

    public Optional<AttributeDefinition> attribute(String schemaUrn, String name) {
        Map<String, AttributeDefinition> attributes = attributesByUrn.get(schemaUrn.toLowerCase(Locale.ROOT));
        return attributes == null ? Optional.empty()
                : Optional.ofNullable(attributes.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<AttributeDefinition> coreAttribute(String name) {
        return attribute(coreUrn, name);
    }

    public List<AttributeDefinition> attributes(String schemaUrn) {
        Map<String, AttributeDefinition> attributes = attributesByUrn.get(schemaUrn.toLowerCase(Locale.ROOT));
        return attributes == null ? List.of() : List.copyOf(attributes.values());
    }
}
