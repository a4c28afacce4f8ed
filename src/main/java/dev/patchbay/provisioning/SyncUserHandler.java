package dev.patchbay.provisioning;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Notice;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.SeatWarning;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.TaskTemplate;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.Job;
import dev.patchbay.job.JobHandler;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobResult;
import dev.patchbay.job.VendorCircuit;
import dev.patchbay.provisioning.planner.AppliedSeat;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
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

/**
 * Brings one user's vendor account to the state the IdP asks for: plans the steps from the desired and
 * the applied seat, runs them through the connector, and records each success at once so that a crash
 * repeats at most the step that was in flight (and a repeated create is caught by {@link Connector#find}).
 * What a failed step means is {@link StepFailures}' call.
 */
@ApplicationScoped
public class SyncUserHandler implements JobHandler {

    static final Duration NO_CONNECTOR_RETRY = Duration.ofHours(1);
    static final Duration CONCURRENCY_BACKOFF = Duration.ofMillis(500);

    private final ConnectorRegistry connectors;
    private final SyncPlanner planner;
    private final PolicyStore policies;
    private final VendorAccounts accounts;
    private final FollowUpTasks tasks;
    private final ProvisioningEvents events;
    private final JobQueue jobs;
    private final MeterRegistry metrics;
    private final VendorConnections vendorConnections;
    private final TaskRaiser raiser;
    private final TaskVerifier verifier;
    private final StepFailures failures;
    private final CredentialPause credentials;
    private final VendorCircuit circuit;
    private final CallBudget budget;
    private final BatchFlush batches;

    public SyncUserHandler(ConnectorRegistry connectors, SyncPlanner planner, PolicyStore policies,
            VendorAccounts accounts, FollowUpTasks tasks, ProvisioningEvents events,
            JobQueue jobs, MeterRegistry metrics, VendorConnections vendorConnections, TaskRaiser raiser, TaskVerifier verifier,
            StepFailures failures, CredentialPause credentials, VendorCircuit circuit, CallBudget budget,
            BatchFlush batches) {
        this.budget = budget;
        this.batches = batches;
        this.credentials = credentials;
        this.circuit = circuit;
        this.connectors = connectors;
        this.planner = planner;
        this.policies = policies;
        this.accounts = accounts;
        this.tasks = tasks;
        this.events = events;
        this.jobs = jobs;
        this.metrics = metrics;
        this.vendorConnections = vendorConnections;
        this.raiser = raiser;
        this.verifier = verifier;
        this.failures = failures;
    }

