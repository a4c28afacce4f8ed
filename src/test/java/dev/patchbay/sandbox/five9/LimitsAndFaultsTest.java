package dev.patchbay.sandbox.five9;

import static dev.patchbay.sandbox.five9.Five9.ADMIN;
import static dev.patchbay.sandbox.five9.Five9.PASSWORD;
import static dev.patchbay.sandbox.five9.Five9.SANDBOX;
import static dev.patchbay.sandbox.five9.Five9.create;
import static dev.patchbay.sandbox.five9.Five9.createUser;
import static dev.patchbay.sandbox.five9.Five9.fault;
import static dev.patchbay.sandbox.five9.Five9.ok;
import static dev.patchbay.sandbox.five9.Five9.post;
import static dev.patchbay.sandbox.five9.Five9.usersInfo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The domain's fixed minute/hour/day request windows, getCallCountersState and injected faults. */
@QuarkusTest
class LimitsAndFaultsTest {

    private static final ZoneId DATA_CENTER = ZoneId.of("America/Los_Angeles");

    private int users;

    @BeforeEach
    void reset() {
        SANDBOX.reset();
    }

    private SoapAnswer modify() {
        return Five9.call(createUser("user" + (users++) + "@example.com"));
    }

    /** Moves the clock to {@code offset} past the start of the next {@code unit} in the data center's zone. */
    private static void advanceToNext(ChronoUnit unit, Duration offset) {
        Instant now = Instant.parse(SANDBOX.state().getString("now"));
        Instant next = ZonedDateTime.ofInstant(now, DATA_CENTER).truncatedTo(unit).plus(1, unit).toInstant();
        SANDBOX.advanceClock(Duration.between(now, next.plus(offset)).toMillis());
    }

    @Test
    void overTheMinuteLimitIsOperationsLimitExceededUntilTheMinuteEnds() {
        SANDBOX.settings(Map.of("modifyPerMinute", 2));
        advanceToNext(ChronoUnit.MINUTES, Duration.ofSeconds(1));
        assertEquals(200, modify().status);
        assertEquals(200, modify().status);
        Response refused = post(ADMIN, PASSWORD, createUser("late@example.com"));
        SoapAnswer answer = Five9.answer(refused);
        assertEquals(500, answer.status);
        assertEquals("OperationsLimitExceededFault", answer.faultName());
        assertEquals("2", answer.faultDetail("limit"));
        assertEquals("Modify", answer.faultDetail("operationType"));
        assertNull(refused.header("Retry-After"), "Five9 sends no Retry-After");
        assertEquals(2, SANDBOX.state().getInt("callCounters.Modify.minute.value"), "refused requests do not count");
        ok(usersInfo("")); // Query has its own counters
        SANDBOX.advanceClock(30_000);
        assertEquals("OperationsLimitExceededFault", modify().faultName());
        advanceToNext(ChronoUnit.MINUTES, Duration.ZERO);
        assertEquals(200, modify().status);
    }

    @Test
    void windowsAreFixedNotRolling() {
        SANDBOX.settings(Map.of("modifyPerMinute", 2));
        advanceToNext(ChronoUnit.MINUTES, Duration.ofSeconds(50));
        assertEquals(200, modify().status);
        assertEquals(200, modify().status);
        SANDBOX.advanceClock(15_000); // 15 s later, but in the next minute
        assertEquals(200, modify().status);
    }

    @Test
    void theHourAndDayWindowsHoldAcrossMinutes() {
        SANDBOX.settings(Map.of("modifyPerHour", 2, "queryPerDay", 1));
        advanceToNext(ChronoUnit.HOURS, Duration.ofMinutes(1));
        assertEquals(200, modify().status);
        assertEquals(200, modify().status);
        SANDBOX.advanceClock(60_000);
        SoapAnswer hour = modify();
        assertEquals("OperationsLimitExceededFault", hour.faultName());
        assertTrue(hour.faultDetail("message").contains("1-hour"), hour.faultDetail("message"));
        advanceToNext(ChronoUnit.HOURS, Duration.ZERO);
        assertEquals(200, modify().status);

        ok(usersInfo(""));
        advanceToNext(ChronoUnit.HOURS, Duration.ZERO);
        SoapAnswer day = fault("OperationsLimitExceededFault", usersInfo(""));
        assertEquals("Query", day.faultDetail("operationType"));
        assertTrue(day.faultDetail("message").contains("24-hour"));
        advanceToNext(ChronoUnit.DAYS, Duration.ZERO);
        ok(usersInfo(""));
    }

    @Test
    void getCallCountersStateReportsEveryWindowAndIsNotLimited() {
        SANDBOX.settings(Map.of("queryPerMinute", 1));
        advanceToNext(ChronoUnit.MINUTES, Duration.ofSeconds(1));
        create("a@example.com");
        ok(usersInfo(""));
        fault("OperationsLimitExceededFault", usersInfo(""));
        SoapAnswer state = ok(SoapRequest.of("getCallCountersState"));
        assertEquals(List.of("60", "3600", "86400"), state.texts("return/timeout"));
        assertEquals(List.of("Query", "Modify", "Query", "Modify", "Query", "Modify"),
                state.texts("return/callCounterStates/operationType"));
        assertEquals(List.of("1", "140", "15000", "7200", "172800", "172800"),
                state.texts("return/callCounterStates/limit"));
        assertEquals(List.of("1", "1", "1", "1", "1", "1"), state.texts("return/callCounterStates/value"));
        ok(SoapRequest.of("getCallCountersState"));
    }

    @Test
    void anInjectedSoapFaultAnswersInsteadOfTheOperation() {
        SANDBOX.fault(Map.of("type", "soapFault", "name", "ConcurrentModificationFault"));
        SoapAnswer answer = fault("ConcurrentModificationFault", createUser("a@example.com"));
        assertEquals("env:Server", answer.faultCode());
        assertEquals(List.of(), ok(usersInfo("")).texts("return"), "the create did not run");
        SANDBOX.post("faults", Map.of("type", "soapFault", "name", "NoSuchFault")).then().statusCode(400)
                .body("message", containsString("ConcurrentModificationFault"));
        SANDBOX.post("faults", Map.of("type", "soapFault")).then().statusCode(400);
    }

    @Test
    void statusLatencyAndTimeoutFaults() {
        SANDBOX.settings(Map.of("timeoutMs", 300));
        SANDBOX.fault(List.of(Map.of("type", "status", "status", 503, "retryAfterSeconds", 9),
                Map.of("type", "latency", "millis", 300), Map.of("type", "timeout", "api", "soap")));
        post(ADMIN, PASSWORD, SoapRequest.of("getSkills")).then().statusCode(503).header("Retry-After", "9")
                .body(containsString("<html"));
        long start = System.nanoTime();
        assertEquals(200, Five9.call(SoapRequest.of("getSkills")).status);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 290);
        start = System.nanoTime();
        post(ADMIN, PASSWORD, SoapRequest.of("getSkills")).then().statusCode(504);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 290);
        ok(SoapRequest.of("getSkills"));
    }
}
