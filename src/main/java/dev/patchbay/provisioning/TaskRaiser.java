package dev.patchbay.provisioning;

import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.provisioning.policy.PriceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Raises a sync's follow-up tasks once each, with the monthly price of the user's license as the cost at stake. */
@ApplicationScoped
class TaskRaiser {

    private final FollowUpTasks tasks;
    private final PriceCatalog prices;
    private final ProvisioningEvents events;

    TaskRaiser(FollowUpTasks tasks, PriceCatalog prices, ProvisioningEvents events) {
        this.tasks = tasks;
        this.prices = prices;
        this.events = events;
    }

    void raise(SyncRun run, String kind, String field, String reason, String consolePath) {
        raise(run, kind, field, reason, consolePath, run.costBasis());
    }

    void raise(SyncRun run, String kind, String field, String reason, String consolePath, Seat costBasis) {
        String license = costBasis == null ? null : costBasis.text(SeatField.LICENSE);
        raise(run, kind, field, reason, consolePath, prices.monthly(run.policy, run.vendor, license));
    }

    /**
     * A planned step a person does (the vendor's API cannot): raised, and true, unless the latest task of
     * this kind and field asked exactly this and a person completed it or the vendor verified it; then
     * false: it is done and not asked again. A license change costs the difference between the two prices
     * (negative: a saving).
     */
    boolean raiseStep(SyncRun run, String kind, String field, String reason, String consolePath, boolean license,
            String from, String to) {
        Optional<PriceCatalog.Price> price;
        if (license) {
            Optional<PriceCatalog.Price> before = prices.monthly(run.policy, run.vendor, from);
            Optional<PriceCatalog.Price> after = prices.monthly(run.policy, run.vendor, to);
            price = before.isPresent() && after.isPresent()
                    ? Optional.of(new PriceCatalog.Price(after.get().amount().subtract(before.get().amount()),
                            after.get().currency()))
                    : after;
        } else {
            Seat basis = run.costBasis();
            price = prices.monthly(run.policy, run.vendor, basis == null ? null : basis.text(SeatField.LICENSE));
        }
        String text = withCost(reason, price);
        if (tasks.latestDone(run.job.connectionId(), run.job.userId(), kind, field, text)) {
            return false;
        }
        raise(run, kind, field, text, consolePath, price);
        return true;
    }

    private static String withCost(String reason, Optional<PriceCatalog.Price> price) {
        // A template may say what is at stake in its text: {cost} is the monthly price.
        return reason.replace("{cost}", price.map(p -> p.currency() + " " + p.amount().toPlainString())
                .orElse("(no price known)"));
    }

    private void raise(SyncRun run, String kind, String field, String reason, String consolePath,
            Optional<PriceCatalog.Price> price) {
        reason = withCost(reason, price);
        boolean raised = tasks.raise(new FollowUpTasks.NewTask(run.job.connectionId(), run.job.userId(), kind, field,
                reason, consolePath, price.map(PriceCatalog.Price::amount).orElse(null),
                price.map(PriceCatalog.Price::currency).orElse(null)));
        if (raised) {
            events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "task", kind + ": " + reason);
        }
    }
}
