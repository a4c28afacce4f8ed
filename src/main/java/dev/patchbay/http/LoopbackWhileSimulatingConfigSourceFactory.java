package dev.patchbay.http;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * While the vendor simulators are served (their {@code _control} endpoints take no credentials), the
 * gateway listens on the loopback interface only, unless {@code quarkus.http.host} is set: the simulators
 * are on when {@code patchbay.sandbox.enabled} says so, or, unset, when the database is embedded.
 */
public class LoopbackWhileSimulatingConfigSourceFactory implements ConfigSourceFactory {

    public static final String LOOPBACK = "127.0.0.1";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET) {
            // The Quarkus build would record the value as a run-time default for every deployment.
            return List.of();
        }
        if (!simulating(valueOf(context.getValue("patchbay.sandbox.enabled")),
                valueOf(context.getValue("quarkus.datasource.jdbc.url")))) {
            return List.of();
        }
        // Below application.properties and the environment: any configured host wins.
        return List.of(new MapBackedConfigSource("PatchbayLoopbackWhileSimulating",
                Map.of("quarkus.http.host", LOOPBACK), 150) {
        });
    }

    /** Whether the simulators are served, from {@code patchbay.sandbox.enabled} and the database URL. */
    static boolean simulating(String sandboxEnabled, String jdbcUrl) {
        return sandboxEnabled != null ? Boolean.parseBoolean(sandboxEnabled.trim()) : jdbcUrl == null;
    }

    private static String valueOf(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
