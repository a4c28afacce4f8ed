package dev.patchbay.connector.five9;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.CallMeter;
import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection with two Five9 admin users, the first (the one a free call takes first) with a password
 * Five9 refuses: that one is set aside with a task naming it, and the other carries every call; only when
 * both are refused does the connection pause.
 */
@QuarkusTest
class Five9AdminUsersTest {

    static final String THIRD_ADMIN = "sandbox-five9-admin3";

    static final String SEAT = """
            {"roles":["Agent"],"skills":[{"name":"Support","level":3}]}""";

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void sandbox() {
        Five9Sandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
    }

    @Test
    void anAdminUserFiveNineRefusesIsSetAsideWithATaskAndTheOtherCarriesOn() {
        Map<String, Object> settings = Five9Sandbox.settings();
        settings.put("adminPassword", "not-the-password");
        String connection = connection(settings);
        EndToEnd e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(e2e.oktaCreate("carried" + i + "@example.com", "Carried", "User" + i, SEAT));
        }
        e2e.settle();

        for (String id : ids) {
            assertEquals("provisioned", e2e.state(id), "the second admin user made every call");
        }
        JsonPath tasks = openTasks(connection);
        assertEquals(List.of(Five9Sandbox.ADMIN),
                tasks.getList("items.findAll { it.kind == 'vendor_credential_set_aside' }.field"));
        assertTrue(tasks.getString("items.find { it.kind == 'vendor_credential_set_aside' }.reason")
                .contains(Five9Sandbox.ADMIN));
        assertEquals(List.of(), tasks.getList("items.findAll { it.kind == 'vendor_credentials' }"),
                "the connection is not paused");
    }

    @Test
    void whenEveryAdminUserIsRefusedTheConnectionPauses() {
        Map<String, Object> settings = Five9Sandbox.settings();
        settings.put("adminPassword", "not-the-password");
        settings.put("secondAdminPassword", "not-the-password");
        String connection = connection(settings);
        EndToEnd e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        String id = e2e.oktaCreate("stopped@example.com", "Stopped", "User", SEAT);
        e2e.drain();

        assertTrue(!"provisioned".equals(e2e.state(id)));
        JsonPath tasks = openTasks(connection);
        assertEquals(1, tasks.getList("items.findAll { it.kind == 'vendor_credentials' }").size(),
                "no admin user left: the connection waits for its credentials");
    }

    @Test
    void aThirdAdminUserCarriesTheCallsWhenTheOtherTwoAreRefused() {
        Map<String, Object> settings = Five9Sandbox.settings();
        settings.put("adminPassword", "not-the-password");
        settings.put("secondAdminPassword", "not-the-password");
        settings.put("thirdAdminUser", THIRD_ADMIN);
        settings.put("thirdAdminPassword", Five9Sandbox.PASSWORD);
        String connection = connection(settings);
        EndToEnd e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        String id = e2e.oktaCreate("third@example.com", "Third", "Admin", SEAT);
        e2e.settle();

        assertEquals("provisioned", e2e.state(id), "the third admin user made every call");
        JsonPath tasks = openTasks(connection);
        assertEquals(List.of(Five9Sandbox.ADMIN, Five9Sandbox.SECOND_ADMIN), tasks.<String>getList(
                "items.findAll { it.kind == 'vendor_credential_set_aside' }.field").stream().sorted().toList());
        assertEquals(List.of(), tasks.getList("items.findAll { it.kind == 'vendor_credentials' }"));
    }

    @Test
    void anAdminUserWithoutItsPasswordIsRefusedAndNothingIsSaved() {
        Map<String, Object> settings = Five9Sandbox.settings();
        settings.put("fourthAdminUser", "someone");
        String connection = uniqueConnectionId("admins-five9");
        admin().body(Map.of("id", connection, "vendor", "five9", "displayName", "Five9 sandbox", "settings", settings))
                .post("/admin/v1/connections").then().statusCode(400)
                .body(containsString("fourthAdminPassword"));
        admin().get("/admin/v1/connections/{c}", connection).then().statusCode(404);
    }

    /**
     * An admin user set aside is left out for {@link Five9Client#SET_ASIDE_FOR}, then taken back: the next call
     * after that tries it again (here Five9 refuses it again, so it is set aside once more).
     */
    @Test
    void aSetAsideAdminUserIsTakenBackAfterItsSetAsideTime() {
        Map<String, Object> settings = Five9Sandbox.settings();
        settings.put("adminPassword", "not-the-password");
        AtomicReference<Instant> now =
                new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Five9Client client = new Five9Client(Five9Settings.from(settings), clock);

        client.call(port -> port.getCallCountersState());
        assertEquals(List.of(Five9Sandbox.ADMIN), refusedSince(client), "refused once and set aside");

        now.set(now.get().plus(Five9Client.SET_ASIDE_FOR).minusSeconds(1));
        client.call(port -> port.getCallCountersState());
        assertEquals(List.of(), refusedSince(client), "while set aside it is not tried: the other made the call");

        now.set(now.get().plusSeconds(1));
        client.call(port -> port.getCallCountersState());
        assertEquals(List.of(Five9Sandbox.ADMIN), refusedSince(client), "its time over, it was tried again");
    }

    /** The admin users Five9 refused since the last look. */
    private static List<String> refusedSince(Five9Client client) {
        CallMeter meter = new CallMeter();
        client.reportTo(meter);
        return meter.takeCredentialChanges().stream().filter(change -> change.reason() != null)
                .map(CallMeter.CredentialChange::credential).toList();
    }

    private static String connection(Map<String, Object> settings) {
        String connection = uniqueConnectionId("admins-five9");
        admin().body(Map.of("id", connection, "vendor", "five9", "displayName", "Five9 sandbox",
                "settings", settings)).post("/admin/v1/connections").then().statusCode(201);
        return connection;
    }

    private static JsonPath openTasks(String connection) {
        return admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks")
                .then().statusCode(200).extract().jsonPath();
    }
}
