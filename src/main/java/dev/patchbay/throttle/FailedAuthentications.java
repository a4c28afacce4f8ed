package dev.patchbay.throttle;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Throttles guessing: every 401 on {@code /scim/}, {@code /admin/} and {@code /oauth2/token} takes one of
 * {@code max-failures} allowances of the source address, which come back all at once when the window
 * ends. A source that has none left gets 429 with {@code Retry-After} before authentication is tried.
 * In memory, per gateway instance; the source is the remote address as Quarkus sees it (behind a proxy,
 * see {@code quarkus.http.proxy.*}).
 */
@ApplicationScoped
public class FailedAuthentications {

    /** Before authentication (and after the audit filter, which gives the request its id). */
    static final int PRIORITY = Priorities.AUTHENTICATION - 200;
    static final int MAX_SOURCES = 100_000;
    private static final Logger LOG = Logger.getLogger(FailedAuthentications.class);

    private final Map<String, Bucket> sources = new ConcurrentHashMap<>();
    private final long maxFailures;
    private final Duration window;

    public FailedAuthentications(
            @ConfigProperty(name = "patchbay.throttle.failed-auth.max-failures", defaultValue = "20") long maxFailures,
            @ConfigProperty(name = "patchbay.throttle.failed-auth.window", defaultValue = "5m") Duration window) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("patchbay.throttle.failed-auth.max-failures must be at least 1 and "
                    + "patchbay.throttle.failed-auth.window positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @ServerRequestFilter(priority = PRIORITY)
    public Optional<Response> refuseThrottledSources(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!guarded(path)) {
            return Optional.empty();
        }
        Bucket bucket = sources.get(source(http));
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            return Optional.empty();
        }
        return Optional.of(TooManyRequests.response(path, probe.getNanosToWaitForRefill(),
                "Too many failed authentication attempts from " + source(http)));
    }

    @ServerResponseFilter
    public void countFailures(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        if (response.getStatus() != 401 || !guarded(request.getUriInfo().getPath())) {
            return;
        }
        if (sources.size() >= MAX_SOURCES) {
            LOG.warnf("Failed authentication comes from more than %d addresses; their counts start again", MAX_SOURCES);
            sources.clear();
        }
        String source = source(http);
        if (!sources.computeIfAbsent(source, key -> newBucket()).tryConsume(1)) {
            LOG.debugf("Source %s is throttled for failed authentication", source);
        }
    }

    /** Sources whose window has passed are forgotten. */
    @Scheduled(every = "1m", delayed = "1m")
    void forgetRecovered() {
        sources.values().removeIf(bucket -> bucket.getAvailableTokens() >= maxFailures);
    }

    private static boolean guarded(String path) {
        return path.startsWith("/scim/") || path.startsWith("/admin/") || path.startsWith("/oauth2/token");
    }

    private static String source(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(maxFailures).refillIntervally(maxFailures, window))
                .build();
    }
}
