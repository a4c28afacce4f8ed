package dev.patchbay.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.quarkus.tls.runtime.config.TlsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code patchbay_tls_certificate_expires_in_seconds{tls_configuration}}: seconds until the soonest notAfter
 * of the certificates a TLS configuration of the Quarkus TLS registry serves (negative once expired). Read
 * from the registry at every scrape, so a reloaded certificate ({@code quarkus.tls.reload-period}) shows at once.
 * Configurations without a key store (trust only) serve no certificate and have no gauge.
 */
@ApplicationScoped
public class TlsCertificateMetrics {

    static final String GAUGE = "patchbay_tls_certificate_expires_in_seconds";

    private final TlsConfigurationRegistry tls;
    private final TlsConfig config;
    private final MeterRegistry registry;
    private final Clock clock;

    public TlsCertificateMetrics(TlsConfigurationRegistry tls, TlsConfig config, MeterRegistry registry, Clock clock) {
        this.tls = tls;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        List<String> names = new ArrayList<>(config.namedCertificateConfig().keySet());
        names.add(TlsConfig.DEFAULT_NAME);
        for (String name : names) {
            if (soonestNotAfter(name).isPresent()) {
                Gauge.builder(GAUGE, () -> secondsLeft(name))
                        .description("Seconds until the TLS configuration's certificate expires (negative: expired)")
                        .tag("tls_configuration", name).register(registry);
            }
        }
    }

    private double secondsLeft(String name) {
        return soonestNotAfter(name).map(notAfter -> (double) Duration.between(clock.instant(), notAfter).toSeconds())
                .orElse(Double.NaN);
    }

    /** The soonest notAfter among the leaf certificates of the configuration's key entries. */
    Optional<Instant> soonestNotAfter(String name) {
        Optional<TlsConfiguration> configuration = TlsConfig.DEFAULT_NAME.equals(name) ? tls.getDefault() : tls.get(name);
        KeyStore store = configuration.map(TlsConfiguration::getKeyStore).orElse(null);
        if (store == null) {
            return Optional.empty();
        }
        try {
            Instant soonest = null;
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.isKeyEntry(alias) ? store.getCertificateChain(alias) : null;
                if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                    Instant notAfter = leaf.getNotAfter().toInstant();
                    soonest = soonest == null || notAfter.isBefore(soonest) ? notAfter : soonest;
                }
            }
            return Optional.ofNullable(soonest);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
