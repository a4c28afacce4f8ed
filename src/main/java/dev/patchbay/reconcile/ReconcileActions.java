package dev.patchbay.reconcile;

import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.JobQueue;
import dev.patchbay.provisioning.VendorAccount;
import dev.patchbay.provisioning.VendorAccounts;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PriceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Does what the policy chose for a finding: {@code correct} re-applies Patchbay's seat (the account is
 * recorded as the vendor holds it and the user's sync is due, so the planner puts back what was applied;
 * an account the vendor lost is created anew), {@code adopt} links the account to its IdP user and syncs
 * the user, {@code task} raises a follow-up task with the monthly cost at stake. {@code report} does nothing.
 */
@ApplicationScoped
public class ReconcileActions {

    static final String DRIFT_TASK = "reconcile_drift";
    static final String ORPHAN_TASK = "reconcile_orphan";
    static final String MISSING_TASK = "reconcile_missing";
    static final String ADOPT_TASK = "reconcile_adopt";
    /** Who closed a task a later run found resolved. */
    static final String CLOSED_BY = "reconciliation";

    private final VendorAccounts accounts;
    private final JobQueue jobs;
    private final FollowUpTasks tasks;
    private final PriceCatalog prices;
    private final EntityManager entityManager;

    public ReconcileActions(VendorAccounts accounts, JobQueue jobs, FollowUpTasks tasks, PriceCatalog prices,
            EntityManager entityManager) {
        this.accounts = accounts;
        this.jobs = jobs;
        this.tasks = tasks;
        this.prices = prices;
        this.entityManager = entityManager;
    }

    /** Part of the page's transaction (the job and the task commit with the finding). */
    void perform(String connectionId, String vendor, Finding finding, Seat vendorSeat, PolicyDocument policy) {
        switch (finding.action()) {
            case "correct" -> correct(connectionId, finding, vendorSeat);
            case "adopt" -> adopt(connectionId, finding, vendorSeat);
            case "task" -> task(connectionId, vendor, finding, policy);
            default -> { }
        }
    }

    private void correct(String connectionId, Finding finding, Seat vendorSeat) {
        Optional<VendorAccount> account = accounts.find(connectionId, finding.userId());
        if (account.isEmpty()) {
            return;
        }
        VendorAccount current = account.get();
        if (vendorSeat == null) {
            accounts.save(connectionId, finding.userId(), new VendorAccount(null, null, VendorAccount.PENDING,
                    null, 1, null));
        } else {
            Seat asHeld = current.applied() == null ? vendorSeat : current.applied().withActive(vendorSeat.active());
            for (Drift drift : finding.drift()) {
                SeatField field = field(drift.field());
                if (field != null) {
                    asHeld = asHeld.with(field, vendorSeat.get(field));
                }
            }
            accounts.save(connectionId, finding.userId(), new VendorAccount(current.vendorId(), asHeld,
                    VendorAccount.PENDING, null, finding.drift().size(), null));
        }
        jobs.enqueue(connectionId, finding.userId());
    }

    private void adopt(String connectionId, Finding finding, Seat vendorSeat) {
        accounts.save(connectionId, finding.userId(), new VendorAccount(finding.vendorRef(), vendorSeat,
                VendorAccount.PENDING, null, 0, null));
        jobs.enqueue(connectionId, finding.userId());
    }

    private void task(String connectionId, String vendor, Finding finding, PolicyDocument policy) {
        Optional<PriceCatalog.Price> price = prices.monthly(policy, vendor, finding.license());
        String who = finding.userName() == null ? finding.vendorRef() : finding.userName() + " (" + finding.vendorRef() + ")";
        String kind;
        String field;
        String reason;
        switch (Situation.ofApiName(finding.situation()).orElseThrow()) {
            case DRIFT -> {
                kind = DRIFT_TASK;
                field = finding.drift().stream().map(Drift::field).sorted().collect(Collectors.joining(","));
                reason = "The vendor account " + who + " was changed outside Patchbay: " + finding.drift().stream()
                        .map(drift -> drift.field() + " is " + drift.vendor() + ", Patchbay applied " + drift.applied())
                        .collect(Collectors.joining("; ")) + ". Put it back, or change the IdP or the policy";
            }
            case ORPHAN -> {
                kind = ORPHAN_TASK;
                field = finding.vendorRef();
                reason = "The vendor account " + who + " has no IdP user"
                        + (finding.license() == null ? "" : " and holds a " + finding.license() + " license")
                        + ": remove it, or assign its owner to the app in the IdP";
            }
            case IDP_ONLY -> {
                kind = MISSING_TASK;
                field = finding.vendorRef();
                reason = "Patchbay provisioned " + who + ", but the vendor no longer has the account: sync the"
                        + " user to create it again, or unassign the user in the IdP";
            }
            case UNLINKED_MATCH -> {
                kind = ADOPT_TASK;
                field = finding.vendorRef();
                reason = "The existing vendor account " + who + " matches an IdP user Patchbay has not linked:"
                        + " sync the user to adopt it, or remove the duplicate";
            }
            default -> {
                return;
            }
        }
        if (finding.userId() == null && openTask(connectionId, kind, field)) {
            // The open-task index treats a missing user as distinct each time: ask once per account all the same.
            return;
        }
        tasks.raise(new FollowUpTasks.NewTask(connectionId, finding.userId(), kind, field, reason,
                "Vendor console > Users", price.map(PriceCatalog.Price::amount).orElse(null),
                price.map(PriceCatalog.Price::currency).orElse(null)));
    }

    /**
     * Part of a finished run's transaction: closes, as verified by Patchbay, each open reconciliation task of
     * the connection raised before the run whose situation the run no longer found (the drift of those
     * fields on that user, the orphan, lost or matching account); returns how many it closed.
     */
    int closeResolved(String connectionId, UUID runId, Instant started) {
        return entityManager.createNativeQuery("""
                update followup_task t set status = 'verified', closed_by = :by, updated = now(),
                    close_note = 'Reconciliation run ' || cast(:run as text) || ' no longer found this'
                where t.connection_id = :connection and t.status = 'open' and t.created < :started
                  and t.kind in (:drift, :orphan, :missing, :adopt)
                  and not exists (
                      select 1 from reconciliation_finding f where f.run_id = :run
                        and f.situation = case t.kind when :drift then 'drift' when :orphan then 'orphan'
                                                      when :missing then 'idp_only' else 'unlinked_match' end
                        and case when t.kind = :drift
                                 then f.user_id = t.user_id and t.field = (
                                      select string_agg(d ->> 'field', ',' order by d ->> 'field')
                                      from jsonb_array_elements(f.drift) d)
                                 else f.vendor_ref = t.field end)""")
                .setParameter("by", CLOSED_BY).setParameter("run", runId).setParameter("connection", connectionId)
                .setParameter("started", started).setParameter("drift", DRIFT_TASK).setParameter("orphan", ORPHAN_TASK)
                .setParameter("missing", MISSING_TASK).setParameter("adopt", ADOPT_TASK).executeUpdate();
    }

    private boolean openTask(String connectionId, String kind, String field) {
        return !entityManager.createNativeQuery("""
                select 1 from followup_task where connection_id = :connection and user_id is null and kind = :kind
                  and field = :field and status = 'open'""")
                .setParameter("connection", connectionId).setParameter("kind", kind).setParameter("field", field)
                .getResultList().isEmpty();
    }

    private static SeatField field(String name) {
        for (SeatField field : Drift.COMPARED) {
            if (Drift.name(field).equals(name)) {
                return field;
            }
        }
        return null;
    }
}
