package dev.patchbay.sandbox.eightbyeight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The part of RSQL the sandbox understands: {@code ==} on {@code basicInfo.userName} (case-insensitive)
 * and {@code basicInfo.status}, joined with {@code ;} (and). Values may be quoted with ' or ".
 */
final class RsqlFilter {

    static final String SUPPORTED =
            "Only == on basicInfo.userName and basicInfo.status, joined with ';', is supported";

    private RsqlFilter() {
    }

    /** @throws IllegalArgumentException with the reason the filter is refused */
    static Predicate<SandboxUser> parse(String filter) {
        Predicate<SandboxUser> all = user -> true;
        if (filter == null || filter.isBlank()) {
            return all;
        }
        for (String clause : split(filter)) {
            all = all.and(clause(clause.trim()));
        }
        return all;
    }

    private static Predicate<SandboxUser> clause(String clause) {
        int operator = clause.indexOf("==");
        if (operator <= 0) {
            throw new IllegalArgumentException(SUPPORTED + ": " + clause);
        }
        String selector = clause.substring(0, operator).trim();
        String value = unquote(clause.substring(operator + 2).trim(), clause);
        return switch (selector) {
            case "basicInfo.userName" -> user -> user.userName.equalsIgnoreCase(value);
            case "basicInfo.status" -> {
                String status = value.toUpperCase(Locale.ROOT);
                if (!status.equals("ACTIVE") && !status.equals("INACTIVE")) {
                    throw new IllegalArgumentException("basicInfo.status must be ACTIVE or INACTIVE: " + value);
                }
                yield user -> user.status().equals(status);
            }
            default -> throw new IllegalArgumentException(SUPPORTED + ": " + clause);
        };
    }

    private static String unquote(String value, String clause) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.matches(".*[\\s\"'(),;=!<>~].*")) {
            throw new IllegalArgumentException(SUPPORTED + ": " + clause);
        }
        return value;
    }

    /** Splits at the {@code ;} outside quotes; a {@code ,} (or) outside quotes is refused. */
    private static List<String> split(String filter) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : filter.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (c == ';') {
                clauses.add(current.toString());
                current.setLength(0);
            } else if (c == ',' || c == '(' || c == ')') {
                throw new IllegalArgumentException(SUPPORTED + ": " + filter);
            } else {
                current.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unterminated quote in filter: " + filter);
        }
        clauses.add(current.toString());
        return clauses;
    }
}
