package dev.patchbay.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.patchbay.provisioning.EmailKeys;
import dev.patchbay.provisioning.ResourceQuery;
import dev.patchbay.scim.error.ScimException;
import dev.patchbay.scim.filter.ResourceColumns.Relation;
import dev.patchbay.scim.schema.AttributeDefinition.AttributeType;
import dev.patchbay.scim.schema.AttributeDefinition;
import dev.patchbay.scim.schema.ResourceSchema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Translates a parsed SCIM filter into an SQL condition over the resource row {@code r}, so that
 * filtering runs in PostgreSQL. Attribute names are resolved through the schema (case-insensitively);
 * comparisons follow each attribute's type and case-exactness.
 */
public final class FilterTranslator {

    /** {@code arrayContainment}: the condition reads the email-key index ({@code @>}), see ResourceReads. */
    public record Sql(String condition, List<Object> parameters, boolean arrayContainment) {
    }

    /** Where an attribute path is evaluated: the resource, or one element of a multi-valued attribute. */
    private record Scope(String elementAlias, AttributeDefinition multiValued, Relation relation) {
        static final Scope RESOURCE = new Scope(null, null, null);

        boolean isResource() {
            return elementAlias == null;
        }
    }

    /** What a path names: one SQL value, or the elements of a multi-valued attribute. */
    private record Target(Column single, AttributeDefinition multiValued, Relation relation, String jsonArray,
            String subAttribute) {
    }

    private final ResourceSchema schema;
    private final ResourceColumns columns;
    private final List<Object> parameters = new ArrayList<>();
    private int aliases;
    private boolean arrayContainment;

    private FilterTranslator(ResourceSchema schema, ResourceColumns columns) {
        this.schema = schema;
        this.columns = columns;
    }

    public static Sql translate(ResourceSchema schema, ResourceColumns columns, Filter filter) {
        FilterTranslator translator = new FilterTranslator(schema, columns);
        String condition = translator.condition(filter, Scope.RESOURCE);
        return new Sql(condition, List.copyOf(translator.parameters), translator.arrayContainment);
    }

    /** An ORDER BY expression for {@code sortBy}, with the attribute's case-exactness. */
    public static String orderBy(ResourceSchema schema, ResourceColumns columns, Path path, boolean descending) {
        FilterTranslator translator = new FilterTranslator(schema, columns);
        Target target = translator.resolve(path, Scope.RESOURCE);
        String expression;
        if (target.single() != null) {
            expression = translator.sortable(target.single());
        } else if (target.jsonArray() != null) {
            String alias = translator.alias();
            Column element = translator.elementColumn(target, alias);
            expression = "(select " + translator.sortable(element) + " from " + translator.elements(target, alias)
                    + " order by (" + alias + ".value ->> 'primary') = 'true' desc nulls last limit 1)";
        } else {
            throw new ScimException(400, "invalidValue", "Cannot sort by '" + path + "'");
        }
        return expression + (descending ? " desc nulls last" : " asc nulls last");
    }

    private String sortable(Column column) {
        return column.type() == AttributeType.STRING && !column.caseExact() ? "lower(" + column.sql() + ")"
                : castFor(column);
    }

    private String condition(Filter filter, Scope scope) {
        FilterType type = filter.getFilterType();
        return switch (type) {
            case AND, OR -> filter.getCombinedFilters().stream()
                    .map(child -> condition(child, scope))
                    .collect(Collectors.joining(type == FilterType.AND ? " and " : " or ", "(", ")"));
            case NOT -> "not coalesce((" + condition(filter.getInvertedFilter(), scope) + "), false)";
            case COMPLEX_VALUE -> valueFilter(filter, scope);
            case PRESENT -> present(resolve(filter.getAttributePath(), scope));
            default -> comparison(filter, resolve(filter.getAttributePath(), scope));
        };
    }

    private String valueFilter(Filter filter, Scope scope) {
        if (!scope.isResource()) {
            throw invalid("Value filters cannot be nested: " + filter);
        }
        Target target = resolve(filter.getAttributePath(), scope);
        if (target.single() != null || target.subAttribute() != null
                || target.multiValued() != null && !target.multiValued().isComplex() && target.relation() == null) {
            throw invalid("'" + filter.getAttributePath() + "' is not a multi-valued complex attribute");
        }
        Optional<String> emailKey = emailKey(target, filter.getValueFilter());
        if (emailKey.isPresent()) {
            arrayContainment = true;
            return "r.email_keys @> cast(array[" + parameter(emailKey.get()) + "] as text[])";
        }
        String alias = alias();
        Scope element = new Scope(alias, target.multiValued(), target.relation());
        return "exists (select 1 from " + elements(target, alias) + " and ("
                + condition(filter.getValueFilter(), element) + "))";
    }

