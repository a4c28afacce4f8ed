package dev.patchbay.followup;

import dev.patchbay.secrets.ConnectionSecrets;
import dev.patchbay.secrets.SecretDecryptionException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Announces new follow-up tasks to the URL in a connection's settings ({@code taskWebhook.url}) as a JSON
 * POST, signed with HMAC-SHA256 of the body in {@code X-Patchbay-Signature} when
 * {@code taskWebhook.secret} is set. Deliveries are an outbox: retried with backoff, given up after
 * {@link #MAX_ATTEMPTS}.
 */
@ApplicationScoped
public class TaskWebhooks {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = Logger.getLogger(TaskWebhooks.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EntityManager entityManager;
    private final Clock clock;
    private final boolean enabled;
    private final ConnectionSecrets secrets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public TaskWebhooks(EntityManager entityManager, Clock clock, ConnectionSecrets secrets,
            @ConfigProperty(name = "patchbay.worker.enabled") boolean enabled) {
        this.secrets = secrets;
        this.entityManager = entityManager;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Part of the task's transaction: queues the announcement when the connection has a webhook. */
    @Transactional(TxType.MANDATORY)
    void announce(UUID taskId, String connectionId) {
        Instant now = now();
        entityManager.createNativeQuery("""
                insert into webhook_delivery (connection_id, task_id, url, payload, state, next_attempt_at, created, updated)
                select c.id, t.id, c.settings -> 'taskWebhook' ->> 'url',
                       json_build_object('event', 'task.created', 'task', json_build_object(
                           'id', t.id, 'connection', t.connection_id, 'user', t.user_id, 'kind', t.kind,
                           'field', nullif(t.field, ''), 'reason', t.reason, 'consolePath', t.console_path,
                           'monthlyCost', t.monthly_cost, 'currency', t.currency, 'created', t.created))::text,
                       'pending', :now, :now, :now
                from connection c join followup_task t on t.id = :task
                where c.id = :connection and coalesce(c.settings -> 'taskWebhook' ->> 'url', '') <> ''""")
                .setParameter("task", taskId).setParameter("connection", connectionId).setParameter("now", now)
                .executeUpdate();
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (enabled) {
            deliverDue();
        }
    }

    /** Delivered and given-up announcements are removed after a week. */
    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void purgeFinished() {
        entityManager.createNativeQuery("delete from webhook_delivery where state <> 'pending' and updated < :before")
                .setParameter("before", now().minus(Duration.ofDays(7))).executeUpdate();
    }

    /** Sends every due delivery once; returns how many were attempted. */
    public int deliverDue() {
        List<Object[]> due = claim();
        for (Object[] delivery : due) {
            long id = ((Number) delivery[0]).longValue();
            int attempt = ((Number) delivery[4]).intValue();
            String error;
            try {
                String secret = secrets.openJson((String) delivery[5], "taskWebhook.secret", (String) delivery[3])
                        .orElse(null);
                error = send((String) delivery[1], (String) delivery[2], secret);
            } catch (SecretDecryptionException e) {
                error = e.getMessage();
            }
            finish(id, attempt, error);
        }
        return due.size();
    }

    @Transactional(TxType.REQUIRES_NEW)
    List<Object[]> claim() {
        Instant now = now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with due as (select d.id from webhook_delivery d where d.state = 'pending' and d.next_attempt_at <= :now
                             order by d.next_attempt_at limit 50 for update skip locked)
                update webhook_delivery d set attempts = d.attempts + 1,
                       next_attempt_at = :lease, updated = :now
                from due, connection c where d.id = due.id and c.id = d.connection_id
                returning d.id, d.url, d.payload, (c.settings -> 'taskWebhook' -> 'secret')::text, d.attempts, c.id""")
                .setParameter("now", now).setParameter("lease", now.plus(Duration.ofMinutes(5))).getResultList();
        return rows;
    }

    @Transactional(TxType.REQUIRES_NEW)
    void finish(long id, int attempt, String error) {
        String state = error == null ? "delivered" : attempt >= MAX_ATTEMPTS ? "dead" : "pending";
        Instant next = now().plus(Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempt, 10))));
        entityManager.createNativeQuery("""
                update webhook_delivery set state = :state, last_error = :error, next_attempt_at = :next, updated = :now
                where id = :id""")
                .setParameter("state", state).setParameter("error", error).setParameter("next", next)
                .setParameter("now", now()).setParameter("id", id).executeUpdate();
    }

    /** Null when the receiver answered 2xx; else what went wrong. */
    private String send(String url, String payload, String secret) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload));
            if (secret != null && !secret.isEmpty()) {
                request.header("X-Patchbay-Signature", "sha256=" + hmac(secret, payload));
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            LOG.debugf("Task webhook to %s failed: %s", url, e.getMessage());
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
