package dev.patchbay.scim.filter;

import dev.patchbay.scim.schema.AttributeDefinition.AttributeType;

/**
 * An SQL expression a filter can compare. {@code uuid} marks a uuid column: equality with a value that is
 * no UUID matches nothing instead of failing the query. {@code jsonText} marks text read out of jsonb,
 * which needs a cast before it compares as a boolean, number or date-time.
 */
record Column(String sql, AttributeType type, boolean caseExact, boolean uuid, boolean jsonText) {

    static Column text(String sql, boolean caseExact) {
        return new Column(sql, AttributeType.STRING, caseExact, false, false);
    }

    static Column uuid(String sql) {
        return new Column(sql, AttributeType.STRING, true, true, false);
    }

    static Column typed(String sql, AttributeType type) {
        return new Column(sql, type, true, false, false);
    }

    static Column json(String sql, AttributeType type, boolean caseExact) {
        return new Column(sql, type, caseExact, false, true);
    }

    Column formatted(String alias) {
        return new Column(sql.formatted(alias), type, caseExact, uuid, jsonText);
    }
}
