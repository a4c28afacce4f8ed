package dev.patchbay.database;

import io.quarkus.runtime.ExecutionMode;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** Datasource settings pointing at the embedded server, which is started on first use. */
final class EmbeddedPostgresConfigSource implements ConfigSource {

    private static final String USERNAME = "quarkus.datasource.username";
    private static final String PASSWORD = "quarkus.datasource.password";
    private static final String EMBEDDED_FLAG = "patchbay.database.embedded";

    private final Path dataDir;
    private final boolean ephemeral;

    EmbeddedPostgresConfigSource(Path dataDir, boolean ephemeral) {
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
    }

    /**
     * Nothing during the Quarkus build: what the build sees it records as run-time defaults, which would
     * make a gateway with an external database believe it runs on an embedded one.
     */
    @Override
    public Set<String> getPropertyNames() {
        return isBuilding() ? Set.of()
                : Set.of(EmbeddedPostgresConfigSourceFactory.JDBC_URL, USERNAME, PASSWORD, EMBEDDED_FLAG);
    }

    @Override
    public String getValue(String propertyName) {
        if (isBuilding()) {
            return null;
        }
        return switch (propertyName) {
            case EmbeddedPostgresConfigSourceFactory.JDBC_URL -> EmbeddedPostgresServer.startOrGet(dataDir, ephemeral).jdbcUrl();
            case USERNAME -> "postgres";
            case PASSWORD -> "postgres";
            case EMBEDDED_FLAG -> "true";
            default -> null;
        };
    }

    /** The Quarkus build reads configuration too; a database is started only for a running application. */
    private static boolean isBuilding() {
        return ExecutionMode.current() == ExecutionMode.UNSET;
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    @Override
    public String getName() {
        return "PatchbayEmbeddedPostgres";
    }
}
