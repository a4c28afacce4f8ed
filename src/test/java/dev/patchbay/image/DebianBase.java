package dev.patchbay.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The image's base made from Debian's own packages, so that no container registry is needed: debootstrap of
 * {@value #SUITE} (minbase) with {@value #JRE}, packed as a {@code docker save} tarball that Jib takes as
 * {@code tar://}. Made once into a cache directory and reused. Needs root (debootstrap) and the Debian mirror;
 * debootstrap itself is installed with apt-get when missing. Where either is lacking, {@link #ensure} says why.
 */
final class DebianBase {

    static final String SUITE = "bookworm";
    static final String JRE = "openjdk-17-jre-headless";
    private static final String FILE = "debian-" + SUITE + "-minbase-" + JRE + ".tar";
    /** What the JRE package's alternatives put on PATH, and where the JRE lives. */
    private static final List<String> ENV = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64");
    /** Left out of the layer: debootstrap's downloaded packages and package lists, manual pages, mount points' contents. */
    private static final List<String> EXCLUDED = List.of("./var/cache/apt/archives/*.deb", "./var/lib/apt/lists/*",
            "./usr/share/man/*", "./dev/*", "./proc/*", "./sys/*", "./run/*", "./tmp/*");
    private static final long MINUTES = 20;

    private DebianBase() {
    }

    /** The base tarball in {@code cache}, made now if it is not there yet; or why it cannot be made here. */
    static Result ensure(Path cache, String mirror) {
        Path tarball = cache.resolve(FILE);
        if (Files.isRegularFile(tarball)) {
            return Result.made(tarball);
        }
        if (!isRoot()) {
            return Result.unavailable("debootstrap needs root, and this build does not run as root");
        }
        if (!installedDebootstrap()) {
            return Result.unavailable("debootstrap is not installed and apt-get could not install it");
        }
        Path work = null;
        try {
            Files.createDirectories(cache);
            work = Files.createTempDirectory(cache, "making-");
            Path root = work.resolve("root");
            log("debootstrap " + SUITE + " (minbase) with " + JRE + " from " + mirror + " into " + root);
            if (run(List.of("debootstrap", "--variant=minbase", "--include=" + JRE, SUITE, root.toString(), mirror),
                    work.resolve("debootstrap.log")) != 0) {
                return Result.unavailable("debootstrap from " + mirror + " failed (is the Debian mirror reachable?): "
                        + tail(work.resolve("debootstrap.log")));
            }
            Path layer = work.resolve("layer.tar");
            if (run(tar(root, layer), work.resolve("tar.log")) != 0) {
                return Result.unavailable("packing the base's files failed: " + tail(work.resolve("tar.log")));
            }
            writeImage(work, layer);
            Path packed = work.resolve("base.tar");
            if (run(List.of("tar", "-C", work.toString(), "-cf", packed.toString(), "manifest.json", "config.json",
                    "layer.tar"), work.resolve("tar.log")) != 0) {
                return Result.unavailable("packing the base image failed: " + tail(work.resolve("tar.log")));
            }
            Files.move(packed, tarball, StandardCopyOption.ATOMIC_MOVE);
            log("base image made: " + tarball + " (" + Files.size(tarball) / (1024 * 1024) + " MiB)");
            return Result.made(tarball);
        } catch (IOException e) {
            return Result.unavailable("the base could not be made in " + cache + ": " + e.getMessage());
        } finally {
            if (work != null) {
                run(List.of("rm", "-rf", work.toString()), null);
            }
        }
    }

    private static List<String> tar(Path root, Path layer) {
        List<String> command = new ArrayList<>(List.of("tar", "--numeric-owner", "--sort=name", "-C", root.toString(), "-cf", layer.toString()));
        EXCLUDED.forEach(pattern -> command.add("--exclude=" + pattern));
        command.add(".");
        return command;
    }

    /** {@code manifest.json} and {@code config.json} of a one-layer image, as {@code docker save} writes them. */
    private static void writeImage(Path work, Path layer) throws IOException {
        ObjectMapper json = new ObjectMapper();
        json.writeValue(work.resolve("config.json").toFile(), Map.of(
                "architecture", "amd64", "os", "linux",
                "config", Map.of("Env", ENV),
                "rootfs", Map.of("type", "layers", "diff_ids", List.of("sha256:" + sha256(layer))),
                "history", List.of(Map.of("created_by", "debootstrap --variant=minbase --include=" + JRE + " " + SUITE))));
        json.writeValue(work.resolve("manifest.json").toFile(), List.of(Map.of("Config", "config.json",
                "RepoTags", List.of("patchbay-base/debian-" + SUITE + "-jre17:local"), "Layers", List.of("layer.tar"))));
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean installedDebootstrap() {
        if (Files.isExecutable(Path.of("/usr/sbin/debootstrap"))) {
            return true;
        }
        log("installing debootstrap with apt-get");
        List<String> install = List.of("apt-get", "install", "-y", "--no-install-recommends", "debootstrap");
        if (run(install, null) == 0) {
            return true;
        }
        run(List.of("apt-get", "update"), null);
        return run(install, null) == 0;
    }

    /** Runs a command (output to {@code log}, or this build's own when null); its exit code, -1 when it could not run. */
    private static int run(List<String> command, Path log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
            if (log == null) {
                builder.inheritIO().redirectInput(new File("/dev/null"));
            } else {
                builder.redirectErrorStream(true).redirectOutput(log.toFile());
            }
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void log(String message) {
        System.out.println("[image] " + message);
    }

    /** The base tarball, or the reason there is none. */
    record Result(Optional<Path> tarball, String reason) {

        static Result made(Path tarball) {
            return new Result(Optional.of(tarball), "");
        }

        static Result unavailable(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }
}
