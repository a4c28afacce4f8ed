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

    /** A change from one license to another: the monthly cost at stake is the difference (negative: a saving). */
    void raiseChange(SyncRun run, String kind, String field, String reason, String consolePath, String from, String to) {
        Optional<PriceCatalog.Price> before = prices.monthly(run.policy, run.vendor, from);
        Optional<PriceCatalog.Price> after = prices.monthly(run.policy, run.vendor, to);
        Optional<PriceCatalog.Price> difference = before.isPresent() && after.isPresent()
                ? Optional.of(new PriceCatalog.Price(after.get().amount().subtract(before.get().amount()),
                        after.get().currency()))
                : after;
        raise(run, kind, field, reason, consolePath, difference);
    }

    private void raise(SyncRun run, String kind, String field, String reason, String consolePath,
            Optional<PriceCatalog.Price> price) {
        // A template may say what is at stake in its text: {cost} is the monthly price.
        reason = reason.replace("{cost}", price.map(p -> p.currency() + " " + p.amount().toPlainString())
                .orElse("(no price known)"));
        boolean raised = tasks.raise(new FollowUpTasks.NewTask(run.job.connectionId(), run.job.userId(), kind, field,
                reason, consolePath, price.map(PriceCatalog.Price::amount).orElse(null),
                price.map(PriceCatalog.Price::currency).orElse(null)));
        if (raised) {
            events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "task", kind + ": " + reason);
        }
    }
}
