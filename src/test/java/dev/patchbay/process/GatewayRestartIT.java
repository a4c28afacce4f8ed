package dev.patchbay.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.database.ProcessLiveness;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway as an admin runs it: data kept across restarts, a clean stop on SIGTERM, a
 * recovery after SIGKILL, and an external database when a URL is configured.
 */
class GatewayRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void connectionsAndTokensSurviveRestartsAndTheDatabaseStopsWithTheGateway() throws Exception {
        Map<String, String> properties = Map.of("patchbay.data-dir", dataDir.toString());
        String adminToken;
        String scimToken;
        String tokenId;
        try (GatewayProcess gateway = GatewayProcess.start(properties)) {
            assertTrue(gateway.output().contains("data in " + dataDir.resolve("postgres")),
                    "the log says where the data lives:\n" + gateway.output());
            assertTrue(gateway.output().contains("Demo connection demo-8x8 is wired to the sandbox")
                    && gateway.output().contains("Demo connection demo-genesys is wired to the sandbox"),
                    "with the embedded database the demos are there");
            adminToken = gateway.printedAdminToken().orElseThrow(
                    () -> new AssertionError("no admin token printed:\n" + gateway.output()));
            Path keyFile = dataDir.resolve("secrets.key");
            assertTrue(gateway.output().contains("Generated the key that encrypts vendor credentials: " + keyFile),
                    gateway.output());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(keyFile)));

            assertEquals(201, send(gateway, "POST", "/admin/v1/connections", adminToken,
                    "{\"id\":\"kept-conn\",\"vendor\":\"genesys\",\"displayName\":\"Kept\",\"settings\":"
                    + "{\"region\":\"mypurecloud.com\",\"clientId\":\"kept\",\"clientSecret\":\"kept-secret\"}}").statusCode());
            JsonNode issued = JSON.readTree(send(gateway, "POST", "/admin/v1/connections/kept-conn/tokens",
                    adminToken, "{}").body());
            scimToken = issued.path("token").asText();
            tokenId = issued.path("id").asText();
            assertEquals(200, scimStatus(gateway, scimToken));

            long postgresPid = postmasterPid();
            int exitCode = gateway.stop();
            assertTrue(exitCode == 0 || exitCode == 143, "a clean stop on SIGTERM, exit code " + exitCode);
            assertFalse(ProcessLiveness.isRunning(postgresPid),
                    "no PostgreSQL is left running after the gateway stopped");
            assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")));
        }

        try (GatewayProcess gateway = GatewayProcess.start(properties)) {
            assertTrue(gateway.printedAdminToken().isEmpty(), "the admin token is printed on the first start only");
            assertEquals(200, send(gateway, "GET", "/admin/v1/connections/kept-conn", adminToken, null).statusCode());
            assertEquals(200, scimStatus(gateway, scimToken));

            assertEquals(204, send(gateway, "DELETE", "/admin/v1/connections/kept-conn/tokens/" + tokenId,
                    adminToken, null).statusCode());
            assertEquals(401, scimStatus(gateway, scimToken), "a revoked token stops working at once");
            gateway.kill();
        }

        try (GatewayProcess gateway = GatewayProcess.start(properties)) {
            assertTrue(gateway.output().contains("left running"),
                    "the PostgreSQL orphaned by SIGKILL was stopped:\n" + gateway.output());
            assertEquals(200, send(gateway, "GET", "/admin/v1/connections/kept-conn", adminToken, null).statusCode());
            assertEquals(401, scimStatus(gateway, scimToken));
        }
    }

    @Test
    void aConfiguredUrlIsUsedAndNothingIsStarted() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            Map<String, String> properties = Map.of(
                    "patchbay.data-dir", dataDir.toString(),
                    "quarkus.datasource.jdbc.url", external.getJdbcUrl("postgres", "postgres"),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres",
                    "patchbay.admin.bootstrap-token", "configured-admin-token");
            assertTrue(outputOfAFailedStart(properties).contains("refuses to start: vendor credentials must be "
                    + "encrypted in the external database, but no key is configured"), "no key, no start");

            properties = new java.util.HashMap<>(properties);
            properties.put("patchbay.secrets.key", "ext1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
            try (GatewayProcess gateway = GatewayProcess.start(properties)) {
                assertTrue(gateway.output().contains("database: external PostgreSQL at jdbc:postgresql://"),
                        gateway.output());
                assertTrue(gateway.printedAdminToken().isEmpty());
                assertEquals(201, send(gateway, "POST", "/admin/v1/connections", "configured-admin-token",
                        "{\"id\":\"ext-conn\",\"vendor\":\"eightbyeight\",\"displayName\":\"External\","
                        + "\"settings\":{\"apiKey\":\"ext-plain-secret\",\"scimToken\":\"ext-scim-token\","
                        + "\"scimBaseUrl\":\"https://platform.8x8.com/udi/customers/c1/scim/v2\","
                        + "\"adminBaseUrl\":\"https://api.8x8.com/admin-provisioning\"}}").statusCode());
                assertEquals(404, send(gateway, "GET", "/sandbox/8x8/_control/state", "none", null).statusCode(),
                        "no sandbox next to an external database");
                assertEquals(404, send(gateway, "GET", "/admin/v1/connections/demo-8x8", "configured-admin-token", null)
                        .statusCode(), "and no demo connection");
            }
            assertFalse(Files.exists(dataDir.resolve("postgres")), "no embedded database was created");
            try (var connection = external.getPostgresDatabase().getConnection();
                    var rows = connection.createStatement().executeQuery("select id, settings::text from connection")) {
                assertTrue(rows.next());
                assertEquals("ext-conn", rows.getString(1));
                assertTrue(rows.getString(2).contains("\"kid\": \"ext1\""), rows.getString(2));
                assertFalse(rows.getString(2).contains("ext-plain-secret"), rows.getString(2));
            }
        }
    }

    @Test
    void aSecondGatewayOnTheSameDataDirectoryRefusesToStartAndTheFirstKeepsServing() throws Exception {
        Map<String, String> properties = Map.of("patchbay.data-dir", dataDir.toString(),
                "patchbay.admin.bootstrap-token", "first-admin-token");
        try (GatewayProcess first = GatewayProcess.start(properties)) {
            long postmaster = postmasterPid();
            String second = outputOfAFailedStart(properties);
            assertTrue(second.contains("Patchbay refuses to start: another gateway (pid "), second);
            assertTrue(second.contains("runs on the embedded database in " + dataDir.resolve("postgres")), second);
            assertEquals(postmaster, postmasterPid());
            assertTrue(ProcessLiveness.isRunning(postmaster), "the first gateway's PostgreSQL was left alone");
            assertEquals(200, send(first, "GET", "/admin/v1/connections", "first-admin-token", null).statusCode());
        }
    }

    /** The log of a gateway that is expected to stop during its start. */
    private static String outputOfAFailedStart(Map<String, String> properties) throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(properties)) {
            for (int i = 0; i < 60 && !gateway.output().contains("refuses to start"); i++) {
                Thread.sleep(500);
            }
            return gateway.output();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private int scimStatus(GatewayProcess gateway, String token) throws Exception {
        return send(gateway, "GET", "/scim/v2/kept-conn/ServiceProviderConfig", token, null).statusCode();
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    private HttpResponse<String> send(GatewayProcess gateway, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
