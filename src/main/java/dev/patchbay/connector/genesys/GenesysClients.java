package dev.patchbay.connector.genesys;

import dev.patchbay.connector.CallMeter;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.kit.ClientCredentialsTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's OAuth clients. Genesys limits calls per client (300 a minute each), so calls go to the
 * clients in turn; a client the login refuses is set aside for {@link #SET_ASIDE_FOR} while the others
 * carry on, and tried again after that. The vendor's counters of all clients add up to the connection's.
 */
final class GenesysClients implements AutoCloseable {

    static final Duration SET_ASIDE_FOR = Duration.ofMinutes(5);
    /** Genesys counts each client's calls in a window of a minute. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** One OAuth client: its tokens, its last reported count, and until when it is set aside. */
    static final class Client {
        final String clientId;
        final ClientCredentialsTokens tokens;
        private CallMeter.VendorCount count;
        private Instant asideUntil;
        private String refusal;

        Client(String clientId, ClientCredentialsTokens tokens) {
            this.clientId = clientId;
            this.tokens = tokens;
        }
    }

    private final List<Client> clients;
    private final Clock clock;
    private final AtomicInteger next = new AtomicInteger();

    GenesysClients(List<Client> clients, Clock clock) {
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("a Genesys Cloud connection needs an OAuth client");
        }
        this.clients = List.copyOf(clients);
        this.clock = clock;
    }

    int size() {
        return clients.size();
    }

    /**
     * The next client in turn that is not set aside, passing over one whose window Genesys last reported
     * spent (the connection's budget may have room on the others: their windows reset at other times); when
     * every client is set aside, the refusal of the first.
     */
    synchronized Client pick() {
        Instant now = clock.instant();
        Client usable = null;
        for (int tried = 0; tried < clients.size(); tried++) {
            Client client = clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
            if (client.asideUntil != null && now.isBefore(client.asideUntil)) {
                continue;
            }
            if (!spent(client, now)) {
                return client;
            }
            usable = usable == null ? client : usable;
        }
        if (usable != null) {
            return usable;
        }
        throw new ConnectorException.AuthFailed(clients.get(0).refusal);
    }

    private static boolean spent(Client client, Instant now) {
        return client.count != null && client.count.used() >= client.count.allowed()
                && client.count.resetsAt().isAfter(now);
    }

    /** The login refused {@code client}: the others carry on; true when another client is left to try. */
    synchronized boolean setAside(Client client, String refusal) {
        client.asideUntil = clock.instant().plus(SET_ASIDE_FOR);
        client.refusal = refusal;
        Instant now = clock.instant();
        return clients.stream().anyMatch(other -> other.asideUntil == null || !now.isBefore(other.asideUntil));
    }

    /** The clients set aside now, id to the login's refusal. */
    synchronized Map<String, String> setAsideNow() {
        Instant now = clock.instant();
        Map<String, String> aside = new LinkedHashMap<>();
        clients.stream().filter(client -> client.asideUntil != null && now.isBefore(client.asideUntil))
                .forEach(client -> aside.put(client.clientId, client.refusal));
        return aside;
    }

    /** Whether {@code client} was set aside before and has just worked again. */
    synchronized boolean reinstated(Client client) {
        if (client.refusal == null) {
            return false;
        }
        client.refusal = null;
        client.asideUntil = null;
        return true;
    }

    /**
     * The connection's count once {@code client} reported its own: the clients' counts of windows still
     * running added up, resetting when the first of them does. Each client's window starts with its own first
     * call, so they need not end together; a count kept to the last one's end would carry a client's calls
     * past its reset, the whole next window long. Ending at the first reset, the next answer counts afresh.
     */
    synchronized CallMeter.VendorCount report(Client client, int allowed, int used, Duration resetsIn) {
        Instant now = clock.instant();
        client.count = new CallMeter.VendorCount(allowed, used, now.plus(resetsIn), WINDOW);
        int allowedSum = 0;
        int usedSum = 0;
        Instant first = null;
        for (Client each : clients) {
            if (each.asideUntil != null && now.isBefore(each.asideUntil)) {
                continue;
            }
            allowedSum += each.count == null ? allowed : each.count.allowed();
            if (each.count != null && each.count.resetsAt().isAfter(now)) {
                usedSum += each.count.used();
                first = first == null || each.count.resetsAt().isBefore(first) ? each.count.resetsAt() : first;
            }
        }
        return new CallMeter.VendorCount(Math.max(1, allowedSum), usedSum, first == null ? now.plus(resetsIn) : first,
                WINDOW);
    }

    @Override
    public void close() {
        clients.forEach(client -> client.tokens.close());
    }
}
