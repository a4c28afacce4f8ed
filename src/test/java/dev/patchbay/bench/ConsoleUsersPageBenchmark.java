package dev.patchbay.bench;

import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.uniqueConnectionId;

import dev.patchbay.console.ConsoleSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Not a test: how long the console's users page takes at the server for a connection of 100,000 users (the
 * first page, a page deep in the list by its cursor, a search by userName, a userName prefix, an email and
 * a state filter), with 1,000 users alongside for comparison in the same run. Run with
 * {@code mvn -Pbench test -Dtest=ConsoleUsersPageBenchmark}; results go to stdout and
 * target/console-benchmark-results.md.
 */
@QuarkusTest
class ConsoleUsersPageBenchmark {

    private static final int SAMPLES = 200;
    private static final int WARM_UP = 50;
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" id=\"next-page\"");
    private static final Random RANDOM = new Random(17);

    @Inject
    EntityManager entityManager;

    @Inject
    ConsoleSessions sessions;

    private BenchHttp http;
    private String cookie;

    @Test
    void usersPage() throws IOException {
        http = new BenchHttp("http://localhost:" + RestAssured.port);
        cookie = "patchbay_console=" + sessions.open("bench", "viewer").id();
        List<String> report = new ArrayList<>();
        report.add("| users in the connection | users page | p50 ms | p95 ms |");
        report.add("| ---: | --- | ---: | ---: |");
        for (int users : new int[] {1_000, 100_000}) {
            String connection = createConnection(uniqueConnectionId("bench-console"), "fake");
            BenchSeed.usersAndGroups(entityManager, connection, users);
            String page = "/console/connections/" + connection;
            String deep = deepPage(page, users);
            measure(report, users, "first page", i -> page, "data-user=");
            measure(report, users, "a page deep in the list (cursor)", i -> deep, "data-user=");
            measure(report, users, "search: a userName", i -> page + "?q=" + query("user" + i + "@bench.example"),
                    "data-user=\"user");
            measure(report, users, "search: a userName prefix", i -> page + "?q=" + query("user" + (i % 100)),
                    "data-user=\"user");
            measure(report, users, "search: an email", i -> page + "?q=" + query("USER" + i + "@bench.example"),
                    "data-user=\"user");
            measure(report, users, "state filter (failed: none match)", i -> page + "?state=failed", "No users match");
        }
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "console-benchmark-results.md"), report);
    }

    /**
     * A page after half the users, as its "Next page" link names it (the cursor is the last userName shown,
     * lower-cased, base64url), checked to lead on to a further page.
     */
    private String deepPage(String page, int users) {
        String after = "user" + users / 2 + "@bench.example";
        String url = page + "?cursor=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(after.getBytes(StandardCharsets.UTF_8));
        if (!NEXT.matcher(get(url, "data-user=")).find()) {
            throw new IllegalStateException("no next page after " + url);
        }
        return url;
    }

    private void measure(List<String> report, int users, String name, IntFunction<String> url, String fragment) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            String target = url.apply(RANDOM.nextInt(users));
            long start = System.nanoTime();
            get(target, fragment);
            long elapsed = System.nanoTime() - start;
            if (i >= WARM_UP) {
                millis.add(elapsed / 1e6);
            }
        }
        Collections.sort(millis);
        report.add(String.format(Locale.ROOT, "| %,d | %s | %.2f | %.2f |", users, name,
                millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95))));
    }

    private String get(String path, String fragment) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri(path)).header("Cookie", cookie)
                .header("Accept", "text/html").build());
        BenchHttp.expect(response, 200, fragment);
        return response.body();
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
