package dev.patchbay.process;

import static dev.patchbay.bench.BenchHttp.encode;
import static dev.patchbay.bench.BenchHttp.expect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.bench.BenchHttp;
import dev.patchbay.bench.BenchSeed;
import dev.patchbay.bench.LoadRun;
import dev.patchbay.bench.ProcessCpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the packaged gateway — the jar a deployment runs — in a process of its own, with the heap and
 * collector a 512 MiB container gives it ({@code -Xmx384m}, as the image's {@code MaxRAMPercentage=75} does there,
 * and the serial collector, which the JVM picks below 1,792 MB of memory), loaded from this
 * JVM at 1 and 16 clients: the same lookups as {@code ScimFrontDoorBenchmark} at 100,000 users, POST /Users,
 * and the gateway process's own resident memory afterwards. Run with
 * {@code mvn -Pbench test -Dtest=PackagedGatewayBenchmark} (the bench profile packages the gateway first);
 * results go to stdout and target/benchmark-packaged.md.
 */
class PackagedGatewayBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 100_000);
    private static final long WARM_UP_MILLIS = Long.getLong("bench.warmup", 1_500);
    private static final long MEASURE_MILLIS = Long.getLong("bench.measure", 3_000);
    private static final List<String> JVM = Arrays.asList(
            System.getProperty("bench.gateway-jvm", "-Xmx384m -XX:+UseSerialGC").split(" "));
    private static final String ADMIN = "Bearer " + Wave.ADMIN_TOKEN;
    private static final String CONNECTION = "bench-packaged";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Dbench.only=POST}: only the requests whose name contains it (and the floor). */
    private static final String ONLY = System.getProperty("bench.only", "");
    private static final String GATEWAY_PROPERTY = "bench.gateway.";
    /** A static file of the console: Vert.x answers it without any of Patchbay's own work. */
    private static final String FLOOR = "/console/assets/console.js";
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final String DATABASE_FLOOR = "DB floor: userName lookup over JDBC from this JVM";
    private static final String DISCOVERY = "GET /ServiceProviderConfig";
    private static final String SCHEMAS = "GET /Schemas";
    private static final String CREATE = "POST /Users (user, job and audit entry committed)";

    private final List<String> report = new ArrayList<>();
    private BenchHttp http;
    private long gatewayPid;
    private long postmasterPid;
    private final FrontDoorTargets targets = new FrontDoorTargets(CORES);

    @Test
    void packagedGateway() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-gateway-");
        Map<String, String> properties = new HashMap<>(Map.of("patchbay.data-dir", data.toString(),
                "patchbay.worker.enabled", "false", "patchbay.admin.bootstrap-token", Wave.ADMIN_TOKEN,
                // The per-connection SCIM limit (200 a second by default) would measure itself, not the gateway.
                "patchbay.scim.rate-limit.requests-per-second", "1000000",
                "patchbay.scim.rate-limit.burst", "1000000"));
        // -Dbench.gateway.patchbay.x=y sets patchbay.x=y in the gateway.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(GATEWAY_PROPERTY))
                .forEach(name -> properties.put(name.substring(GATEWAY_PROPERTY.length()), System.getProperty(name)));
        try (GatewayProcess gateway = GatewayProcess.start(JVM, properties)) {
            http = new BenchHttp(gateway.baseUrl());
            gatewayPid = gateway.pid();
            String token = "Bearer " + connectionWithToken(gateway);
            List<String> ids;
            postmasterPid = Long.parseLong(postmaster(data).get(0).trim());
            try (Connection jdbc = database(data)) {
                BenchSeed.usersAndGroups(jdbc, CONNECTION, USERS);
                ids = userIds(jdbc);
            }
            report.add(String.format(Locale.ROOT, "Packaged gateway, JVM options %s, %,d users. Floor: a static file"
                    + " (%s), answered by Vert.x without Patchbay's filters.", String.join(" ", JVM), USERS, FLOOR));
            report.add("CPU per request: milliseconds of CPU each process used over the whole run (warm-up"
                    + " included) divided by the requests it served; the ceiling is what the machine's "
                    + CORES + " cores could serve at that cost.");
            report.add("");
            report.add("| request | clients | req/s | p50 ms | p99 ms | of the floor | CPU ms: gateway"
                    + " | PostgreSQL | load generator | ceiling req/s |");
            report.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Map<String, IntConsumer> requests = requests(token, ids);
            DatabaseFloor databaseFloor = new DatabaseFloor(data);
            // Every path once at full load, unmeasured, so that the JIT has compiled them before any is measured.
            LoadRun.run("warm-up", 16, 0, 3 * WARM_UP_MILLIS, n -> expect(http.get(FLOOR, null), 200, null));
            requests.forEach((name, call) -> {
                if (name.contains(ONLY)) {
                    LoadRun.run("warm-up " + name, 16, 0, 2 * WARM_UP_MILLIS, call);
                }
            });
            for (int clients : new int[] {1, 16}) {
                LoadRun.Result floor = measure("Floor: GET " + FLOOR, clients, null,
                        n -> expect(http.get(FLOOR, null), 200, null));
                measure(DATABASE_FLOOR, clients, floor, databaseFloor::lookup);
                for (Map.Entry<String, IntConsumer> request : requests.entrySet()) {
                    measure(request.getKey(), clients, floor, request.getValue());
                }
            }
            databaseFloor.close();
            long resident = residentMegabytes(gateway.pid());
            report.add("");
            report.add(String.format(Locale.ROOT, "Resident memory of the gateway process after the run: %,d MB"
                    + " (its embedded PostgreSQL runs apart); its heap in use after a full collection: %s.", resident,
                    liveHeap(gateway.pid())));
            report.add("");
            report.addAll(targets.verdicts("Floor: GET " + FLOOR, DATABASE_FLOOR, List.of(DISCOVERY, SCHEMAS), CREATE,
                    requests.keySet().stream().filter(name -> name.startsWith("GET /Users") || name.startsWith("GET /Groups"))
                            .toList(), resident));
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark-packaged.md"), report);
    }

    /** The measured requests by name, in report order; creates take fresh userNames on every call. */
    private Map<String, IntConsumer> requests(String token, List<String> ids) {
        String base = "/scim/v2/" + CONNECTION;
        Map<String, IntConsumer> requests = new LinkedHashMap<>();
        lookup(requests, "GET /Users?filter=userName eq", token, n -> base + "/Users?filter="
                + encode("userName eq \"user" + (n % USERS) + "@bench.example\""));
        lookup(requests, "GET /Users?filter=externalId eq", token, n -> base + "/Users?filter="
                + encode("externalId eq \"ext-" + (n % USERS) + "\""));
        lookup(requests, "GET /Users?filter=emails[type eq \"work\"].value eq", token, n -> base + "/Users?filter="
                + encode("emails[type eq \"work\"].value eq \"user" + (n % USERS) + "@bench.example\""));
        lookup(requests, "GET /Groups?filter=displayName eq", token, n -> base + "/Groups?filter="
                + encode("displayName eq \"Group " + (n % Math.max(1, USERS / 10)) + "\""));
        requests.put("GET /Users/{id}",
                n -> expect(http.get(base + "/Users/" + ids.get(n % ids.size()), token), 200, "\"id\""));
        requests.put(DISCOVERY,
                n -> expect(http.get(base + "/ServiceProviderConfig", token), 200, "patch"));
        requests.put(SCHEMAS, n -> expect(http.get(base + "/Schemas", token), 200, "Resources"));
        AtomicInteger created = new AtomicInteger();
        requests.put(CREATE,
                n -> expect(http.postUser(base + "/Users", token, created.incrementAndGet()), 201, "\"id\""));
        return requests;
    }

    private void lookup(Map<String, IntConsumer> requests, String name, String token, IntFunction<String> uri) {
        requests.put(name, n -> expect(http.get(uri.apply(n), token), 200, "\"totalResults\":1,"));
    }

    private LoadRun.Result measure(String name, int clients, LoadRun.Result floor, IntConsumer call) {
        if (floor != null && !name.contains(ONLY) && !name.equals(DATABASE_FLOOR)) {
            return null;
        }
        AtomicInteger calls = new AtomicInteger();
        double[] before = cpuMillis();
        LoadRun.Result result = LoadRun.run(name, clients, WARM_UP_MILLIS, MEASURE_MILLIS, n -> {
            call.accept(n);
            calls.incrementAndGet();
        });
        double[] after = cpuMillis();
        double gateway = (after[0] - before[0]) / calls.get();
        double database = (after[1] - before[1]) / calls.get();
        double generator = (after[2] - before[2]) / calls.get();
        report.add(result.row(floor) + String.format(Locale.ROOT, " %.3f | %.3f | %.3f | %,.0f |", gateway, database,
                generator, CORES * 1000 / (gateway + database + generator)));
        if (clients == 16) {
            targets.add(name, new FrontDoorTargets.Measured(result, gateway, database, generator));
        }
        return result;
    }

    private String connectionWithToken(GatewayProcess gateway) throws Exception {
        String sandbox = gateway.baseUrl() + "/sandbox/genesys";
        expect(Wave.send(gateway, "POST", "/admin/v1/connections", ADMIN, """
                {"id":"%s","vendor":"genesys","displayName":"Benchmark (worker off: nothing is provisioned)",
                 "settings":{"apiBaseUrl":"%s","loginBaseUrl":"%s","clientId":"sandbox-genesys-client",
                             "clientSecret":"sandbox-genesys-secret"}}""".formatted(CONNECTION, sandbox, sandbox)),
                201, null);
        return JSON.readTree(Wave.send(gateway, "POST", "/admin/v1/connections/" + CONNECTION + "/tokens", ADMIN, "{}")
                .body()).path("token").asText();
    }

    /** CPU milliseconds so far of the gateway, of its PostgreSQL (postmaster and backends) and of this JVM. */
    private double[] cpuMillis() {
        return new double[] {ProcessCpu.ownMillis(gatewayPid), ProcessCpu.treeMillis(postmasterPid),
            ProcessCpu.ownMillis(ProcessHandle.current().pid())};
    }

    /** The gateway's embedded PostgreSQL's postmaster.pid: its process id (line 1) and port (line 4). */
    private static List<String> postmaster(Path data) throws IOException {
        return Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
    }

    private static Connection database(Path data) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postmaster(data).get(3).trim()
                + "/postgres", "postgres", "postgres");
    }

    private static List<String> userIds(Connection jdbc) throws Exception {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = jdbc.prepareStatement(
                "select id from scim_user where connection_id = ? order by random() limit 1000")) {
            select.setString(1, CONNECTION);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * The userName lookup as a bare statement, one JDBC connection per client thread: what PostgreSQL and a
     * round trip cost without the gateway.
     */
    private static final class DatabaseFloor {

        private final Path data;
        private final List<Connection> opened = new CopyOnWriteArrayList<>();
        private final ThreadLocal<Connection> connection = new ThreadLocal<>();

        DatabaseFloor(Path data) {
            this.data = data;
        }

        void lookup(int n) {
            try {
                if (connection.get() == null) {
                    connection.set(database(data));
                    opened.add(connection.get());
                }
                try (PreparedStatement select = connection.get().prepareStatement(
                        "select * from scim_user r where r.connection_id = ? and lower(r.user_name) = lower(?)")) {
                    select.setString(1, CONNECTION);
                    select.setString(2, "user" + (n % USERS) + "@bench.example");
                    try (ResultSet rows = select.executeQuery()) {
                        if (!rows.next()) {
                            throw new IllegalStateException("no user " + n % USERS);
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void close() throws Exception {
            for (Connection each : opened) {
                each.close();
            }
        }
    }

    /**
     * The gateway's heap in use after a full collection (jcmd): what the data it holds needs, whatever heap
     * it was given; the serial collector keeps the rest of a heap it once grew to resident.
     */
    private static String liveHeap(long pid) {
        try {
            run("jcmd", Long.toString(pid), "GC.run");
            long usedKilobytes = 0;
            Pattern used = Pattern.compile("used (\\d+)K");
            for (String line : run("jcmd", Long.toString(pid), "GC.heap_info")) {
                String space = line.strip();
                Matcher figure = used.matcher(space);
                if ((space.startsWith("def new generation") || space.startsWith("tenured generation")
                        || space.startsWith("garbage-first heap")) && figure.find()) {
                    usedKilobytes += Long.parseLong(figure.group(1));
                }
            }
            return usedKilobytes == 0 ? "unknown" : usedKilobytes / 1024 + " MB";
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();
        process.waitFor();
        return lines;
    }

    private static long residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
