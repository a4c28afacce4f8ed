package dev.patchbay.provisioning.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a connection's scheduled reconciliation is due, read off fixed clocks instead of waiting for the night. */
class ReconciliationScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static ReconciliationSchedule schedule(String json) throws Exception {
        PolicyDocument policy = new ObjectMapper().readValue(json, PolicyDocument.class);
        return ReconciliationRules.schedule(policy, Duration.ofHours(24)).orElseThrow();
    }

    @Test
    void aTimeOfNightIsDueOnceItCameInItsZoneAndNotAgainThatNight() throws Exception {
        ReconciliationSchedule nightly = schedule("{\"reconciliation\":{\"at\":\"02:00\",\"zone\":\"Europe/London\"}}");
        assertEquals(new ReconciliationSchedule.Daily(LocalTime.of(2, 0), LONDON), nightly);
        // London is on summer time (UTC+1) in July: 02:00 there is 01:00 UTC.
        assertEquals(false, nightly.due(at("2026-07-01T00:59:00Z").instant(), Optional.of(Instant.parse("2026-06-30T01:00:00Z"))));
        assertEquals(true, nightly.due(at("2026-07-01T01:00:00Z").instant(), Optional.of(Instant.parse("2026-06-30T01:00:00Z"))));
        assertEquals(false, nightly.due(at("2026-07-01T01:10:00Z").instant(), Optional.of(Instant.parse("2026-07-01T01:00:05Z"))),
                "started tonight already");
        // In January London is on UTC: the same policy means 02:00 UTC.
        assertEquals(false, nightly.due(at("2026-01-15T01:30:00Z").instant(), Optional.of(Instant.parse("2026-01-14T02:00:00Z"))));
        assertEquals(true, nightly.due(at("2026-01-15T02:00:00Z").instant(), Optional.of(Instant.parse("2026-01-14T02:00:00Z"))));
    }

    @Test
    void aNightMissedIsCaughtUpInTheEarlyMorningButNotInTheWorkingDay() throws Exception {
        ReconciliationSchedule nightly = schedule("{\"reconciliation\":{\"at\":\"02:00\"}}");
        assertEquals(new ReconciliationSchedule.Daily(LocalTime.of(2, 0), ZoneOffset.UTC), nightly, "UTC by default");
        Optional<Instant> lastNight = Optional.of(Instant.parse("2026-03-09T02:00:00Z"));
        assertEquals(true, nightly.due(at("2026-03-10T07:59:00Z").instant(), lastNight));
        assertEquals(false, nightly.due(at("2026-03-10T08:01:00Z").instant(), lastNight), "waits for the next night");
        assertEquals(true, nightly.due(at("2026-03-11T02:00:00Z").instant(), lastNight));
        assertEquals(false, nightly.due(at("2026-03-10T14:00:00Z").instant(), Optional.empty()),
                "a new connection waits for its first night");
        assertEquals(true, nightly.due(at("2026-03-11T02:30:00Z").instant(), Optional.empty()));
    }

    @Test
    void anIntervalIsDueOnceItPassedSinceTheLatestStartAndAtOnceWithoutOne() throws Exception {
        ReconciliationSchedule every = schedule("{\"reconciliation\":{\"every\":\"12h\"}}");
        Optional<Instant> started = Optional.of(Instant.parse("2026-03-10T00:00:00Z"));
        assertEquals(false, every.due(at("2026-03-10T11:59:00Z").instant(), started));
        assertEquals(true, every.due(at("2026-03-10T12:00:00Z").instant(), started));
        assertEquals(true, every.due(at("2026-03-10T12:00:00Z").instant(), Optional.empty()));
        assertEquals(new ReconciliationSchedule.Every(Duration.ofHours(24)), schedule("{}"), "the default");
        assertEquals(Optional.empty(), ReconciliationRules.schedule(new ObjectMapper().readValue(
                "{\"reconciliation\":{\"every\":\"off\"}}", PolicyDocument.class), Duration.ofHours(24)));
    }
}