    private String comparison(Filter filter, Target target) {
        FilterType type = filter.getFilterType();
        if (type == FilterType.NOT_EQUAL) {
            return "not coalesce((" + comparison(Filter.eq(filter.getAttributePath(), filter.getComparisonValue()),
                    target) + "), false)";
        }
        if (target.single() != null) {
            return compare(target.single(), type, filter.getComparisonValue(), filter);
        }
        if (type == FilterType.EQUAL && target.multiValued() != null
                && "emails".equalsIgnoreCase(target.multiValued().name()) && columns.hasEmailKeys()
                && (target.subAttribute() == null || "value".equalsIgnoreCase(target.subAttribute()))
                && filter.getComparisonValue().isTextual()) {
            arrayContainment = true;
            return "r.email_keys @> cast(array[" + parameter(EmailKeys.anyType(filter.getComparisonValue().asText()))
                    + "] as text[])";
        }
        String alias = alias();
        return "exists (select 1 from " + elements(target, alias) + " and "
                + compare(elementColumn(target, alias), type, filter.getComparisonValue(), filter) + ")";
    }

    private String present(Target target) {
        if (target.single() != null) {
            Column column = target.single();
            return column.type() == AttributeType.STRING && !column.uuid()
                    ? "coalesce(" + column.sql() + ", '') <> ''"
                    : column.sql() + " is not null";
        }
        String alias = alias();
        if (target.subAttribute() != null) {
            return "exists (select 1 from " + elements(target, alias) + " and "
                    + present(new Target(elementColumn(target, alias), null, null, null, null)) + ")";
        }
        return "exists (select 1 from " + elements(target, alias) + ")";
    }

    private String compare(Column column, FilterType type, JsonNode value, Filter filter) {
        if (value == null || value.isNull()) {
            throw invalid("Comparing with null is not supported; use 'pr' or 'not (… pr)': " + filter);
        }
        return switch (column.type()) {
            case BOOLEAN -> {
                if (!value.isBoolean() || type != FilterType.EQUAL) {
                    throw invalid("'" + filter.getAttributePath() + "' is boolean: only 'eq', 'ne' and 'pr' with"
                            + " true or false apply");
                }
                yield castFor(column) + " = " + parameter(value.asBoolean());
            }
            case INTEGER, DECIMAL -> {
                if (!value.isNumber() || isSubstring(type)) {
                    throw invalid("'" + filter.getAttributePath() + "' is a number: compare it with a number"
                            + " using eq, ne, gt, ge, lt or le");
                }
                yield castFor(column) + operator(type) + parameter(value.decimalValue());
            }
            case DATETIME -> {
                if (!value.isTextual() || isSubstring(type)) {
                    throw invalid("'" + filter.getAttributePath() + "' is a date-time: compare it with a quoted"
                            + " date-time using eq, ne, gt, ge, lt or le");
                }
                yield castFor(column) + operator(type) + parameter(dateTime(value.asText(), filter));
            }
            case COMPLEX -> throw invalid("'" + filter.getAttributePath() + "' is complex: compare a sub-attribute");
            default -> compareText(column, type, value, filter);
        };
    }

    private String compareText(Column column, FilterType type, JsonNode value, Filter filter) {
        if (!value.isTextual() && !value.isNumber()) {
            throw invalid("'" + filter.getAttributePath() + "' is a string: compare it with a quoted string");
        }
        String text = value.asText();
        if (column.uuid() && type == FilterType.EQUAL) {
            return isUuid(text) ? column.sql() + " = " + parameter(UUID.fromString(text)) : "false";
        }
        String sql = column.uuid() ? "cast(" + column.sql() + " as text)" : column.sql();
        boolean ignoreCase = !column.caseExact();
        String left = ignoreCase ? "lower(" + sql + ")" : sql;
        String comparand = ignoreCase ? lower(text) : text;
        return switch (type) {
            case CONTAINS -> left + " like " + parameter("%" + escapeLike(comparand) + "%") + " escape '\\'";
            case STARTS_WITH -> left + " like " + parameter(escapeLike(comparand) + "%") + " escape '\\'";
            case ENDS_WITH -> left + " like " + parameter("%" + escapeLike(comparand)) + " escape '\\'";
            default -> left + operator(type) + parameter(comparand);
        };
    }

