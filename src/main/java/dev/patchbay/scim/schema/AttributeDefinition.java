package dev.patchbay.scim.schema;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One attribute of a SCIM schema with the RFC 7643 §7 characteristics Patchbay enforces. */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Map<String, AttributeDefinition> subAttributes) {

    public enum AttributeType { STRING, BOOLEAN, DECIMAL, INTEGER, DATETIME, BINARY, REFERENCE, COMPLEX }

    public enum Mutability { READ_ONLY, READ_WRITE, IMMUTABLE, WRITE_ONLY }

    public enum Returned { ALWAYS, NEVER, DEFAULT, REQUEST }

    public AttributeDefinition {
        Map<String, AttributeDefinition> byLowerName = new LinkedHashMap<>();
        subAttributes.values().forEach(sub -> byLowerName.put(sub.name().toLowerCase(Locale.ROOT), sub));
        subAttributes = Map.copyOf(byLowerName);
    }

    /** Attribute names are case-insensitive (RFC 7643 §2.1). */
    public Optional<AttributeDefinition> subAttribute(String name) {
        return Optional.ofNullable(subAttributes.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    public boolean isReadOnly() {
        return mutability == Mutability.READ_ONLY;
    }
}
