package dev.patchbay.console;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Monthly amounts by currency in one line: "42.00 USD, 9.50 EUR", or a dash for none. */
final class Money {

    private Money() {
    }

    static String of(Map<String, BigDecimal> byCurrency) {
        if (byCurrency.isEmpty()) {
            return "—";
        }
        return new TreeMap<>(byCurrency).entrySet().stream()
                .map(entry -> entry.getValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " "
                        + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    static String of(BigDecimal amount, String currency) {
        return amount == null ? "—" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " "
                + (currency == null ? "" : currency);
    }
}
