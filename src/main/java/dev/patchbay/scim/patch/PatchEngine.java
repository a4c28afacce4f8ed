package dev.patchbay.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.patchbay.scim.error.ScimException;
import dev.patchbay.scim.schema.AttributeDefinition;
import dev.patchbay.scim.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Applies an RFC 7644 §3.5.2 PATCH, already normalised from the IdP's dialect, to a resource's JSON.
 * Paths are checked against the schema and spelled canonically before the SCIM SDK applies them.
 * Operations on a group's {@code members} go to a {@link MemberChanges} instead of the JSON.
 */
public final class PatchEngine {

    public static final String PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** Where membership operations go; null for resources without members. */
    public interface MemberChanges {
        void add(List<UUID> ids);

        void remove(List<UUID> ids);

        void removeAll();

        void replace(List<UUID> ids);
    }

    private final ResourceSchema schema;
    private final MemberChanges members;

    public PatchEngine(ResourceSchema schema, MemberChanges members) {
        this.schema = schema;
        this.members = members;
    }

    /** The operations of a PATCH body, or a SCIM error when the body is not a PatchOp message. */
    public static List<JsonNode> operations(ObjectNode body) {
        JsonNode schemas = body.get("schemas");
        boolean patchOp = schemas != null && schemas.isArray()
                && StreamSupport.stream(schemas.spliterator(), false)
                .anyMatch(urn -> PATCH_OP_URN.equals(urn.asText()));
        if (!patchOp) {
            throw syntax("A PATCH body must have \"schemas\": [\"" + PATCH_OP_URN + "\"]");
        }
        JsonNode operations = body.get("Operations");
        if (operations == null || !operations.isArray()) {
            throw syntax("A PATCH body must have an \"Operations\" array");
        }
        List<JsonNode> result = new ArrayList<>();
        operations.forEach(result::add);
        return result;
    }

    /** Applies every operation to a copy of {@code resource} and returns it. */
    public ObjectNode apply(ObjectNode resource, List<JsonNode> operations) {
        ObjectNode working = resource.deepCopy();
        for (JsonNode operation : operations) {
            applyOne(working, operation);
        }
        return working;
    }

