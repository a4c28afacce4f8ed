package dev.patchbay.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource settings of an embedded PostgreSQL when no {@code quarkus.datasource.jdbc.url}
 * is configured. The server starts only when the URL is first read, i.e. when the datasource is created.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(JDBC_URL))) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue("patchbay.data-dir");
        ConfigValue ephemeral = context.getValue("patchbay.database.ephemeral");
        return List.of(new EmbeddedPostgresConfigSource(
                Path.of(isSet(dataDir) ? dataDir.getValue() : "./data"),
                isSet(ephemeral) && Boolean.parseBoolean(ephemeral.getValue())));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
