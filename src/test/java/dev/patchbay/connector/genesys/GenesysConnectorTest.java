package dev.patchbay.connector.genesys;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.connector.WriteRoute;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the connector contract does not cover: versions, chunking, tokens, refusals. */
@QuarkusTest
class GenesysConnectorTest {

    @Inject
    OidcClients clients;

    private final MovableClock clock = new MovableClock();
    private Connector connector;
    private final CallContext context = new CallContext("genesys-unit", Map.of(), "unit");

    @BeforeEach
    void sandbox() {
        GenesysSandbox.reset();
        connector = new GenesysConnectorFactory(clients, clock).connect("genesys-unit-" + System.nanoTime(),
                GenesysSandbox.settings());
    }

    private VendorRef create(String userName) {
        return connector.create(new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com",
                SeatField.DISPLAY_NAME, "Unit " + userName)), context);
    }

    @Test
    void aStaleVersionIsReadAgainAndTheChangeReapplied() throws Exception {
        Map<String, Object> patient = new HashMap<>(GenesysSandbox.settings());
        patient.put("requestTimeoutSeconds", 10);
        connector = new GenesysConnectorFactory(clients, clock).connect("genesys-patient-" + System.nanoTime(), patient);
        VendorRef ref = create("versioned");
        // The connector's read of the user answers late; meanwhile someone else changes the user.
        GenesysSandbox.fault("{\"type\":\"latency\",\"millis\":1800,\"api\":\"api\"}");
        CompletableFuture<Void> update = CompletableFuture.runAsync(() -> connector.apply(ref,
                new Step.Update(WriteRoute.PATCH, new EnumMap<>(Map.of(SeatField.DISPLAY_NAME, "From Patchbay"))),
                context));
        Thread.sleep(700);
        String token = given().auth().preemptive().basic("sandbox-genesys-client", "sandbox-genesys-secret")
                .contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials")
                .post(GenesysSandbox.base() + "/oauth/token").then().statusCode(200).extract().path("access_token");
        int version = given().auth().oauth2(token).get(GenesysSandbox.base() + "/api/v2/users/" + ref.id())
                .then().statusCode(200).extract().path("version");
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Someone Else", "version", version))
                .patch(GenesysSandbox.base() + "/api/v2/users/" + ref.id()).then().statusCode(200);
        update.get();
        assertEquals("From Patchbay", connector.read(ref, context).orElseThrow().text(SeatField.DISPLAY_NAME));
        assertEquals(version + 2, GenesysSandbox.state()
                .getInt("users.find { it.id == '" + ref.id() + "' }.version"));
    }

    @Test
    void moreThanFiftySkillsGoInChunksAndReplaceTheOldOnes() {
        List<String> names = IntStream.rangeClosed(1, 60).mapToObj(i -> "Skill " + i).toList();
        given().contentType("application/json").body(Map.of("names", names))
                .post(GenesysSandbox.base() + "/_control/skills").then().statusCode(200);
        VendorRef ref = create("skilled");
        Map<String, Integer> sixty = new LinkedHashMap<>();
        names.forEach(name -> sixty.put(name, names.indexOf(name) % 6));
        connector.apply(ref, new Step.Apply(SeatField.SKILLS, sixty), context);
        assertEquals(sixty, connector.read(ref, context).orElseThrow().get(SeatField.SKILLS),
                "the sandbox takes at most 50 a call");

        connector.apply(ref, new Step.Apply(SeatField.SKILLS, Map.of("Billing", 3)), context);
        assertEquals(Map.of("Billing", 3), connector.read(ref, context).orElseThrow().get(SeatField.SKILLS));
    }

    @Test
    void theTokenIsRenewedShortlyBeforeItExpires() {
        GenesysSandbox.tunables(100, 100000);
        VendorRef ref = create("tokens");
        connector.read(ref, context);
        assertEquals(1, GenesysSandbox.state().getInt("tokensIssued"));
        clock.advance(Duration.ofSeconds(70));
        connector.read(ref, context);
        assertEquals(1, GenesysSandbox.state().getInt("tokensIssued"), "70 of 100 seconds: still the same token");
        clock.advance(Duration.ofSeconds(15));
        connector.read(ref, context);
        assertEquals(2, GenesysSandbox.state().getInt("tokensIssued"), "the last fifth: renewed before it expired");
    }

    @Test
    void unknownNamesAndOutOfRangeProficienciesAreRefusedWithTheReason() {
        VendorRef ref = create("refused");
        ConnectorException.Rejected queue = assertThrows(ConnectorException.Rejected.class,
                () -> connector.apply(ref, new Step.Apply(SeatField.QUEUES, Set.of("Nowhere")), context));
        assertTrue(queue.getMessage().contains("no queue named 'Nowhere'"), queue.getMessage());
        ConnectorException.Rejected role = assertThrows(ConnectorException.Rejected.class,
                () -> connector.apply(ref, new Step.Apply(SeatField.ROLES, Set.of("Astronaut")), context));
        assertTrue(role.getMessage().contains("no role named 'Astronaut'"), role.getMessage());
        ConnectorException.Rejected skill = assertThrows(ConnectorException.Rejected.class,
                () -> connector.apply(ref, new Step.Apply(SeatField.SKILLS, Map.of("Billing", 7)), context));
        assertTrue(skill.getMessage().contains("from 0 to 5"), skill.getMessage());
        assertEquals(List.of(), GenesysSandbox.state().getList("users.find { it.id == '" + ref.id() + "' }.skills"));
    }

    @Test
    void aRoleCanBeGrantedInAnotherDivision() {
        VendorRef ref = create("divisions");
        connector.apply(ref, new Step.Apply(SeatField.LICENSE, "cx2"), context);
        connector.apply(ref, new Step.Apply(SeatField.ROLES, Set.of("Agent", "Supervisor@Sales")), context);
        assertEquals(Set.of("Agent", "Supervisor@Sales"), connector.read(ref, context).orElseThrow().get(SeatField.ROLES));
    }

    @Test
    void missingSettingsAreNamed() {
        Map<String, Object> settings = new HashMap<>(GenesysSandbox.settings());
        settings.remove("clientSecret");
        Connector bare = new GenesysConnectorFactory(clients, clock).connect("genesys-bare", settings);
        ConnectorException.AuthFailed failure = assertThrows(ConnectorException.AuthFailed.class,
                () -> bare.read(new VendorRef("x"), context));
        assertEquals("Genesys Cloud setting 'clientSecret' is missing", failure.getMessage());
        settings.remove("apiBaseUrl");
        settings.put("clientSecret", "s");
        ConnectorException.AuthFailed region = assertThrows(ConnectorException.AuthFailed.class,
                () -> new GenesysConnectorFactory(clients, clock).connect("genesys-bare", settings)
                        .read(new VendorRef("x"), context));
        assertTrue(region.getMessage().contains("'region'"), region.getMessage());
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
