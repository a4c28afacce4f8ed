package dev.patchbay.connector.five9;

import dev.patchbay.connector.CallMeter;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.five9.soap.ApiOperationType;
import dev.patchbay.connector.five9.soap.CallCounterState;
import dev.patchbay.connector.five9.soap.LimitTimeoutState;
import dev.patchbay.connector.five9.soap.OperationsLimitExceededException;
import dev.patchbay.connector.five9.soap.WsAdmin;
import dev.patchbay.connector.five9.soap.WsAdminService;
import jakarta.xml.ws.BindingProvider;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * The Admin Web Service through CXF, one port per admin user. Five9 refuses a second concurrent request
 * of one admin user, so each port is used by one call at a time: a call takes a free admin user, or
 * waits for the first. An admin user whose credentials Five9 refuses is set aside for {@link #SET_ASIDE_FOR}
 * while the others carry on (the call is made again with another); the refusal, and the user's return once
 * it works again, are reported to the job's {@link CallMeter} so that a task says which admin user to fix.
 */
final class Five9Client {

    static final Duration SET_ASIDE_FOR = Duration.ofMinutes(5);

    /** A call of the Admin Web Service; its declared faults are checked exceptions. */
    interface Call<T> {
        T on(WsAdmin port) throws Exception;
    }

    private static final URL WSDL = Five9Client.class.getClassLoader().getResource("wsdl/five9-admin-v13.wsdl");

    private final List<Port> ports = new ArrayList<>();
    private final Five9Failures failures = new Five9Failures(Clock.systemUTC());
    private final Clock clock;
    /** Admin users refused and not reported yet (reason), or working again ({@code null} reason). */
    private final Map<String, Optional<String>> changes = new LinkedHashMap<>();
    private volatile boolean limitMet;
    private Instant countersReadAt;

    private static final class Port {
        final String adminUser;
        final WsAdmin admin;
        final ReentrantLock lock = new ReentrantLock(true);
        Instant asideUntil;
        String refusal;

        Port(String adminUser, WsAdmin admin) {
            this.adminUser = adminUser;
            this.admin = admin;
        }
    }

    Five9Client(Five9Settings settings) {
        this(settings, Clock.systemUTC());
    }

    Five9Client(Five9Settings settings, Clock clock) {
        this.clock = clock;
        WsAdminService service = new WsAdminService(WSDL);
        for (Five9Settings.AdminUser user : settings.adminUsers()) {
            WsAdmin port = service.getWsAdminPort();
            BindingProvider binding = (BindingProvider) port;
            binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, settings.endpoint().toString());
            binding.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, user.name());
            binding.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, user.password());
            // Keep non-SOAP answers (HTML 401, 429) for HttpStatusInterceptor instead of an IOException.
            binding.getRequestContext().put("org.apache.cxf.transport.no_io_exceptions", true);
            Client client = ClientProxy.getClient(port);
            client.getInInterceptors().add(new HttpStatusInterceptor());
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(settings.requestTimeout().toMillis());
            policy.setReceiveTimeout(settings.requestTimeout().toMillis());
            policy.setAllowChunking(false);
            ((HTTPConduit) client.getConduit()).setClient(policy);
            ports.add(new Port(user.name(), port));
        }
    }

    <T> T call(Call<T> call) {
        while (true) {
            Port port = take();
            try {
                T result = call.on(port.admin);
                reinstate(port);
                return result;
            } catch (Exception e) {
                if (e instanceof OperationsLimitExceededException) {
                    limitMet = true;
                }
                ConnectorException failure = e instanceof ConnectorException typed ? typed : failures.classify(e);
                if (!(failure instanceof ConnectorException.AuthFailed) || !setAside(port, failure.getMessage())) {
                    throw failure;
                }
                // Another admin user is left: the call goes to it.
            } finally {
                port.lock.unlock();
            }
        }
    }

    void run(Call<Void> call) {
        call(call);
    }

    /** How often the domain's counters are read while the connection makes calls. */
    static final Duration COUNTERS_EVERY = Duration.ofMinutes(1);

    /** Whether the domain's counters are to be read now: never read, read {@link #COUNTERS_EVERY} ago, or {@code now}. */
    synchronized boolean countersDue(boolean now) {
        Instant at = clock.instant();
        if (now || countersReadAt == null || !at.isBefore(countersReadAt.plus(COUNTERS_EVERY))) {
            countersReadAt = at;
            return true;
        }
        return false;
    }

    /** Whether a call met {@code OperationsLimitExceededFault} since the last time this was asked. */
    boolean takeLimitMet() {
        boolean met = limitMet;
        limitMet = false;
        return met;
    }

    /**
     * The domain's Modify counts in each of its windows, read with {@code getCallCountersState} (a request
     * Five9 does not limit). A window resets at the top of its minute, hour or day, taken in UTC: the data
     * center's zone is not in the answer (a day window's count is read again well before it matters).
     */
    List<CallMeter.VendorCount> modifyCounters() {
        Instant now = clock.instant();
        List<CallMeter.VendorCount> counts = new ArrayList<>();
        for (LimitTimeoutState state : call(WsAdmin::getCallCountersState)) {
            if (state.getTimeout() <= 0) {
                continue;
            }
            Duration period = Duration.ofSeconds(state.getTimeout());
            long periodMillis = period.toMillis();
            Instant resetsAt = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), periodMillis) * periodMillis
                    + periodMillis);
            for (CallCounterState counter : state.getCallCounterStates()) {
                if (counter != null && counter.getOperationType() == ApiOperationType.MODIFY && counter.getLimit() > 0) {
                    counts.add(new CallMeter.VendorCount((int) Math.min(Integer.MAX_VALUE, counter.getLimit()),
                            (int) Math.max(0, Math.min(Integer.MAX_VALUE, counter.getValue())), resetsAt, period));
                }
            }
        }
        return counts;
    }

    /** Reports the admin users refused or working again since the last report, once. */
    void reportTo(CallMeter meter) {
        Map<String, Optional<String>> taken;
        synchronized (this) {
            taken = new LinkedHashMap<>(changes);
            changes.clear();
        }
        taken.forEach((user, refusal) -> {
            if (refusal.isPresent()) {
                meter.credentialRefused(user, refusal.get());
            } else {
                meter.credentialAccepted(user);
            }
        });
    }

    /** A free admin user that is not set aside, else waits for the first of them; none left: the refusal. */
    private Port take() {
        List<Port> usable = usable();
        for (Port port : usable) {
            if (port.lock.tryLock()) {
                return port;
            }
        }
        Port first = usable.get(0);
        first.lock.lock();
        return first;
    }

    private synchronized List<Port> usable() {
        Instant now = clock.instant();
        List<Port> usable = ports.stream().filter(port -> port.asideUntil == null || !now.isBefore(port.asideUntil))
                .toList();
        if (usable.isEmpty()) {
            throw new ConnectorException.AuthFailed(ports.get(0).refusal);
        }
        return usable;
    }

    /**
     * Five9 refused the admin user: with others to carry on it is set aside (true when one is usable now);
     * a connection's only admin user is not, so that its refusal pauses the connection as before.
     */
    private synchronized boolean setAside(Port port, String refusal) {
        if (ports.size() == 1) {
            return false;
        }
        Instant now = clock.instant();
        port.asideUntil = now.plus(SET_ASIDE_FOR);
        port.refusal = refusal;
        changes.put(port.adminUser, Optional.of("Five9 refused the admin user " + port.adminUser + ": " + refusal));
        return ports.stream().anyMatch(other -> other.asideUntil == null || !now.isBefore(other.asideUntil));
    }

    private synchronized void reinstate(Port port) {
        if (port.refusal != null) {
            port.refusal = null;
            port.asideUntil = null;
            changes.put(port.adminUser, Optional.empty());
        }
    }
}
