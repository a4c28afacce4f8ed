package dev.patchbay.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged gateway ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process. */
final class GatewayProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern ADMIN_TOKEN = Pattern.compile("(pba_[A-Za-z0-9_-]{43})");

    private final Process process;
    private final int port;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch started = new CountDownLatch(1);

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readOutput, "gateway-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether the gateway was packaged (mvn package or verify) so that it can run as a process. */
    static boolean packaged() {
        return Files.exists(JAR);
    }

    static GatewayProcess start(Map<String, String> systemProperties) throws Exception {
        return start(List.of(), systemProperties);
    }

    /** With JVM options ({@code -Xmx…}) before the system properties. */
    static GatewayProcess start(List<String> jvmOptions, Map<String, String> systemProperties) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests with 'mvn verify'");
        }
        return start(JAR, jvmOptions, Map.of(), systemProperties);
    }

    /** The gateway of {@code jar} with these environment variables added to a clean copy of this one's. */
    static GatewayProcess start(Path jar, Map<String, String> environment, Map<String, String> systemProperties)
            throws Exception {
        return start(jar, List.of(), environment, systemProperties);
    }

    private static GatewayProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment,
            Map<String, String> systemProperties) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        return start(command, environment, port);
    }

    /** A gateway that {@code command} starts (e.g. in a chroot), listening on {@code port}. */
    static GatewayProcess start(List<String> command, Map<String, String> environment, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PATCHBAY_ADMIN_BOOTSTRAP_TOKEN");
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        GatewayProcess gateway = new GatewayProcess(builder.start(), port);
        // generous: on a loaded two-core machine a start took over 90 s
        if (!gateway.started.await(180, TimeUnit.SECONDS)) {
            gateway.kill();
            throw new IllegalStateException("The gateway did not start:\n" + gateway.output());
        }
        if (!gateway.process.isAlive()) {
            throw new IllegalStateException("The gateway stopped at start:\n" + gateway.output());
        }
        return gateway;
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** The admin token printed at start-up, if the gateway generated one. */
    Optional<String> printedAdminToken() {
        Matcher matcher = ADMIN_TOKEN.matcher(output());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** SIGTERM, as on Ctrl-C or a container stop; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("The gateway did not stop within 60 s:\n" + output());
        }
        return process.exitValue();
    }

    /**
     * SIGTERM to the processes the started one runs the gateway in (its children: a launcher such as unshare
     * does not pass the signal on), then stops it.
     */
    int stopChildrenFirst() throws InterruptedException {
        for (ProcessHandle child : process.children().toList()) {
            child.destroy();
            child.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
        }
        return stop();
    }

    /** SIGKILL: the gateway gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                if (line.contains("Listening on:")) {
                    started.countDown();
                }
            }
        } catch (IOException e) {
            output.add("<output closed: " + e.getMessage() + ">");
        } finally {
            started.countDown();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
