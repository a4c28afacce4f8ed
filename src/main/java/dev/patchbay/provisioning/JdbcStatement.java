package dev.patchbay.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ResourceQuery}'s named parameters ({@code :p0}, …) turned into JDBC's positional {@code ?}, so
 * that the hot read paths can run it as a plain prepared statement.
 */
final class JdbcStatement {

    /** {@code :p0} but not the second colon of a {@code ::type} cast. */
    private static final Pattern NAMED = Pattern.compile("(?<!:):p(\\d+)\\b");

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    JdbcStatement append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends a positional parameter, with a space either side so that no SQL text runs into it. */
    JdbcStatement value(Object value) {
        sql.append(" ? ");
        values.add(value);
        return this;
    }

    /** Appends {@code condition}, replacing each named parameter by a positional one bound from {@code parameters}. */
    JdbcStatement condition(String condition, List<Object> parameters) {
        Matcher named = NAMED.matcher(condition);
        int from = 0;
        while (named.find()) {
            sql.append(condition, from, named.start());
            value(parameters.get(Integer.parseInt(named.group(1))));
            from = named.end();
        }
        sql.append(condition, from, condition.length());
        return this;
    }

    String sql() {
        return sql.toString();
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            statement.setObject(i + 1, value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                    : value);
        }
        return statement;
    }
}