    private Target resolve(Path path, Scope scope) {
        if (path == null || path.size() == 0) {
            throw invalid("A filter needs an attribute");
        }
        if (!scope.isResource()) {
            return new Target(subAttributeColumn(scope, path), null, null, null, null);
        }
        String first = path.getElement(0).getAttribute();
        String urn = path.getSchemaUrn();
        String sub = path.size() > 1 ? path.getElement(1).getAttribute() : null;
        if (path.size() > 2 || path.getElement(0).getValueFilter() != null) {
            throw invalid("Unsupported attribute path '" + path + "'");
        }
        if (urn == null || urn.equalsIgnoreCase(schema.coreUrn())) {
            Optional<Column> column = columns.column(sub == null ? first : first + "." + sub);
            if (column.isPresent()) {
                return new Target(column.get(), null, null, null, null);
            }
            Optional<Relation> relation = columns.relation(first);
            if (relation.isPresent()) {
                AttributeDefinition attribute = schema.coreAttribute(first).orElseThrow();
                return new Target(null, attribute, relation.get(), null, sub);
            }
        }
        String schemaUrn = urn == null ? schema.coreUrn() : schema.schemaUrn(urn)
                .orElseThrow(() -> invalid("Unknown schema '" + urn + "' in '" + path + "'"));
        if (!schemaUrn.equals(schema.coreUrn())) {
            Optional<Column> column = columns.column(schemaUrn + ":" + (sub == null ? first : first + "." + sub));
            if (column.isPresent()) {
                return new Target(column.get(), null, null, null, null);
            }
        }
        AttributeDefinition attribute = schema.attribute(schemaUrn, first)
                .orElseThrow(() -> invalid("Unknown attribute '" + path + "'"));
        if (attribute.returned() == AttributeDefinition.Returned.NEVER) {
            // Never stored in a form a filter could read (a password): it would silently match nothing.
            throw invalid("'" + attribute.name() + "' is never returned and cannot be filtered on");
        }
        String container = schemaUrn.equals(schema.coreUrn()) ? "r.resource" : "(r.resource -> " + literal(schemaUrn) + ")";
        AttributeDefinition subAttribute = null;
        if (sub != null) {
            subAttribute = attribute.subAttribute(sub)
                    .orElseThrow(() -> invalid("Unknown attribute '" + path + "'"));
        }
        if (attribute.multiValued()) {
            String array = "coalesce(" + container + " -> " + literal(attribute.name()) + ", '[]'::jsonb)";
            return new Target(null, attribute, null, array, subAttribute == null ? null : subAttribute.name());
        }
        if (attribute.isComplex()) {
            if (subAttribute == null) {
                return new Target(Column.typed(container + " -> " + literal(attribute.name()), AttributeType.COMPLEX),
                        null, null, null, null);
            }
            return new Target(Column.json(container + " -> " + literal(attribute.name()) + " ->> "
                    + literal(subAttribute.name()), subAttribute.type(), subAttribute.caseExact()),
                    null, null, null, null);
        }
        if (sub != null) {
            throw invalid("'" + attribute.name() + "' has no sub-attributes");
        }
        return new Target(Column.json(container + " ->> " + literal(attribute.name()), attribute.type(),
                attribute.caseExact()), null, null, null, null);
    }

    private Column subAttributeColumn(Scope scope, Path path) {
        if (path.size() != 1 || path.getSchemaUrn() != null) {
            throw invalid("Inside a value filter, name a sub-attribute of '" + scope.multiValued().name() + "'");
        }
        String name = path.getElement(0).getAttribute();
        AttributeDefinition sub = scope.multiValued().subAttribute(name)
                .orElseThrow(() -> invalid("Unknown sub-attribute '" + name + "' of '" + scope.multiValued().name() + "'"));
        if (scope.relation() != null) {
            Column column = Optional.ofNullable(scope.relation().subAttributes().get(sub.name()))
                    .orElseThrow(() -> invalid("Cannot filter on '" + scope.multiValued().name() + "." + sub.name() + "'"));
            return column.formatted(scope.elementAlias());
        }
        return Column.json(scope.elementAlias() + ".value ->> " + literal(sub.name()), sub.type(), sub.caseExact());
    }

