package dev.patchbay.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.provisioning.UserCreates.PendingCreate;
import dev.patchbay.provisioning.UserCreates.Result;
import dev.patchbay.scim.ScimFixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCIM creates committed in groups: each create durable with its job and audit entry, each with its own answer. */
@QuarkusTest
class GroupCommitTest {

    @Inject
    UserCreates creates;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ScimFixture scim;

    @BeforeEach
    void fixture() {
        scim = ScimFixture.create("group-commit");
    }

    @Test
    void concurrentCreatesAllCommitWithTheirJobAndAuditEntry() throws Exception {
        List<HttpResponse<String>> answers = postConcurrently(24, n -> "user" + n + "@example.com");
        for (HttpResponse<String> answer : answers) {
            assertEquals(201, answer.statusCode(), answer.body());
        }
        assertEquals(24, count("select count(*) from scim_user where connection_id = ?"));
        assertEquals(24, count("select count(*) from scim_user u join provisioning_job j on j.connection_id = u.connection_id"
                + " and j.user_id = u.id and j.state = 'pending' where u.connection_id = ?"));
        assertEquals(24, count("select count(*) from audit_log a join scim_user u on a.resource_id = cast(u.id as text)"
                + " where a.connection_id = ? and a.method = 'POST' and a.status = 201"));
        assertEquals(24, count("select count(*) from audit_log where connection_id = ? and api = 'scim'"),
                "one entry per create");
        assertEquals(24, count("select count(distinct request_id) from audit_log where connection_id = ? and api = 'scim'"));
    }

    @Test
    void aTakenUserNameAmongConcurrentCreatesFailsOnlyItsOwnCreate() throws Exception {
        // Every even create claims the same userName (in other cases): one wins, the others get 409.
        List<HttpResponse<String>> answers = postConcurrently(16,
                n -> n % 2 == 0 ? (n % 4 == 0 ? "SAME@example.com" : "same@example.com") : "other" + n + "@example.com");
        int created = 0;
        int conflicts = 0;
        for (int n = 0; n < answers.size(); n++) {
            HttpResponse<String> answer = answers.get(n);
            if (n % 2 == 1) {
                assertEquals(201, answer.statusCode(), answer.body());
            } else if (answer.statusCode() == 201) {
                created++;
            } else {
                assertEquals(409, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"scimType\":\"uniqueness\""), answer.body());
                conflicts++;
            }
        }
        assertEquals(1, created);
        assertEquals(7, conflicts);
        assertEquals(9, count("select count(*) from scim_user where connection_id = ?"));
        assertEquals(9, count("select count(*) from provisioning_job where connection_id = ?"));
        assertEquals(9, count("select count(*) from audit_log where connection_id = ? and api = 'scim' and status = 201"));
        assertEquals(7, count("select count(*) from audit_log where connection_id = ? and api = 'scim' and status = 409"));
    }

    @Test
    void oneGroupSettlesEachCreateOnItsOwn() throws Exception {
        String retainedId = scim.createUser("retained@example.com");
        scim.patch("/Users/" + retainedId, ScimFixture.patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))
                .statusCode(200);
        scim.patch("/Users/" + retainedId, ScimFixture.patchOp(
                "{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"ext-retained\"}")).statusCode(200);
        scim.createUser("taken@example.com");
        List<PendingCreate> group = List.of(
                pending("first@example.com", null, auditRow("req-first")),
                pending("TAKEN@example.com", null, auditRow("req-taken")),
                pending("First@example.com", null),
                pending("rehired@example.com", "ext-retained"),
                pending("second@example.com", "ext-2"));

        creates.commit(group);

        assertEquals(List.of(Result.CREATED, Result.TAKEN, Result.TAKEN, Result.INDIVIDUALLY, Result.CREATED),
                group.stream().map(pending -> pending.result).toList());
        assertEquals(4, count("select count(*) from scim_user where connection_id = ?"));
        assertEquals(4, count("select count(*) from provisioning_job where connection_id = ?"));
        // The audit entry given with a create is written by the group's statement, for the created user only.
        assertEquals(List.of(true, false, false, false, false),
                group.stream().map(pending -> pending.auditWritten).toList());
        assertEquals(1, count("select count(*) from audit_log where connection_id = ? and request_id = 'req-first'"
                + " and resource_id = '" + group.get(0).id + "' and status = 201 and attributes = '[\"userName\"]'"));
        assertEquals(0, count("select count(*) from audit_log where connection_id = ? and request_id = 'req-taken'"));
    }

    @Test
    void aCreateArrivingIntoABacklogIsPartOfAWaveAsTheQueueDecides() throws Exception {
        List<HttpResponse<String>> first = postConcurrently(1, n -> "before-the-backlog@example.com");
        assertEquals(201, first.get(0).statusCode(), first.get(0).body());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement backlog = connection.prepareStatement("""
                        insert into provisioning_job (connection_id, user_id, state, attempts, next_attempt_at, created,
                                                      updated)
                        select ?, gen_random_uuid(), 'pending', 0, now() + interval '1 hour', now(), now()
                        from generate_series(1, 60)""")) {
            backlog.setString(1, scim.connection);
            backlog.executeUpdate();
        }
        List<HttpResponse<String>> later = postConcurrently(4, n -> "in-the-wave" + n + "@example.com");
        later.forEach(answer -> assertEquals(201, answer.statusCode(), answer.body()));

        assertEquals(0, count("select count(*) from provisioning_job j join scim_user u on u.id = j.user_id"
                + " where j.connection_id = ? and u.user_name = 'before-the-backlog@example.com' and j.wave"));
        assertEquals(4, count("select count(*) from provisioning_job j join scim_user u on u.id = j.user_id"
                + " where j.connection_id = ? and u.user_name like 'in-the-wave%' and j.wave"));
    }

    private CreateAuditTrail.Row auditRow(String requestId) {
        return new CreateAuditTrail.Row(java.time.Instant.now(), requestId, "token:bench", null, "scim", "POST",
                scim.path("/Users"), "create", scim.connection, "Users", 201, "[\"userName\"]", "127.0.0.1");
    }

    private PendingCreate pending(String userName, String externalId) throws Exception {
        return pending(userName, externalId, null);
    }

    private PendingCreate pending(String userName, String externalId, CreateAuditTrail.Row audit) throws Exception {
        ObjectNode attributes = (ObjectNode) objectMapper.readTree(ScimFixture.user(userName));
        if (externalId != null) {
            attributes.put("externalId", externalId);
        }
        return new PendingCreate(scim.connection, new UserData(userName, externalId, null, true,
                List.of("*:" + userName.toLowerCase(java.util.Locale.ROOT)), attributes), audit);
    }

    private List<HttpResponse<String>> postConcurrently(int creates, java.util.function.IntFunction<String> userName)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(creates);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int n = 0; n < creates; n++) {
                String body = ScimFixture.user(userName.apply(n));
                calls.add(() -> http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + RestAssured.port + scim.path("/Users")))
                        .header("Authorization", "Bearer " + scim.token)
                        .header("Content-Type", "application/scim+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, scim.connection);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
