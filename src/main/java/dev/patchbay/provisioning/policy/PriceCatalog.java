package dev.patchbay.provisioning.policy;

import dev.patchbay.connector.ConnectorRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The monthly price of a license tier: the connection's policy first, else the vendor's public list
 * price as its connector declares it.
 */
@ApplicationScoped
public class PriceCatalog {

    public record Price(BigDecimal amount, String currency) {
    }

    private final ConnectorRegistry vendors;

    public PriceCatalog(ConnectorRegistry vendors) {
        this.vendors = vendors;
    }

    public Optional<Price> monthly(PolicyDocument policy, String vendor, String license) {
        if (license == null) {
            return Optional.empty();
        }
        if (policy.prices() != null && policy.prices().licenses() != null
                && policy.prices().licenses().containsKey(license)) {
            return Optional.of(new Price(policy.prices().licenses().get(license), policy.prices().currency()));
        }
        return vendors.factory(vendor).map(factory -> factory.vendor().listPrices())
                .flatMap(prices -> prices.monthly(license).map(amount -> new Price(amount, prices.currency())));
    }
}
