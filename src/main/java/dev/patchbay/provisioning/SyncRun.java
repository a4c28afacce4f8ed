package dev.patchbay.provisioning;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.Notice;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.Seat;
import dev.patchbay.job.Job;
import dev.patchbay.provisioning.policy.PolicyDocument;
import java.util.List;

/**
 * One run of a user's sync: the job, the connector and plan it runs, and what the vendor has confirmed
 * so far (the account id and the applied seat), which every recorded step moves forward.
 */
final class SyncRun {

    final Job job;
    final String vendor;
    final Connector connector;
    /** Knows the seat applied so far: renewed as each step is recorded. */
    CallContext context;
    final PolicyDocument policy;
    final SyncPlanner.SyncPlan plan;
    final RateLimit rateLimit;
    /** What the connector's calls of this run left for a person, raised after each step. */
    final List<Notice> notices;
    String vendorId;
    Seat applied;
    int done;
    /** The vendor's account differs from what this run's plan assumed: the user is synced again at once. */
    boolean syncAgain;
    /** Set when the run found batched steps due but no budget to send them: how long until it has room. */
    java.time.Duration batchBudgetWait;
    /** The calls of this run the budget's windows count already. */
    int callsCharged;
    /** What the step running now reserved of a budget of calls (0 between steps). */
    int callsReserved;
    /** The steps this run took from a budget of steps. */
    int stepsTaken;

    SyncRun(Job job, String vendor, Connector connector, CallContext context, PolicyDocument policy,
            SyncPlanner.SyncPlan plan, RateLimit rateLimit, List<Notice> notices) {
        this.rateLimit = rateLimit;
        this.notices = notices;
        this.job = job;
        this.vendor = vendor;
        this.connector = connector;
        this.context = context;
        this.policy = policy;
        this.plan = plan;
        this.vendorId = plan.vendorId();
        this.applied = plan.applied();
    }

    int remaining() {
        return plan.steps().size() - done;
    }

    /** The seat whose license prices a task: what the user had when this sync started, else what it asks for. */
    Seat costBasis() {
        return plan.applied() != null ? plan.applied() : plan.desired();
    }

    /** The account id to record: none while no seat is applied. */
    String recordedVendorId() {
        return applied == null ? null : vendorId;
    }
}
