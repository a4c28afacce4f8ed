package dev.patchbay.connector.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fair-use backoff and the listing a connection's jobs share. */
class VccSessionTest {

    @Test
    void refusalsInARowDoubleTheWaitWithJitterUpToTwoMinutesAndAnAnswerResetsIt() {
        VccSession session = new VccSession(null, Clock.systemUTC());
        long[] ceilings = {2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 120_000, 120_000};
        for (long ceiling : ceilings) {
            Duration wait = session.refused();
            assertTrue(wait.toMillis() >= ceiling / 2 && wait.toMillis() <= ceiling, wait + " within " + ceiling);
        }
        assertEquals(8, session.refusalsInARow().orElseThrow());
        session.answered();
        assertTrue(session.refused().toMillis() <= 2_000, "back to the first step");
    }

    @Test
    void theListingIsReusedForItsAgeAndKnowsUsersCreatedMeanwhile() {
        VccSession session = new VccSession(null, Clock.systemUTC());
        AtomicInteger listed = new AtomicInteger();
        JsonNode first = JsonNodeFactory.instance.objectNode().put("username", "a");
        List<JsonNode> users = session.users(Duration.ofMinutes(1), () -> {
            listed.incrementAndGet();
            return List.of(first);
        });
        assertEquals(1, users.size());
        session.created(JsonNodeFactory.instance.objectNode().put("username", "b"));
        assertEquals(2, session.users(Duration.ofMinutes(1), () -> {
            listed.incrementAndGet();
            return List.of();
        }).size());
        assertEquals(1, listed.get());
        session.forgetUsers();
        assertEquals(0, session.users(Duration.ofMinutes(1), () -> {
            listed.incrementAndGet();
            return List.of();
        }).size());
        assertEquals(2, listed.get());
        assertEquals(0, session.users(Duration.ZERO, () -> {
            listed.incrementAndGet();
            return List.of();
        }).size());
        assertEquals(3, listed.get(), "an age of zero lists every time");
    }
}