    /** FROM … WHERE true over the elements of a multi-valued target; callers append "and …". */
    private String elements(Target target, String alias) {
        if (target.relation() != null) {
            return target.relation().fromWhere().formatted(alias);
        }
        String function = target.multiValued().isComplex() ? "jsonb_array_elements" : "jsonb_array_elements_text";
        return function + "(" + target.jsonArray() + ") as " + alias + "(value) where true";
    }

    /** The compared value of each element: the named sub-attribute, else "value" (RFC 7644 §3.4.2.2). */
    private Column elementColumn(Target target, String alias) {
        String subName = target.subAttribute() == null ? "value" : target.subAttribute();
        if (target.relation() != null) {
            Column column = target.relation().subAttributes().entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(subName)).map(java.util.Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> invalid("Cannot filter on '" + target.multiValued().name() + "." + subName + "'"));
            return column.formatted(alias);
        }
        AttributeDefinition attribute = target.multiValued();
        if (!attribute.isComplex()) {
            return Column.json(alias + ".value", attribute.type(), attribute.caseExact());
        }
        AttributeDefinition sub = attribute.subAttribute(subName)
                .orElseThrow(() -> invalid("Unknown sub-attribute '" + subName + "'"));
        return Column.json(alias + ".value ->> " + literal(sub.name()), sub.type(), sub.caseExact());
    }

    /** The email-keys index answers emails[type eq "x" and value eq "y"] and emails[value eq "y"]. */
    private Optional<String> emailKey(Target target, Filter valueFilter) {
        if (!columns.hasEmailKeys() || !"emails".equalsIgnoreCase(target.multiValued().name())) {
            return Optional.empty();
        }
        String type = null;
        String value = null;
        List<Filter> parts = valueFilter.getFilterType() == FilterType.AND
                ? valueFilter.getCombinedFilters() : List.of(valueFilter);
        if (parts.size() > 2) {
            return Optional.empty();
        }
        for (Filter part : parts) {
            if (part.getFilterType() != FilterType.EQUAL || part.getAttributePath().size() != 1
                    || !part.getComparisonValue().isTextual()) {
                return Optional.empty();
            }
            String name = part.getAttributePath().getElement(0).getAttribute();
            if ("type".equalsIgnoreCase(name) && type == null) {
                type = part.getComparisonValue().asText();
            } else if ("value".equalsIgnoreCase(name) && value == null) {
                value = part.getComparisonValue().asText();
            } else {
                return Optional.empty();
            }
        }
        return value == null ? Optional.empty() : Optional.of(EmailKeys.key(type, value));
    }

    private String castFor(Column column) {
        if (!column.jsonText()) {
            return column.sql();
        }
        return switch (column.type()) {
            case BOOLEAN -> "(" + column.sql() + ")::boolean";
            case INTEGER, DECIMAL -> "(" + column.sql() + ")::numeric";
            case DATETIME -> "(" + column.sql() + ")::timestamptz";
            default -> column.sql();
        };
    }

    private static String operator(FilterType type) {
        return switch (type) {
            case EQUAL -> " = ";
            case GREATER_THAN -> " > ";
            case GREATER_OR_EQUAL -> " >= ";
            case LESS_THAN -> " < ";
            case LESS_OR_EQUAL -> " <= ";
            default -> throw new IllegalArgumentException("No SQL operator for " + type);
        };
    }

    private static boolean isSubstring(FilterType type) {
        return type == FilterType.CONTAINS || type == FilterType.STARTS_WITH || type == FilterType.ENDS_WITH;
    }

    private static OffsetDateTime dateTime(String text, Filter filter) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("'" + text + "' is not a date-time such as 2026-01-31T12:00:00Z in " + filter);
        }
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String parameter(Object value) {
        parameters.add(value instanceof BigDecimal || value instanceof UUID || value instanceof Boolean
                || value instanceof OffsetDateTime ? value : value.toString());
        return ":" + ResourceQuery.parameterName(parameters.size() - 1);
    }

    private String alias() {
        return "e" + aliases++;
    }

    /** Attribute names come from the schema, never from the request, so quoting them is safe. */
    private static String literal(String name) {
        return "'" + name.replace("'", "''") + "'";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static ScimException invalid(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }
}
