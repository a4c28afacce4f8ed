package dev.patchbay.secrets;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Whether this instance's secrets keys open every stored secret: the readiness check {@code secrets-key} and
 * the gauge {@code patchbay_secrets_key_usable} (1 or 0). Start-up refuses keys that cannot; this notices
 * later damage, e.g. another replica sealing values under a key this one was not given, or a database restored
 * without its key. Re-checked every {@code patchbay.secrets.check-every}; the probe reads the last result.
 */
@Readiness
@Default // next to the qualifier @Readiness, so that tests and other beans can inject it too
@ApplicationScoped
public class SecretsKeyCheck implements HealthCheck {

    static final String NAME = "secrets-key";
    private static final Logger LOG = Logger.getLogger(SecretsKeyCheck.class);

    private final ConnectionSecrets secrets;
    private volatile int undecryptable;

    public SecretsKeyCheck(ConnectionSecrets secrets, MeterRegistry registry) {
        this.secrets = secrets;
        Gauge.builder("patchbay_secrets_key_usable", this, check -> check.usable() ? 1 : 0)
                .description("1 while this instance's secrets keys open every stored secret, else 0")
                .register(registry);
    }

    void onStart(@Observes StartupEvent start) {
        refresh();
    }

    @Scheduled(every = "${patchbay.secrets.check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        List<String> problems;
        try {
            problems = secrets.undecryptable();
        } catch (RuntimeException e) {
            // the database is unreachable: its own readiness check says so; the key's state is unknown, not bad
            LOG.debugf("The stored secrets could not be read to check the secrets key: %s", e.getMessage());
            return;
        }
        if (!problems.isEmpty() && problems.size() != undecryptable) {
            LOG.errorf("The secrets keys of this instance cannot open %d stored secret(s) (patchbay.secrets.key):%n  %s",
                    problems.size(), String.join("\n  ", problems));
        }
        undecryptable = problems.size();
    }

    public boolean usable() {
        return undecryptable == 0;
    }

    @Override
    public HealthCheckResponse call() {
        // counts only: the unauthenticated health endpoint names no connection or setting
        return HealthCheckResponse.named(NAME).status(usable())
                .withData("undecryptable", undecryptable)
                .build();
    }
}