    private void applyOne(ObjectNode working, JsonNode operation) {
        if (!operation.isObject()) {
            throw syntax("Each PATCH operation must be an object");
        }
        PatchOpType type = opType(operation.path("op").asText(null));
        JsonNode pathNode = operation.get("path");
        JsonNode value = operation.get("value");
        if (pathNode == null || pathNode.isNull()) {
            if (type == PatchOpType.REMOVE) {
                throw new ScimException(400, "noTarget", "A remove operation needs a path");
            }
            if (value == null || !value.isObject()) {
                throw value(type.name().toLowerCase() + " without a path needs an object of attributes as its value");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("schemas")) {
                    continue;
                }
                Optional<String> extension = schema.schemaUrn(field.getKey()).filter(schema::isExtension);
                if (extension.isPresent()) {
                    applyToExtension(working, type, extension.get(), field.getValue());
                } else {
                    applyToPath(working, type, parse(field.getKey()), field.getValue());
                }
            }
            return;
        }
        if (!pathNode.isTextual()) {
            throw new ScimException(400, "invalidPath", "'path' must be a string");
        }
        if (type != PatchOpType.REMOVE && (value == null || value.isNull())) {
            throw value("The " + type.name().toLowerCase() + " operation on '" + pathNode.asText() + "' needs a value");
        }
        applyToPath(working, type, parse(pathNode.asText()), value);
    }

    /** A path-less value may hold an extension's attributes under its URN: each is set on its own. */
    private void applyToExtension(ObjectNode working, PatchOpType type, String urn, JsonNode values) {
        if (!values.isObject()) {
            throw value("'" + urn + "' must be an object of attributes");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            applyToPath(working, type, parse(urn + ":" + field.getKey()), field.getValue());
        }
    }

    private void applyToPath(ObjectNode working, PatchOpType type, Path path, JsonNode value) {
        Path canonical = canonical(path);
        if (members != null && isMembers(canonical)) {
            applyToMembers(type, canonical, value);
            return;
        }
        try {
            PatchOperation.create(type, canonical, value).apply(working);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            boolean valuePath = canonical.getElement(0).getValueFilter() != null;
            if (type == PatchOpType.REPLACE && valuePath && "noTarget".equals(e.getScimError().getScimType())) {
                // Entra replaces emails[type eq "work"].value on users that have no work email yet.
                applyToPath(working, PatchOpType.ADD, canonical, value);
                return;
            }
            if (type == PatchOpType.ADD && valuePath && canonical.size() == 2) {
                // Entra also sends Add on emails[type eq "work"].value to change an existing address.
                applyToPath(working, PatchOpType.REPLACE, canonical, value);
                return;
            }
            throw translate(e);
        } catch (IllegalArgumentException e) {
            throw value(e.getMessage());
        }
    }

    private void applyToMembers(PatchOpType type, Path path, JsonNode value) {
        Filter filter = path.getElement(0).getValueFilter();
        if (path.size() > 1) {
            throw new ScimException(400, "invalidPath",
                    "Member sub-attributes are immutable; add or remove whole members");
        }
        switch (type) {
            case ADD -> {
                if (filter != null) {
                    throw new ScimException(400, "invalidPath", "Add members with path 'members'");
                }
                members.add(memberIds(value));
            }
            case REPLACE -> {
                if (filter != null) {
                    throw new ScimException(400, "invalidPath",
                            "Replace the member list with path 'members'");
                }
                members.replace(memberIds(value));
            }
            case REMOVE -> {
                if (filter != null) {
                    members.remove(idsOf(filter));
                } else if (value != null && !value.isNull()) {
                    members.remove(memberIds(value));
                } else {
                    members.removeAll();
                }
            }
        }
    }

    /** The ids a members[…] filter names: value eq "id", combined with or. */
    private static List<UUID> idsOf(Filter filter) {
        List<UUID> ids = new ArrayList<>();
        if (filter.getFilterType() == FilterType.OR) {
            filter.getCombinedFilters().forEach(part -> ids.addAll(idsOf(part)));
            return ids;
        }
        if (filter.getFilterType() == FilterType.EQUAL && filter.getAttributePath().size() == 1
                && "value".equalsIgnoreCase(filter.getAttributePath().getElement(0).getAttribute())
                && filter.getComparisonValue().isTextual()) {
            memberId(filter.getComparisonValue().asText()).ifPresent(ids::add);
            return ids;
        }
        throw new ScimException(400, "invalidFilter",
                "Members are selected with members[value eq \"id\"] (or several joined with 'or'): " + filter);
    }

    private List<UUID> memberIds(JsonNode value) {
        JsonNode values = value.isArray() ? value : value.isObject() ? new ArrayNode(null, List.of(value)) : null;
        if (values == null) {
            throw value("Members must be an array of objects with a 'value'");
        }
        List<UUID> ids = new ArrayList<>();
        for (JsonNode member : values) {
            requireKnownMemberSubAttributes(member);
            JsonNode id = member.get("value");
            if (id == null || !id.isTextual()) {
                throw value("Each member needs a 'value' with the id of a user or group");
            }
            ids.add(memberId(id.asText()).orElseThrow(() ->
                    value("No user or group with id '" + id.asText() + "' in this connection")));
        }
        return ids;
    }

    /** The same rule as for every other complex value: an undeclared sub-attribute with a value is an error. */
    private void requireKnownMemberSubAttributes(JsonNode member) {
        AttributeDefinition definition = schema.coreAttribute("members").orElseThrow();
        Iterator<Map.Entry<String, JsonNode>> fields = member.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull() && definition.subAttribute(field.getKey()).isEmpty()) {
                throw new ScimException(400, "invalidSyntax",
                        "Unknown sub-attribute '" + field.getKey() + "' of 'members'");
            }
        }
    }

    private static Optional<UUID> memberId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean isMembers(Path path) {
        return (path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(schema.coreUrn()))
                && "members".equals(path.getElement(0).getAttribute());
    }

    /** The path with the schema's spelling; unknown attributes and read-only targets are errors. */
    private Path canonical(Path path) {
        if (path.size() == 0) {
            throw new ScimException(400, "invalidPath", "The path names no attribute");
        }
        String urn = path.getSchemaUrn() == null ? schema.coreUrn() : schema.schemaUrn(path.getSchemaUrn())
                .orElseThrow(() -> invalidPath(path));
        if (path.size() == 0 || path.size() > 2) {
            throw invalidPath(path);
        }
        Path.Element first = path.getElement(0);
        AttributeDefinition attribute = schema.attribute(urn, first.getAttribute())
                .orElseThrow(() -> invalidPath(path));
        if (attribute.isReadOnly() && !"members".equals(attribute.name())) {
            throw new ScimException(400, "mutability",
                    "Attribute '" + attribute.name() + "' is read-only");
        }
        if (first.getValueFilter() != null && !attribute.multiValued()) {
            throw invalidPath(path);
        }
        Path canonical = (urn.equals(schema.coreUrn()) ? Path.root() : Path.root(urn))
                .attribute(attribute.name(), first.getValueFilter());
        if (path.size() == 2) {
            AttributeDefinition sub = attribute.subAttribute(path.getElement(1).getAttribute())
                    .orElseThrow(() -> invalidPath(path));
            if (sub.isReadOnly()) {
                throw new ScimException(400, "mutability",
                        "Attribute '" + attribute.name() + "." + sub.name() + "' is read-only");
            }
            canonical = canonical.attribute(sub.name());
        }
        return canonical;
    }

    private static Path parse(String path) {
        try {
            return Path.fromString(path);
        } catch (com.unboundid.scim2.common.exceptions.BadRequestException e) {
            throw new ScimException(400, "invalidPath",
                    "Invalid path '" + path + "': " + e.getMessage());
        }
    }

    private static PatchOpType opType(String op) {
        if (op != null) {
            for (PatchOpType type : PatchOpType.values()) {
                if (type.name().equalsIgnoreCase(op)) {
                    return type;
                }
            }
        }
        throw syntax("Each operation needs \"op\": \"add\", \"replace\" or \"remove\" (got " + op + ")");
    }

    private static ScimException translate(com.unboundid.scim2.common.exceptions.ScimException e) {
        String scimType = e.getScimError().getScimType();
        return new ScimException(400, scimType == null ? "invalidValue" : scimType,
                e.getScimError().getDetail() == null ? e.getMessage() : e.getScimError().getDetail());
    }

    private ScimException invalidPath(Path path) {
        return new ScimException(400, "invalidPath",
                "'" + path + "' is not an attribute of a " + schema.resourceType());
    }

    private static ScimException syntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    private static ScimException value(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }
}