    @Override
    public JobResult handle(Job job) {
        Optional<Connection> connection = QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>findByIdOptional(job.connectionId()));
        if (connection.isEmpty()) {
            return new JobResult.Done();
        }
        String vendor = connection.get().vendor;
        Optional<ConnectorFactory> factory = connectors.factory(vendor);
        if (factory.isEmpty()) {
            Optional<VendorAccount> account = accounts.find(job.connectionId(), job.userId());
            accounts.save(job.connectionId(), job.userId(), new VendorAccount(
                    account.map(VendorAccount::vendorId).orElse(null), account.map(VendorAccount::applied).orElse(null),
                    VendorAccount.PENDING, "No connector for vendor '" + vendor + "' is available", 0, null));
            return new JobResult.Wait(NO_CONNECTOR_RETRY);
        }
        PolicyDocument policy = policies.current(job.connectionId()).document();
        VendorConnections.Bound bound = vendorConnections.connect(connection.get(), policy.vendorOptionsOrNone())
                .orElseThrow();
        Capabilities capabilities = bound.capabilities();
        int maxConcurrent = bound.rateLimit().maxConcurrent();
        if (maxConcurrent < Integer.MAX_VALUE && jobs.running(job.connectionId()) > maxConcurrent) {
            // Too many of this vendor account's jobs run at once (this one included): yield for a moment.
            return new JobResult.Wait(CONCURRENCY_BACKOFF);
        }
        SyncPlanner.SyncPlan plan = planner.plan(job.connectionId(), job.userId(), capabilities, policy);
        if (plan.settleUntil() != null) {
            // A new user without groups yet: its memberships are likely on their way from the IdP.
            accounts.save(job.connectionId(), job.userId(),
                    new VendorAccount(null, null, VendorAccount.PENDING, null, plan.steps().size(), null));
            return new JobResult.Wait(Duration.between(Instant.now(), plan.settleUntil()));
        }
        List<Notice> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallContext context = bound.context(job.connectionId() + ":" + job.userId(), notices::add, plan.applied());
        SyncRun run = new SyncRun(job, vendor, bound.connector(), context, policy, plan, bound.rateLimit(), notices);
        try {
            return run(run);
        } finally {
            budget.settle(run);
            budget.recordUse(run);
        }
    }

    private JobResult run(SyncRun run) {
        for (String role : run.plan.awaitingApproval()) {
            raiser.raise(run, SyncPlanner.APPROVAL_KIND, "role:" + role, "Approve granting the role '" + role + "'",
                    "Patchbay > Tasks", null);
        }
        run.plan.awaitingIrreversible().forEach((field, value) -> raiser.raise(run, SyncPlanner.IRREVERSIBLE_KIND,
                SyncPlanner.irreversibleTaskField(field, value), "Approve setting " + field.name().toLowerCase()
                        + " to " + value + ": the vendor can never take it back once set", "Patchbay > Tasks", null));
        verifier.settleBeforeSteps(run, Map.of(
                SyncPlanner.APPROVAL_KIND, run.plan.awaitingApproval().stream().map(role -> "role:" + role)
                        .collect(java.util.stream.Collectors.toSet()),
                SyncPlanner.IRREVERSIBLE_KIND, run.plan.awaitingIrreversible().entrySet().stream()
                        .map(entry -> SyncPlanner.irreversibleTaskField(entry.getKey(), entry.getValue()))
                        .collect(java.util.stream.Collectors.toSet())));
        warn(run);
        batches.flushIfDue(run);
        boolean stepsWaiting = false;
        List<Step> steps = run.plan.steps();
        if (!steps.isEmpty()) {
            save(run, VendorAccount.PENDING, null, run.remaining());
        }
        for (int index = 0; index < steps.size(); index++) {
            Step step = steps.get(index);
            if (step instanceof Step.CreateByHand byHand) {
                return createdByHand(run, byHand);
            }
            if (step instanceof Step.RaiseTask task) {
                Seat seat = run.costBasis();
                String field = task.field() == null ? task.template().fieldFor(seat).orElse(null)
                        : task.field().name().toLowerCase();
                String reason = task.template().reasonFor(task.field(), task.from(), task.to(), seat);
                boolean asked = raiser.raiseStep(run, task.template().kind(), field, reason,
                        task.template().consolePath(), task.field() == SeatField.LICENSE,
                        task.from() == null ? null : task.from().toString(),
                        task.to() == null ? null : task.to().toString());
                if (!asked && task.field() != null && run.applied != null
                        && !Capabilities.MISSING_FIELD.kind().equals(task.template().kind())) {
                    // A person made this change by hand and closed its task: the vendor holds the new value, and
                    // what the vendor assigned with it (the extension and number of a line) is learnt by reading.
                    run.applied = withVendorAssigned(run, run.applied.with(task.field(), task.to()));
                }
                run.done++;
                continue;
            }
            if (batches.batched(run, step)) {
                Optional<JobResult> end = batched(run, (Step.Apply) step);
                if (end.isPresent()) {
                    return end.get();
                }
                continue;
            }
            Optional<Duration> closed = circuit.admit(run.job.connectionId(), run.job.id());
            if (closed.isPresent()) {
                // The vendor keeps failing: nobody calls it (or burns an attempt) until the circuit's probe.
                save(run, VendorAccount.PENDING, "The vendor keeps failing; calls wait for the next probe of it",
                        run.remaining());
                return new JobResult.Wait(closed.get());
            }
            Optional<Duration> wait = budget.reserve(run);
            if (wait.isPresent()) {
                save(run, VendorAccount.PENDING, null, run.remaining());
                return new JobResult.Wait(wait.get());
            }
            try {
                execute(run, step);
                budget.settle(run);
                if (circuit.succeeded(run.job.connectionId())) {
                    // The vendor is back: every user waiting for it goes on now, at the budget.
                    jobs.makeDue(run.job.connectionId());
                }
                raiseNotices(run);
            } catch (RuntimeException failure) {
                budget.settle(run);
                raiseNotices(run);
                if (!(failure instanceof ConnectorException)) {
                    finishOffboarding(run, steps.subList(index + 1, steps.size()));
                }
                Optional<JobResult> end = failures.onFailure(run, step, failure);
                if (end.isPresent()) {
                    return end.get();
                }
                stepsWaiting |= failure instanceof ConnectorException.NeedsAction;
                run.done++;
            }
        }
        if (steps.stream().anyMatch(step -> !(step instanceof Step.RaiseTask))) {
            // The vendor took this run's calls, so the connection's credentials work.
            credentials.settled(run.job.connectionId());
        }
        if (verifier.verifyOpenTasks(run)) {
            // A person set a field by hand and the vendor shows it: the next run records it as applied.
            run.syncAgain = true;
        }
        boolean needsAction = tasks.openCount(run.job.connectionId(), run.job.userId()) > 0;
        save(run, needsAction ? VendorAccount.NEEDS_ACTION : VendorAccount.PROVISIONED, null, 0);
        if (stepsWaiting) {
            return new JobResult.Wait(StepFailures.NEEDS_ACTION_RECHECK);
        }
        if (run.syncAgain) {
            return new JobResult.Wait(Duration.ZERO);
        }
        if (run.plan.revisitAt() != null) {
            // A delayed delete: the job waits in the queue until it is due.
            return new JobResult.Wait(Duration.between(Instant.now(), run.plan.revisitAt()));
        }
        return new JobResult.Done();
    }

    /**
     * A step sent with other users': the run waits until it went out, then takes this user's outcome as if
     * the step had run here (recorded as applied, or failed as its own failure says).
     */
    private Optional<JobResult> batched(SyncRun run, Step.Apply step) {
        Optional<BatchedSteps.Row> outcome = batches.outcome(run, step);
        if (outcome.isEmpty() && batches.flushIfEveryJobWaits(run)) {
            outcome = batches.outcome(run, step);
        }
        if (outcome.isEmpty()) {
            save(run, VendorAccount.PENDING, null, run.remaining());
            return Optional.of(batches.waitForBatch(run));
        }
        if ("failed".equals(outcome.get().state())) {
            Optional<JobResult> end = failures.onFailure(run, step, outcome.get().failure());
            run.done++;
            return end;
        }
        run.applied = AppliedSeat.after(run.applied, step);
        run.context = run.context.withApplied(run.applied);
        run.done++;
        events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "step",
                StepNames.describe(step) + " (with other users, in one call)");
        save(run, VendorAccount.PENDING, null, run.remaining());
        return Optional.empty();
    }

    /** What the connector's calls left for a person, each a task priced as the notice says. */
    private void raiseNotices(SyncRun run) {
        for (Notice notice : run.notices) {
            TaskTemplate task = notice.task();
            Seat costBasis = notice.costLicense() == null ? null
                    : new Seat(true, java.util.Map.of(SeatField.LICENSE, notice.costLicense()));
            raiser.raise(run, task.kind(), null, task.reason(), task.consolePath(), costBasis);
        }
        run.notices.clear();
    }

    /** A seat the vendor takes but that will not work is a task while it lasts, and closed once it is fixed. */
    private void warn(SyncRun run) {
        for (SeatWarning warning : run.plan.capabilities().warnings()) {
            TaskTemplate task = warning.task();
            if (warning.matches(run.plan.desired())) {
                raiser.raise(run, task.kind(), null, task.reason(), task.consolePath());
            } else {
                verifier.closeVerified(run, task.kind(), null);
            }
        }
    }

    /**
     * The vendor's API cannot create accounts: a person creates it from the task, and once the matching
     * keys find it, the account is linked, the task closed as verified, and the user synced again for the
     * rest of the plan.
     */
    private JobResult createdByHand(SyncRun run, Step.CreateByHand byHand) {
        String reason = byHand.template().reasonFor(null, null, SeatSummary.of(byHand.seat()), byHand.seat());
        String field = byHand.template().fieldFor(byHand.seat()).orElse(null);
        raiser.raise(run, byHand.template().kind(), field, reason, byHand.template().consolePath(), byHand.seat());
        Optional<VendorRef> found = run.plan.capabilities().can(Operation.FIND)
                ? run.connector.find(matchKey(run.plan.desired(), run.policy), run.context) : Optional.empty();
        if (found.isEmpty()) {
            save(run, VendorAccount.NEEDS_ACTION, null, run.remaining());
            return new JobResult.Wait(StepFailures.NEEDS_ACTION_RECHECK);
        }
        run.vendorId = found.get().id();
        // What the person was asked to create, as far as the vendor shows it (a value it cannot read, such
        // as a plan its API does not expose, is taken as the task asked).
        run.applied = run.plan.capabilities().can(Operation.READ)
                ? overlay(byHand.seat(), run.connector.read(found.get(), run.context).orElse(byHand.seat()))
                : byHand.seat();
        verifier.closeVerified(run, byHand.template().kind(), field);
        events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "step",
                "linked the account created by hand (" + run.vendorId + ")");
        save(run, VendorAccount.PENDING, null, 0);
        return new JobResult.Wait(Duration.ZERO);
    }

    /** The applied seat with the values the vendor shows for fields it lacks; the same seat if it cannot read. */
    private static Seat withVendorAssigned(SyncRun run, Seat applied) {
        if (run.vendorId == null || !run.plan.capabilities().can(Operation.READ)) {
            return applied;
        }
        Seat read;
        try {
            read = run.connector.read(new VendorRef(run.vendorId), run.context).orElse(null);
        } catch (ConnectorException unreadable) {
            return applied;
        }
        if (read == null) {
            return applied;
        }
        Seat result = applied;
        for (Map.Entry<SeatField, Object> value : read.fields().entrySet()) {
            if (!applied.has(value.getKey())) {
                result = result.with(value.getKey(), value.getValue());
            }
        }
        return result;
    }

    private static Seat overlay(Seat asked, Seat read) {
        Seat result = read;
        for (Map.Entry<SeatField, Object> value : asked.fields().entrySet()) {
            if (!read.has(value.getKey())) {
                result = result.with(value.getKey(), value.getValue());
            }
        }
        return result;
    }

    /** Runs one vendor step and records it as applied. */
    private void execute(SyncRun run, Step step) {
        long started = System.nanoTime();
        boolean adoptedInactive = false;
        if (step instanceof Step.Create create) {
            Adoption created = createOrAdopt(run, create);
            run.vendorId = created.ref().id();
            adoptedInactive = created.adopted() && create.seat().active() && run.plan.capabilities().can(Operation.READ)
                    && run.connector.read(created.ref(), run.context).map(found -> !found.active()).orElse(false);
        } else {
            try {
                run.connector.apply(new VendorRef(run.vendorId), step, run.context);
            } catch (ConnectorException.NotFound gone) {
                if (!(step instanceof Step.Delete)) {
                    throw gone;
                }
                // Deleted already: what the step was for is done.
            }
        }
        Timer.builder("patchbay_vendor_step_seconds").description("Duration of successful vendor calls")
                .tag("connection", run.job.connectionId()).register(metrics)
                .record(Duration.ofNanos(System.nanoTime() - started));
        metrics.counter("patchbay_vendor_steps_total", "connection", run.job.connectionId(), "outcome", "done")
                .increment();
        run.applied = AppliedSeat.after(run.applied, step);
        if (adoptedInactive) {
            // An existing, deactivated account was adopted: the user's next run reactivates it.
            run.applied = run.applied.withActive(false);
            run.syncAgain = true;
        }
        if (step instanceof Step.Retire) {
            run.vendorId = null;
        }
        run.context = run.context.withApplied(run.applied);
        run.done++;
        events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "step", StepNames.describe(step));
        save(run, VendorAccount.PENDING, null, run.remaining());
    }

    /**
     * A connector failed in an unforeseen way in the middle of a plan: if the plan was taking the user's
     * access away, the deactivation still runs, so that no leaver keeps a working account.
     */
    private void finishOffboarding(SyncRun run, List<Step> rest) {
        if (run.vendorId == null || !rest.contains(new Step.Deactivate())) {
            return;
        }
        try {
            run.connector.apply(new VendorRef(run.vendorId), new Step.Deactivate(), run.context);
            run.applied = AppliedSeat.after(run.applied, new Step.Deactivate());
            events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "step",
                    "deactivate (after an unexpected failure, so that the user keeps no access)");
        } catch (RuntimeException e) {
            events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "error",
                    "deactivate after an unexpected failure: " + e.getMessage());
        }
    }

    /** The keys the policy matches existing accounts by (default: userName and email). */
    static MatchKey matchKey(Seat desired, PolicyDocument policy) {
        List<String> by = policy.matching() == null || policy.matching().by() == null
                ? List.of("userName", "email") : policy.matching().by();
        return new MatchKey(by.contains("userName") ? desired.text(SeatField.USER_NAME) : null,
                by.contains("email") ? desired.text(SeatField.EMAIL) : null, desired.text(SeatField.EXTERNAL_ID));
    }

    /** The user's account, and whether it existed already (found by the matching keys) or was made now. */
    private record Adoption(VendorRef ref, boolean adopted) {
    }

    /**
     * Looks for the account first, unless the vendor refuses a duplicate create anyway (one call fewer a
     * new user); then the refusal's account is found and adopted.
     */
    private static Adoption createOrAdopt(SyncRun run, Step.Create create) {
        MatchKey key = matchKey(run.plan.desired(), run.policy);
        Optional<VendorRef> existing = run.plan.capabilities().createRefusesDuplicates() ? Optional.empty()
                : run.connector.find(key, run.context);
        if (existing.isPresent()) {
            return new Adoption(existing.get(), true);
        }
        try {
            return new Adoption(run.connector.create(create.seat(), run.context), false);
        } catch (ConnectorException.Conflict e) {
            return new Adoption(run.connector.find(key, run.context).orElseThrow(() -> new ConnectorException.Conflict(
                    "The vendor has a conflicting account that the matching keys do not find: " + e.getMessage())),
                    true);
        }
    }

    private void save(SyncRun run, String status, String error, int pending) {
        accounts.save(run.job.connectionId(), run.job.userId(),
                new VendorAccount(run.recordedVendorId(), run.applied, status, error, pending, null));
    }
}
