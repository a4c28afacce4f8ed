package dev.patchbay.provisioning.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The monthly price of a license tier: the connection's policy first, else the vendor's public list
 * price from {@code price-catalog.json}.
 */
@ApplicationScoped
public class PriceCatalog {

    public record Price(BigDecimal amount, String currency) {
    }

    private final JsonNode defaults;

    public PriceCatalog(ObjectMapper objectMapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("price-catalog.json")) {
            this.defaults = objectMapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("price-catalog.json cannot be read", e);
        }
    }

    public Optional<Price> monthly(PolicyDocument policy, String vendor, String license) {
        if (license == null) {
            return Optional.empty();
        }
        if (policy.prices() != null && policy.prices().licenses() != null
                && policy.prices().licenses().containsKey(license)) {
            return Optional.of(new Price(policy.prices().licenses().get(license), policy.prices().currency()));
        }
        JsonNode vendorPrices = defaults.path(vendor);
        JsonNode amount = vendorPrices.path("licenses").get(license);
        return amount == null ? Optional.empty()
                : Optional.of(new Price(amount.decimalValue(), vendorPrices.path("currency").asText()));
    }
}
