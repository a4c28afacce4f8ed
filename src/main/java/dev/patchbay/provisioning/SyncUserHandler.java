package dev.patchbay.provisioning;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.VendorKind;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.connector.TaskCheck;
import dev.patchbay.followup.FollowUpTask;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.Job;
import dev.patchbay.job.JobHandler;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobResult;
import dev.patchbay.job.RateLimiter;
import dev.patchbay.provisioning.planner.AppliedSeat;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.provisioning.policy.PriceCatalog;
import dev.patchbay.secrets.ConnectionSecrets;
import dev.patchbay.store.Connection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Brings one user's vendor account to the state the IdP asks for: plans the steps from the desired and
 * the applied seat, runs them through the connector, and records each success at once so that a crash
 * repeats at most the step that was in flight (and a repeated create is caught by {@link Connector#find}).
 */
@ApplicationScoped
public class SyncUserHandler implements JobHandler {

    static final Duration NO_CONNECTOR_RETRY = Duration.ofHours(1);
    static final Duration CONCURRENCY_BACKOFF = Duration.ofMillis(500);
    static final Duration NEEDS_ACTION_RECHECK = Duration.ofMinutes(15);

    private final ConnectorRegistry connectors;
    private final SyncPlanner planner;
    private final PolicyStore policies;
    private final VendorAccounts accounts;
    private final FollowUpTasks tasks;
    private final ProvisioningEvents events;
    private final RateLimiter rateLimiter;
    private final JobQueue jobs;
    private final MeterRegistry metrics;
    private final PriceCatalog prices;

    private final ConnectionSecrets secrets;

    public SyncUserHandler(ConnectorRegistry connectors, SyncPlanner planner, PolicyStore policies,
            VendorAccounts accounts, FollowUpTasks tasks, ProvisioningEvents events, RateLimiter rateLimiter,
            JobQueue jobs, MeterRegistry metrics, PriceCatalog prices, ConnectionSecrets secrets) {
        this.secrets = secrets;
        this.jobs = jobs;
        this.metrics = metrics;
        this.prices = prices;
        this.connectors = connectors;
        this.planner = planner;
        this.policies = policies;
        this.accounts = accounts;
        this.tasks = tasks;
        this.events = events;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public JobResult handle(Job job) {
        Optional<Connection> connection = QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>findByIdOptional(job.connectionId()));
        if (connection.isEmpty()) {
            return new JobResult.Done();
        }
        VendorKind vendor = VendorKind.fromWireName(connection.get().vendor).orElseThrow();
        // Decrypted here, for the vendor call only; never logged.
        Map<String, Object> settings = secrets.open(job.connectionId(), connection.get().settings);
        Optional<Connector> connector = connectors.connectorFor(vendor, job.connectionId(), settings);
        Optional<VendorAccount> account = accounts.find(job.connectionId(), job.userId());
        if (connector.isEmpty()) {
            String message = "No connector for vendor '" + vendor.wireName() + "' is available yet";
            save(job, account.map(VendorAccount::vendorId).orElse(null), account.map(VendorAccount::applied).orElse(null),
                    VendorAccount.PENDING, message, 0);
            return new JobResult.Wait(NO_CONNECTOR_RETRY);
        }
        return sync(job, vendor, connector.get(), settings, account);
    }

    private JobResult sync(Job job, VendorKind vendor, Connector connector, Map<String, Object> settings,
            Optional<VendorAccount> account) {
        int maxConcurrent = connector.capabilities().rateLimit().maxConcurrent();
        if (maxConcurrent < Integer.MAX_VALUE && jobs.running(job.connectionId()) > maxConcurrent) {
            // Too many of this vendor account's jobs run at once (this one included): yield for a moment.
            return new JobResult.Wait(CONCURRENCY_BACKOFF);
        }
        PolicyDocument policy = policies.current(job.connectionId()).document();
        SyncPlanner.SyncPlan plan = planner.plan(job.connectionId(), job.userId(), connector.capabilities(), policy);
        Capabilities capabilities = plan.capabilities();
        Seat desired = plan.desired();
        Seat applied = plan.applied();
        String vendorId = plan.vendorId();
        List<Step> steps = plan.steps();
        for (String role : plan.awaitingApproval()) {
            raise(job, SyncPlanner.APPROVAL_KIND, "role:" + role, "Approve granting the role '" + role + "'",
                    "Patchbay > Tasks", null, policy, vendor);
        }
        CallContext context = new CallContext(job.connectionId(), settings, job.connectionId() + ":" + job.userId());
        int done = 0;
        boolean stepsWaiting = false;
        for (Step step : steps) {
            int remaining = steps.size() - done;
            if (step instanceof Step.RaiseTask task) {
                // The cost at stake is the license the user had when this sync started.
                raise(job, task.template().kind(), task.field() == null ? null : task.field().name().toLowerCase(),
                        task.reason(), task.template().consolePath(),
                        plan.applied() != null ? plan.applied() : desired, policy, vendor);
                done++;
                continue;
            }
            Optional<Duration> wait = rateLimiter.acquire(job.connectionId(), capabilities.rateLimit());
            if (wait.isPresent()) {
                save(job, vendorId, applied, VendorAccount.PENDING, null, remaining);
                return new JobResult.Wait(wait.get());
            }
            long started = System.nanoTime();
            try {
                if (step instanceof Step.Create create) {
                    vendorId = createOrAdopt(connector, create, matchKey(desired, policy), context).id();
                } else {
                    connector.apply(new VendorRef(vendorId), step, context);
                }
            } catch (ConnectorException.NeedsAction e) {
                // This step waits for a person; the user's other steps go on.
                raise(job, e.template().kind(), stepField(step), e.template().reasonFor(null, null, null) + ": "
                        + e.getMessage(), e.template().consolePath(), plan.applied() != null ? plan.applied() : desired,
                        policy, vendor);
                if (step instanceof Step.Create) {
                    // Without the account nothing else can be done yet.
                    save(job, vendorId, applied, VendorAccount.NEEDS_ACTION, e.getMessage(), remaining);
                    return new JobResult.Wait(NEEDS_ACTION_RECHECK);
                }
                done++;
                stepsWaiting = true;
                continue;
            } catch (ConnectorException.NotFound e) {
                if (!(step instanceof Step.Delete)) {
                    // The account is gone at the vendor: forget it, and the next run creates it again.
                    events.record(job.connectionId(), job.userId(), job.id(), "error", describe(step) + ": " + e.getMessage());
                    save(job, null, null, VendorAccount.PENDING, e.getMessage(), remaining);
                    return retry(job, capabilities, null, e.getMessage());
                }
            } catch (ConnectorException.Retryable e) {
                count(job, "retry");
                events.record(job.connectionId(), job.userId(), job.id(), "retry", describe(step) + ": " + e.getMessage());
                save(job, vendorId, applied, VendorAccount.PENDING, e.getMessage(), remaining);
                // The vendor said when to come back: every instance's jobs for this account wait.
                e.retryAfter().ifPresent(retryAfter -> rateLimiter.pause(job.connectionId(), retryAfter));
                return retry(job, capabilities, e.retryAfter().orElse(null), e.getMessage());
            } catch (ConnectorException.AuthFailed e) {
                events.record(job.connectionId(), job.userId(), job.id(), "error", describe(step) + ": " + e.getMessage());
                save(job, vendorId, applied, VendorAccount.FAILED, "Vendor credentials rejected: " + e.getMessage(), remaining);
                return retry(job, capabilities, Duration.ofMinutes(10), e.getMessage());
            } catch (ConnectorException e) {
                count(job, "failed");
                events.record(job.connectionId(), job.userId(), job.id(), "failed", describe(step) + ": " + e.getMessage());
                save(job, vendorId, applied, VendorAccount.FAILED, e.getMessage(), remaining);
                return new JobResult.Failed(describe(step) + ": " + e.getMessage(),
                        e instanceof ConnectorException.Conflict);
            }
            Timer.builder("patchbay_vendor_step_seconds").description("Duration of successful vendor calls")
                    .tag("connection", job.connectionId()).register(metrics)
                    .record(Duration.ofNanos(System.nanoTime() - started));
            count(job, "done");
            applied = AppliedSeat.after(applied, step);
            if (step instanceof Step.Retire) {
                vendorId = null;
            }
            done++;
            events.record(job.connectionId(), job.userId(), job.id(), "step", describe(step));
            save(job, applied == null ? null : vendorId, applied, VendorAccount.PENDING, null, steps.size() - done);
        }
        if (vendorId != null) {
            verifyOpenTasks(job, connector, new VendorRef(vendorId), context);
        }
        boolean needsAction = tasks.openCount(job.connectionId(), job.userId()) > 0;
        save(job, applied == null ? null : vendorId, applied,
                needsAction ? VendorAccount.NEEDS_ACTION : VendorAccount.PROVISIONED, null, 0);
        if (stepsWaiting) {
            return new JobResult.Wait(NEEDS_ACTION_RECHECK);
        }
        if (plan.revisitAt() != null) {
            // A delayed delete: the job waits in the queue until it is due.
            return new JobResult.Wait(Duration.between(Instant.now(), plan.revisitAt()));
        }
        return new JobResult.Done();
    }

    /** Open tasks the vendor now shows done are closed as verified. */
    private void verifyOpenTasks(Job job, Connector connector, VendorRef ref, CallContext context) {
        for (FollowUpTask task : tasks.list(job.connectionId(), job.userId(), "open", 0, 100)) {
            try {
                boolean done = connector.isDone(ref, new TaskCheck(task.kind(), task.field()), context).orElse(false);
                if (done && tasks.verify(task.id())) {
                    events.record(job.connectionId(), job.userId(), job.id(), "task",
                            task.kind() + ": verified at the vendor and closed");
                }
            } catch (ConnectorException e) {
                events.record(job.connectionId(), job.userId(), job.id(), "error",
                        "verifying " + task.kind() + ": " + e.getMessage());
            }
        }
    }

    /** The keys the policy matches existing accounts by (default: userName and email). */
    private static MatchKey matchKey(Seat desired, PolicyDocument policy) {
        List<String> by = policy.matching() == null || policy.matching().by() == null
                ? List.of("userName", "email") : policy.matching().by();
        return new MatchKey(by.contains("userName") ? desired.text(SeatField.USER_NAME) : null,
                by.contains("email") ? desired.text(SeatField.EMAIL) : null, desired.text(SeatField.EXTERNAL_ID));
    }

    /** A create that already happened (the worker died before recording it) is found and adopted. */
    private static VendorRef createOrAdopt(Connector connector, Step.Create create, MatchKey key, CallContext context) {
        Optional<VendorRef> existing = connector.find(key, context);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return connector.create(create.seat(), context);
        } catch (ConnectorException.Conflict e) {
            return connector.find(key, context).orElseThrow(() -> new ConnectorException.Conflict(
                    "The vendor has a conflicting account that the matching keys do not find: " + e.getMessage()));
        }
    }

    /** Raises a task once, with the monthly price of the user's license as the cost at stake. */
    private void raise(Job job, String kind, String field, String reason, String consolePath, Seat applied,
            PolicyDocument policy, VendorKind vendor) {
        String license = applied == null ? null : applied.text(SeatField.LICENSE);
        Optional<PriceCatalog.Price> price = prices.monthly(policy, vendor.wireName(), license);
        boolean raised = tasks.raise(new FollowUpTasks.NewTask(job.connectionId(), job.userId(), kind, field, reason,
                consolePath, price.map(PriceCatalog.Price::amount).orElse(null),
                price.map(PriceCatalog.Price::currency).orElse(null)));
        if (raised) {
            events.record(job.connectionId(), job.userId(), job.id(), "task", kind + ": " + reason);
        }
    }

    private JobResult retry(Job job, Capabilities capabilities, Duration retryAfter, String error) {
        Duration ceiling = capabilities.retryPolicy().ceilingFor(job.attempt());
        long millis = ceiling.toMillis();
        Duration backoff = Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        Duration delay = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        return new JobResult.RetryLater(delay, capabilities.retryPolicy().maxAttempts(), error);
    }

    private void count(Job job, String outcome) {
        metrics.counter("patchbay_vendor_steps_total", "connection", job.connectionId(), "outcome", outcome).increment();
    }

    private void save(Job job, String vendorId, Seat applied, String status, String error, int pending) {
        accounts.save(job.connectionId(), job.userId(), new VendorAccount(vendorId, applied, status, error, pending, null));
    }

    /** The task's field: the step's field and the value it waits to set, e.g. "license:X6". */
    private static String stepField(Step step) {
        if (step instanceof Step.Apply apply) {
            return apply.field().name().toLowerCase() + (apply.value() == null ? "" : ":" + apply.value());
        }
        return null;
    }

    private static String describe(Step step) {
        if (step instanceof Step.Create) {
            return "create";
        }
        if (step instanceof Step.Update update) {
            return update.route().name().toLowerCase() + " " + update.changes().keySet();
        }
        if (step instanceof Step.Apply apply) {
            return (apply.value() == null ? "clear " : "set ") + apply.field().name().toLowerCase();
        }
        return step.getClass().getSimpleName().toLowerCase();
    }
}
