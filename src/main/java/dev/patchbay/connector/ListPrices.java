package dev.patchbay.connector;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor's public monthly list price per license tier, used where a connection's policy names no price
 * of its own (its contract's).
 */
public record ListPrices(String currency, Map<String, BigDecimal> licenses) {

    public ListPrices {
        licenses = Map.copyOf(licenses);
    }

    public static ListPrices none() {
        return new ListPrices("USD", Map.of());
    }

    public Optional<BigDecimal> monthly(String license) {
        return Optional.ofNullable(license == null ? null : licenses.get(license));
    }
}
