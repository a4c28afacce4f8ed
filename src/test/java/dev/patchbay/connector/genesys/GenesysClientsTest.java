package dev.patchbay.connector.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.CallMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The connection's count from its OAuth clients' own counts, whose windows each start with the client's first call. */
class GenesysClientsTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    final Clock clock = new Clock() {
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

    @Test
    void theClientsCountsAddUpUntilTheFirstOfTheirWindowsResets() {
        GenesysClients.Client first = new GenesysClients.Client("first", null);
        GenesysClients.Client second = new GenesysClients.Client("second", null);
        GenesysClients clients = new GenesysClients(List.of(first, second), clock);

        CallMeter.VendorCount alone = clients.report(first, 300, 200, Duration.ofSeconds(60));
        assertEquals(600, alone.allowed(), "both clients' allowances");
        assertEquals(200, alone.used());

        now.set(now.get().plusSeconds(30));
        CallMeter.VendorCount both = clients.report(second, 300, 100, Duration.ofSeconds(60));
        assertEquals(300, both.used(), "the two windows' counts");
        assertEquals(Instant.parse("2026-12-01T10:01:00Z"), both.resetsAt(),
                "ending when the first client's window does, not carrying its 200 calls to the second one's end");

        now.set(now.get().plusSeconds(31));
        CallMeter.VendorCount after = clients.report(second, 300, 101, Duration.ofSeconds(29));
        assertEquals(101, after.used(), "the first client's window reset: its calls count no more");
        assertEquals(Instant.parse("2026-12-01T10:01:30Z"), after.resetsAt());
    }

    @Test
    void aClientWhoseWindowIsSpentIsPassedOverUntilItResets() {
        GenesysClients.Client first = new GenesysClients.Client("first", null);
        GenesysClients.Client second = new GenesysClients.Client("second", null);
        GenesysClients clients = new GenesysClients(List.of(first, second), clock);
        clients.report(first, 300, 300, Duration.ofSeconds(5));
        clients.report(second, 300, 10, Duration.ofSeconds(50));

        assertEquals(List.of("second", "second", "second"), List.of(clients.pick().clientId, clients.pick().clientId,
                clients.pick().clientId), "the first client's window is spent for 5 s more");

        now.set(now.get().plusSeconds(5));
        List<String> picked = List.of(clients.pick().clientId, clients.pick().clientId);
        assertEquals(2, picked.stream().distinct().count(), "its window reset: in turn again, " + picked);
    }
}
