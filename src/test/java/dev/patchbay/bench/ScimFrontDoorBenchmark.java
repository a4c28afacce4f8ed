package dev.patchbay.bench;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.bench.BenchHttp.encode;
import static dev.patchbay.bench.BenchHttp.expect;
import static io.restassured.RestAssured.given;

import dev.patchbay.scim.ScimFixture;
import dev.patchbay.security.issuer.TestIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the SCIM front door under load, at 1 and 16 concurrent clients, beside two floors measured in
 * the same run — a no-op endpoint of the same server (HTTP floor) and the same lookup as a bare JDBC query
 * (database floor) — at 1,000 and 100,000 users per connection (seeded with SQL). Also each SCIM credential
 * kind on the same request, POST /Users, and the resident memory afterwards.
 * Run with {@code mvn -Pbench test -Dtest=ScimFrontDoorBenchmark}; results go to stdout and
 * target/benchmark-frontdoor.md.
 */
@QuarkusTest
class ScimFrontDoorBenchmark {

    private static final long WARM_UP_MILLIS = Long.getLong("bench.warmup", 1_500);
    private static final long MEASURE_MILLIS = Long.getLong("bench.measure", 3_000);
    private static final int[] CLIENTS = {1, 16};
    private static final int AUTHENTICATION_ROUNDS = Integer.getInteger("bench.auth-rounds", 5);
    private static final String HEADER = "| request | users | clients | req/s | p50 ms | p99 ms | of HTTP floor | of DB floor |";

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    private BenchHttp http;
    private final List<String> report = new ArrayList<>();
    /** Each target of issue 15 this benchmark measures, met or by how much not. */
    private final List<String> verdicts = new ArrayList<>();
    /** 16-client req/s per request at each user count, to compare 100,000 users with 1,000. */
    private final Map<String, Map<Integer, Double>> byUsers = new LinkedHashMap<>();

