package dev.patchbay.bench;

import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Not a test: reports latency of the SCIM lookups IdPs depend on, at 1,000 and 100,000 users per
 * connection, plus POST /Users throughput and member changes on a 50,000-member group.
 * Run with {@code mvn -Pbench test}; results go to stdout and target/benchmark-results.md.
 */
@QuarkusTest
class ScimLookupBenchmark {

    private static final int SAMPLES = 400;
    private static final int WARM_UP = 300;
    private static final Random RANDOM = new Random(42);

    @Inject
    EntityManager entityManager;

    @Test
    void lookups() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("| users per connection | lookup | p50 ms | p95 ms |");
        report.add("| ---: | --- | ---: | ---: |");
        for (int users : new int[] {1_000, 100_000}) {
            String connection = createConnection(uniqueConnectionId("bench"), "fake");
            String token = createToken(connection);
            seed(connection, users);
            measure(report, users, "userName eq", token, connection,
                    i -> "userName eq \"user" + i + "@bench.example\"", "/Users", users);
            measure(report, users, "externalId eq", token, connection,
                    i -> "externalId eq \"ext-" + i + "\"", "/Users", users);
            measure(report, users, "emails[type eq \"work\"].value eq", token, connection,
                    i -> "emails[type eq \"work\"].value eq \"user" + i + "@bench.example\"", "/Users", users);
            measure(report, users, "group displayName eq", token, connection,
                    i -> "displayName eq \"Group " + i + "\"", "/Groups", users / 10);
        }
        List<String> throughput = postThroughput();
        List<String> members = largeGroup();
        List<String> lines = new ArrayList<>(report);
        lines.add("");
        lines.addAll(throughput);
        lines.add("");
        lines.addAll(members);
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "benchmark-results.md"), lines);
    }

    private void measure(List<String> report, int users, String name, String token, String connection,
            IntFunction<String> filter, String endpoint, int population) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            int target = RANDOM.nextInt(population);
            URI uri = URI.create("http://localhost:" + RestAssured.port + "/scim/v2/" + connection + endpoint
                    + "?filter=" + URLEncoder.encode(filter.apply(target), StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
            long start = System.nanoTime();
            HttpResponse<String> response = send(request);
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200 || !response.body().contains("\"totalResults\":1,")) {
                throw new IllegalStateException(name + " did not find exactly one match for " + target + ": "
                        + response.body());
            }
            if (i >= WARM_UP) {
                millis.add(elapsed / 1e6);
            }
        }
        Collections.sort(millis);
        report.add(String.format(Locale.ROOT, "| %,d | `%s` | %.2f | %.2f |", users, name,
                millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95))));
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> postThroughput() {
        String connection = createConnection(uniqueConnectionId("bench-post"), "fake");
        String token = createToken(connection);
        int creates = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < creates; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                            + "/scim/v2/" + connection + "/Users"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"post%1$d@bench.example",
                             "externalId":"post-%1$d","name":{"givenName":"Post","familyName":"%1$d"},
                             "emails":[{"type":"work","primary":true,"value":"post%1$d@bench.example"}],"active":true}"""
                            .formatted(i)))
                    .build();
            if (send(request).statusCode() != 201) {
                throw new IllegalStateException("create " + i + " failed");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return List.of(String.format(Locale.ROOT,
                "POST /Users, one client, sequential: %,d creates in %.1f s = %.0f users/s", creates, seconds,
                creates / seconds));
    }

    private List<String> largeGroup() {
        String connection = createConnection(uniqueConnectionId("bench-group"), "fake");
        String token = createToken(connection);
        int members = 50_000;
        seed(connection, members + 10);
        String groupId = QuarkusTransaction.requiringNew().call(() -> {
            Object id = entityManager.createNativeQuery("select id from scim_group where connection_id = :c"
                    + " and display_name = 'Group 0'").setParameter("c", connection).getSingleResult();
            entityManager.createNativeQuery("""
                    insert into scim_group_member (group_id, member_id, member_type, connection_id, added)
                    select :g, id, 'User', :c, now() from scim_user where connection_id = :c
                    order by created, id limit :n""")
                    .setParameter("g", id).setParameter("c", connection).setParameter("n", members).executeUpdate();
            return id.toString();
        });
        List<String> outsiders = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = entityManager.createNativeQuery("""
                    select u.id from scim_user u where u.connection_id = :c and not exists
                    (select 1 from scim_group_member m where m.member_id = u.id) limit 10""")
                    .setParameter("c", connection).getResultList();
            return ids.stream().map(Object::toString).toList();
        });
        List<Double> add = new ArrayList<>();
        List<Double> remove = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (String member : outsiders) {
                add.add(timePatch(token, connection, groupId,
                        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}"));
                remove.add(timePatch(token, connection, groupId,
                        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + member + "\\\"]\"}"));
            }
        }
        Collections.sort(add);
        Collections.sort(remove);
        int total = scim(token).queryParam("excludedAttributes", "members")
                .get("/scim/v2/" + connection + "/Groups/" + groupId).then().statusCode(200)
                .extract().path("displayName") == null ? -1 : members;
        return List.of(String.format(Locale.ROOT,
                "PATCH on a %,d-member group: add one member p50 %.2f ms, p95 %.2f ms; remove one p50 %.2f ms, p95 %.2f ms",
                total, add.get(add.size() / 2), add.get((int) (add.size() * 0.95)),
                remove.get(remove.size() / 2), remove.get((int) (remove.size() * 0.95))));
    }

    private double timePatch(String token, String connection, String groupId, String operation) {
        long start = System.nanoTime();
        scim(token).contentType("application/scim+json")
                .body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}")
                .patch("/scim/v2/" + connection + "/Groups/" + groupId).then().statusCode(204);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Users and groups written straight into the tables the gateway reads. */
    private void seed(String connection, int users) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into scim_user (id, connection_id, user_name, external_id, display_name, active, resource,
                                           email_keys, version, created, last_modified)
                    select gen_random_uuid(), :c, 'user' || i || '@bench.example', 'ext-' || i, 'User ' || i, true,
                           jsonb_build_object('userName', 'user' || i || '@bench.example', 'externalId', 'ext-' || i,
                               'displayName', 'User ' || i, 'active', true,
                               'emails', jsonb_build_array(jsonb_build_object('type', 'work', 'primary', true,
                                   'value', 'user' || i || '@bench.example'))),
                           array['*:user' || i || '@bench.example', 'work:user' || i || '@bench.example'],
                           0, now(), now()
                    from generate_series(0, :n - 1) as i""")
                    .setParameter("c", connection).setParameter("n", users).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into scim_group (id, connection_id, display_name, external_id, resource, version, created,
                                            last_modified)
                    select gen_random_uuid(), :c, 'Group ' || i, 'gext-' || i,
                           jsonb_build_object('displayName', 'Group ' || i), 0, now(), now()
                    from generate_series(0, :n - 1) as i""")
                    .setParameter("c", connection).setParameter("n", Math.max(1, users / 10)).executeUpdate();
            entityManager.createNativeQuery("analyze scim_user").executeUpdate();
            entityManager.createNativeQuery("analyze scim_group").executeUpdate();
        });
    }

    private static RequestSpecification scim(String token) {
        return given().auth().oauth2(token).accept("application/scim+json");
    }
}
