package dev.patchbay.throttle;

import dev.patchbay.scim.auth.ScimCaller;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token bucket per connection on the SCIM API: {@code requests-per-second} on average, up to {@code burst}
 * at once; beyond it 429 with {@code Retry-After}. Kept in memory, so the limit holds per gateway instance.
 * Runs after authentication, so only real connections get a bucket.
 */
@ApplicationScoped
public class ScimRateLimit {

    static final int PRIORITY = Priorities.USER + 100;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ScimCaller caller;
    private final long requestsPerSecond;
    private final long burst;

    public ScimRateLimit(ScimCaller caller,
            @ConfigProperty(name = "patchbay.scim.rate-limit.requests-per-second", defaultValue = "200") long requestsPerSecond,
            @ConfigProperty(name = "patchbay.scim.rate-limit.burst", defaultValue = "400") long burst) {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException(
                    "patchbay.scim.rate-limit.requests-per-second and .burst must be at least 1");
        }
        this.caller = caller;
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
    }

    @ServerRequestFilter(priority = PRIORITY)
    public Optional<Response> limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/scim/") || caller.principal() == null) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(caller.connectionId(), id -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(TooManyRequests.response(path, probe.getNanosToWaitForRefill(),
                "Too many requests for this connection (limit " + requestsPerSecond + " per second, burst " + burst + ")"));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
                .build();
    }
}
