package dev.patchbay.seats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A connection's seats from its latest reconciliation's read-back: per license tier, the accounts that hold
 * it and what they cost a month; open cancellation tasks (licenses, lines and numbers a person has yet to
 * give back) with what they cost and since when; and the savings available (idle seats, orphans and those
 * tasks), each idle or orphaned account listed in {@code idleSeats}. {@code lastLoginKnown} tells whether the vendor showed last logins; {@code reconciliation} is null
 * until a run finished.
 */
public record SeatReport(String connectionId, String vendor, Reconciliation reconciliation, boolean lastLoginKnown,
        String currency, List<Tier> tiers, Totals totals, List<SeatRow> idleSeats,
        List<CancellationTask> openCancellationTasks, BigDecimal savingsAvailable) {

    public record Reconciliation(UUID id, Instant finished, boolean preview) {
    }

    /** A license tier ("unknown" where the vendor shows none and Patchbay applied none). */
    public record Tier(String license, int assigned, int active, int deactivatedLicensed, int orphaned, int idle,
            BigDecimal unitPrice, BigDecimal monthlyCost, BigDecimal idleMonthlyCost) {
    }

    public record Totals(int seats, int active, int deactivatedLicensed, int orphaned, int idle,
            BigDecimal monthlyCost, BigDecimal idleMonthlyCost) {
    }

    public record CancellationTask(UUID id, String kind, UUID userId, String reason, BigDecimal monthlyCost,
            String currency, Instant since) {
    }
}