    @Test
    void frontDoor() throws IOException {
        http = new BenchHttp("http://localhost:" + RestAssured.port);
        report.add(HEADER);
        report.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        // The JIT compiles the HTTP stack first, so that the first floor is not measured cold.
        LoadRun.run("warm-up", 4, 0, 3 * WARM_UP_MILLIS, n -> expect(http.get("/bench/noop", null), 200, null));
        LoadRun.Result[] httpFloor = new LoadRun.Result[2];
        for (int i = 0; i < CLIENTS.length; i++) {
            httpFloor[i] = LoadRun.run("HTTP floor: GET /bench/noop", CLIENTS[i], WARM_UP_MILLIS, MEASURE_MILLIS,
                    n -> expect(http.get("/bench/noop", null), 200, null));
            report.add(httpFloor[i].row("–", null, null));
        }
        boolean authenticationOnly = Boolean.getBoolean("bench.authentication-only");
        if (!Boolean.getBoolean("bench.lookups-only")) {
            authentication(httpFloor[1]);
            if (!authenticationOnly) {
                creates(httpFloor);
            }
        }
        for (int users : authenticationOnly ? new int[0] : new int[] {1_000, 100_000}) {
            lookups(users, httpFloor);
        }
        report.add("");
        long afterRun = rssMegabytes();
        System.gc(); // a full collection gives back the heap the load generator's garbage had grown
        sleep(1_000);
        report.add(String.format(Locale.ROOT, "Resident memory of the JVM (gateway, embedded-database client and load"
                + " generator in one process, max heap %,d MB) after the run: %,d MB, after a full GC: %,d MB; the"
                + " embedded PostgreSQL runs apart.", Runtime.getRuntime().maxMemory() / (1024 * 1024), afterRun,
                rssMegabytes()));
        byUsers.forEach((name, rates) -> {
            if (rates.containsKey(1_000) && rates.containsKey(100_000)) {
                double slower = rates.get(1_000) / rates.get(100_000);
                verdicts.add(String.format(Locale.ROOT, "- %s at 100,000 users no more than 1.2× slower than at 1,000:"
                        + " %s — %.2f×", name, slower <= 1.2 ? "met" : "not met", slower));
            }
        });
        if (!verdicts.isEmpty()) {
            report.add("");
            report.add("Against the targets (16 clients):");
            report.addAll(verdicts);
        }
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "benchmark-frontdoor.md"), report);
    }

    private void lookups(int users, LoadRun.Result[] httpFloor) {
        ScimFixture fixture = ScimFixture.create("fd");
        String connection = fixture.connection;
        String token = "Bearer " + fixture.token;
        BenchSeed.usersAndGroups(entityManager, connection, users);
        String base = "/scim/v2/" + connection;
        String label = String.format(Locale.ROOT, "%,d", users);
        List<String> ids = userIds(connection, 1_000);
        for (int i = 0; i < CLIENTS.length; i++) {
            int clients = CLIENTS[i];
            // Both floors again, next to the requests they are compared with: the machine's load changes.
            httpFloor[i] = LoadRun.run("HTTP floor: GET /bench/noop", clients, WARM_UP_MILLIS, MEASURE_MILLIS,
                    n -> expect(http.get("/bench/noop", null), 200, null));
            report.add(httpFloor[i].row(label, null, null));
            LoadRun.Result dbFloor = LoadRun.run("DB floor: userName lookup over JDBC", clients, WARM_UP_MILLIS,
                    MEASURE_MILLIS, n -> jdbcLookup(connection, "user" + (n % users) + "@bench.example"));
            report.add(dbFloor.row(label, httpFloor[i], null));
            lookup(users, label, clients, httpFloor[i], dbFloor, "GET /Users?filter=userName eq", token,
                    n -> base + "/Users?filter=" + encode("userName eq \"user" + (n % users) + "@bench.example\""));
            lookup(users, label, clients, httpFloor[i], dbFloor, "GET /Users?filter=externalId eq", token,
                    n -> base + "/Users?filter=" + encode("externalId eq \"ext-" + (n % users) + "\""));
            lookup(users, label, clients, httpFloor[i], dbFloor, "GET /Users?filter=emails[type eq \"work\"].value eq", token,
                    n -> base + "/Users?filter=" + encode("emails[type eq \"work\"].value eq \"user" + (n % users)
                            + "@bench.example\""));
            lookup(users, label, clients, httpFloor[i], dbFloor, "GET /Groups?filter=displayName eq", token,
                    n -> base + "/Groups?filter=" + encode("displayName eq \"Group " + (n % (users / 10)) + "\""));
            LoadRun.Result byId = LoadRun.run("GET /Users/{id}", clients, WARM_UP_MILLIS, MEASURE_MILLIS,
                    n -> expect(http.get(base + "/Users/" + ids.get(n % ids.size()), token), 200, "\"id\""));
            report.add(byId.row(label, httpFloor[i], dbFloor));
            byUsers(users, byId);
            report.add(LoadRun.run("GET /ServiceProviderConfig", clients, WARM_UP_MILLIS, MEASURE_MILLIS,
                    n -> expect(http.get(base + "/ServiceProviderConfig", token), 200, "patch")).row(label, httpFloor[i], null));
            report.add(LoadRun.run("GET /Schemas", clients, WARM_UP_MILLIS, MEASURE_MILLIS,
                    n -> expect(http.get(base + "/Schemas", token), 200, "Resources")).row(label, httpFloor[i], null));
        }
    }

    private void lookup(int users, String label, int clients, LoadRun.Result httpFloor, LoadRun.Result dbFloor, String name,
            String token, IntFunction<String> uri) {
        LoadRun.Result result = LoadRun.run(name, clients, WARM_UP_MILLIS, MEASURE_MILLIS,
                n -> expect(http.get(uri.apply(n), token), 200, "\"totalResults\":1,"));
        report.add(result.row(label, httpFloor, dbFloor));
        byUsers(users, result);
    }

    private void byUsers(int users, LoadRun.Result result) {
        if (result.clients() == 16) {
            byUsers.computeIfAbsent(result.name(), name -> new LinkedHashMap<>()).put(users, result.perSecond());
        }
    }

    private static LoadRun.Result median(List<LoadRun.Result> results) {
        List<LoadRun.Result> sorted = results.stream()
                .sorted(Comparator.comparingDouble(LoadRun.Result::perSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Each credential kind on GET /ServiceProviderConfig at 16 clients: authentication is the only work. */
    private void authentication(LoadRun.Result httpFloor) {
        String connection = ScimFixture.create("fd-auth").connection;
        String path = "/scim/v2/" + connection + "/ServiceProviderConfig";
        String password = "correct horse battery staple";
        admin().body(Map.of("username", "okta", "password", password))
                .post("/admin/v1/connections/{id}/basic-credentials", connection).then().statusCode(201);
        Map<String, String> client = admin().body(Map.of("description", "bench"))
                .post("/admin/v1/connections/{id}/oauth-clients", connection).then().statusCode(201)
                .extract().jsonPath().getMap("$");
        String accessToken = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client.get("clientId")).formParam("client_secret", client.get("clientSecret"))
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
        try (TestIssuer issuer = TestIssuer.start()) {
            admin().body(Map.of("issuer", issuer.url(), "audience", "bench-audience"))
                    .post("/admin/v1/connections/{id}/trusted-issuers", connection).then().statusCode(201);
            String externalJwt = issuer.sign(issuer.claims("bench-audience"));
            Map<String, String> headers = Map.of(
                    "bearer token", "Bearer " + createToken(connection),
                    "HTTP Basic", "Basic " + Base64.getEncoder().encodeToString(("okta:" + password)
                            .getBytes(StandardCharsets.UTF_8)),
                    "OAuth access token (JWT)", "Bearer " + accessToken,
                    "trusted issuer JWT", "Bearer " + externalJwt);
            List<String> kinds = List.of("bearer token", "HTTP Basic", "OAuth access token (JWT)", "trusted issuer JWT");
            // Each kind once unmeasured first, so that the first measured kind is not the one the JIT meets cold.
            for (String kind : kinds) {
                LoadRun.run("warm-up with " + kind, 16, 0, WARM_UP_MILLIS, n -> expect(http.get(path, headers.get(kind)), 200,
                        "patch"));
            }
            // Rounds in turn, each kind once a round, and each kind's median: the machine's load drifts during a
            // run, and measuring the kinds one after another would put that drift between them.
            Map<String, List<LoadRun.Result>> rounds = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            long self = ProcessHandle.current().pid();
            for (int round = 0; round < AUTHENTICATION_ROUNDS; round++) {
                for (String kind : kinds) {
                    AtomicInteger calls = new AtomicInteger();
                    double before = ProcessCpu.ownMillis(self);
                    rounds.computeIfAbsent(kind, k -> new ArrayList<>()).add(LoadRun.run(
                            "GET /ServiceProviderConfig with " + kind, 16, WARM_UP_MILLIS, MEASURE_MILLIS, n -> {
                                expect(http.get(path, headers.get(kind)), 200, "patch");
                                calls.incrementAndGet();
                            }));
                    cpu.computeIfAbsent(kind, k -> new ArrayList<>())
                            .add((ProcessCpu.ownMillis(self) - before) / calls.get());
                }
            }
            List<LoadRun.Result> medians = rounds.values().stream().map(ScimFrontDoorBenchmark::median).toList();
            medians.forEach(result -> report.add(result.row("–", httpFloor, null)));
            double fastest = medians.stream().mapToDouble(LoadRun.Result::perSecond).max().orElseThrow();
            double slowest = medians.stream().mapToDouble(LoadRun.Result::perSecond).min().orElseThrow();
            Map<String, Double> cpuMedians = new LinkedHashMap<>();
            cpu.forEach((kind, figures) -> cpuMedians.put(kind, figures.stream().sorted().toList().get(figures.size() / 2)));
            double cheapest = cpuMedians.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double dearest = cpuMedians.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            report.add("");
            report.add("CPU ms per request of this JVM (gateway and load generator) by credential kind, median of "
                    + AUTHENTICATION_ROUNDS + " rounds: " + cpuMedians.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).toList());
            verdicts.add(String.format(Locale.ROOT, "- credential kinds within 10%% of each other: %s — in req/s the"
                    + " slowest %.1f%% below the fastest; in CPU per request, which other processes on the machine"
                    + " disturb far less, the dearest %.1f%% above the cheapest (medians of %d rounds taken in turn)",
                    dearest - cheapest <= 0.1 * cheapest ? "met (by CPU per request)" : "not met",
                    100 * (fastest - slowest) / fastest, 100 * (dearest - cheapest) / cheapest, AUTHENTICATION_ROUNDS));
        }
    }

    private void creates(LoadRun.Result[] httpFloor) {
        for (int i = 0; i < CLIENTS.length; i++) {
            ScimFixture fixture = ScimFixture.create("fd-post");
            String connection = fixture.connection;
            String token = "Bearer " + fixture.token;
            String path = "/scim/v2/" + connection + "/Users";
            report.add(LoadRun.run("POST /Users (user, job and audit entry committed)", CLIENTS[i], WARM_UP_MILLIS,
                    MEASURE_MILLIS, n -> expect(http.postUser(path, token, n), 201, "\"id\""))
                    .row("–", httpFloor[i], null));
        }
    }

    private void jdbcLookup(String connection, String userName) {
        try (Connection jdbc = dataSource.getConnection();
                PreparedStatement select = jdbc.prepareStatement(
                        "select * from scim_user r where r.connection_id = ? and lower(r.user_name) = lower(?)")) {
            select.setString(1, connection);
            select.setString(2, userName);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no row for " + userName);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> userIds(String connection, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = entityManager.createNativeQuery(
                    "select id from scim_user where connection_id = :c order by random() limit :n")
                    .setParameter("c", connection).setParameter("n", limit).getResultList();
            return ids.stream().map(Object::toString).toList();
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not on Linux
        }
        return -1;
    }
}
