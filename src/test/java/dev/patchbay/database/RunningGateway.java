package dev.patchbay.database;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerTest}: a gateway's embedded PostgreSQL on a data
 * directory, started as the gateway starts it, kept until the process is killed.
 */
public final class RunningGateway {

    private RunningGateway() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer.start(Path.of(args[0]), false);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
