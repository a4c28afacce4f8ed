package dev.patchbay.seats;

import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.provisioning.policy.PriceCatalog;
import dev.patchbay.reconcile.Finding;
import dev.patchbay.reconcile.ReconciliationRun;
import dev.patchbay.reconcile.ReconciliationStore;
import dev.patchbay.reconcile.Situation;
import dev.patchbay.store.Connection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The seats each connection's vendor accounts hold, from its latest finished reconciliation (the vendor's
 * own accounts, not only Patchbay's), priced from the price catalog (the policy's prices, else the vendor's
 * list prices). An account is idle when its IdP user is deactivated or gone while it still holds a license
 * or is active, or, where the vendor tells last logins, when it never logged in or not for {@code idleDays}.
 */
@ApplicationScoped
public class SeatInventory {

    static final String UNKNOWN_TIER = "unknown";

    private final ReconciliationStore runs;
    private final PolicyStore policies;
    private final PriceCatalog prices;
    private final EntityManager entityManager;
    private final Clock clock;

    private final List<String> cancellationKinds;

    public SeatInventory(ReconciliationStore runs, PolicyStore policies, PriceCatalog prices,
            EntityManager entityManager, Clock clock,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "patchbay.seats.cancellation-task-kinds")
            List<String> cancellationKinds) {
        this.cancellationKinds = List.copyOf(cancellationKinds);
        this.runs = runs;
        this.policies = policies;
        this.prices = prices;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Every connection, by id. */
    public List<Connection> connections() {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>list("order by id"));
    }

    /** One row per account of the connection's latest finished reconciliation (IdP-only accounts hold no seat). */
    public List<SeatRow> rows(Connection connection, int idleDays) {
        Optional<ReconciliationRun> run = runs.latestDone(connection.id);
        if (run.isEmpty()) {
            return List.of();
        }
        PolicyDocument policy = policies.current(connection.id).document();
        Instant idleBefore = clock.instant().minus(Duration.ofDays(idleDays));
        List<SeatRow> rows = new ArrayList<>();
        for (Finding finding : runs.findings(run.get().id(), null, 0, Integer.MAX_VALUE)) {
            if (!Situation.IDP_ONLY.apiName().equals(finding.situation())) {
                rows.add(row(connection, policy, finding, idleBefore, idleDays));
            }
        }
        return rows;
    }

    public SeatReport report(Connection connection, int idleDays) {
        Optional<ReconciliationRun> run = runs.latestDone(connection.id);
        List<SeatRow> rows = rows(connection, idleDays);
        List<SeatReport.CancellationTask> tasks = openCancellationTasks(connection.id);
        Map<String, List<SeatRow>> byTier = new TreeMap<>();
        rows.forEach(row -> byTier.computeIfAbsent(row.license() == null ? UNKNOWN_TIER : row.license(),
                tier -> new ArrayList<>()).add(row));
        PolicyDocument policy = policies.current(connection.id).document();
        List<SeatReport.Tier> tiers = new ArrayList<>();
        byTier.forEach((license, held) -> tiers.add(new SeatReport.Tier(license,
                (int) held.stream().filter(row -> row.license() != null).count(), count(held, SeatRow.ACTIVE),
                count(held, SeatRow.DEACTIVATED_LICENSED), count(held, SeatRow.ORPHANED),
                (int) held.stream().filter(row -> row.idle() != null).count(),
                prices.monthly(policy, connection.vendor, UNKNOWN_TIER.equals(license) ? null : license)
                        .map(PriceCatalog.Price::amount).orElse(null),
                sum(held, false), sum(held, true))));
        // An idle seat's own cancellation task is the same money: counted once.
        java.util.Set<UUID> idleUsers = rows.stream().filter(SeatRow::wasted).map(SeatRow::userId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        BigDecimal taskCost = tasks.stream().filter(task -> !idleUsers.contains(task.userId()))
                .map(SeatReport.CancellationTask::monthlyCost)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        SeatReport.Totals totals = new SeatReport.Totals(rows.size(), count(rows, SeatRow.ACTIVE),
                count(rows, SeatRow.DEACTIVATED_LICENSED), count(rows, SeatRow.ORPHANED),
                (int) rows.stream().filter(row -> row.idle() != null).count(), sum(rows, false), sum(rows, true));
        String currency = rows.stream().map(SeatRow::currency).filter(java.util.Objects::nonNull).findFirst()
                .orElse(policy.prices() != null && policy.prices().currency() != null ? policy.prices().currency() : "USD");
        boolean lastLoginKnown = run.isPresent() && runs.findings(run.get().id(), null, 0, Integer.MAX_VALUE).stream()
                .anyMatch(finding -> finding.lastLogin() != null || finding.neverLoggedIn());
        return new SeatReport(connection.id, connection.vendor, run.map(done -> new SeatReport.Reconciliation(done.id(),
                done.finished(), done.preview())).orElse(null), lastLoginKnown, currency, tiers, totals,
                rows.stream().filter(SeatRow::wasted).toList(), tasks,
                totals.idleMonthlyCost().add(taskCost));
    }

    private SeatRow row(Connection connection, PolicyDocument policy, Finding finding, Instant idleBefore,
            int idleDays) {
        boolean active = !Boolean.FALSE.equals(finding.active());
        boolean orphan = Situation.ORPHAN.apiName().equals(finding.situation());
        String state = orphan ? SeatRow.ORPHANED : active ? SeatRow.ACTIVE
                : finding.license() != null ? SeatRow.DEACTIVATED_LICENSED : SeatRow.DEACTIVATED;
        Optional<PriceCatalog.Price> price = prices.monthly(policy, connection.vendor, finding.license());
        BigDecimal cost = active || finding.license() != null ? price.map(PriceCatalog.Price::amount).orElse(null) : null;
        return new SeatRow(connection.vendor, connection.id, finding.vendorRef(), finding.userId(), finding.userName(),
                finding.license(), finding.numbers(), state, finding.lastLogin(), orphan ? null : idle(finding, active, idleBefore, idleDays),
                cost, price.map(PriceCatalog.Price::currency).orElse(null), finding.situation());
    }

    /** Why an account that is someone's is idle; null when it is in use or holds nothing. */
    static String idle(Finding finding, boolean active, Instant idleBefore, int idleDays) {
        boolean holds = active || finding.license() != null;
        if (!holds) {
            return null;
        }
        if (finding.userId() != null && finding.idpActive() == null) {
            return "the IdP user is gone";
        }
        if (Boolean.FALSE.equals(finding.idpActive())) {
            return "the IdP user is deactivated";
        }
        if (finding.neverLoggedIn()) {
            return "never logged in";
        }
        if (finding.lastLogin() != null && finding.lastLogin().isBefore(idleBefore)) {
            return "not logged in for " + idleDays + " days";
        }
        return null;
    }

    private static int count(List<SeatRow> rows, String state) {
        return (int) rows.stream().filter(row -> state.equals(row.state())).count();
    }

    private static BigDecimal sum(List<SeatRow> rows, boolean wastedOnly) {
        return rows.stream().filter(row -> !wastedOnly || row.wasted()).map(SeatRow::monthlyCost)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Open tasks of the configured cancellation kinds that cost money while they wait (a license, line or
     * number a person has yet to give back).
     */
    List<SeatReport.CancellationTask> openCancellationTasks(String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select id, kind, user_id, reason, monthly_cost, currency, created from followup_task
                    where connection_id = :connection and status = 'open' and monthly_cost > 0
                      and kind = any(cast(:kinds as text[]))
                    order by created""").setParameter("connection", connectionId)
                    .setParameter("kinds", "{" + String.join(",", cancellationKinds) + "}").getResultList();
            return rows.stream().map(row -> new SeatReport.CancellationTask((UUID) row[0], (String) row[1],
                    (UUID) row[2], (String) row[3], (BigDecimal) row[4], row[5] == null ? null : row[5].toString().trim(),
                    (Instant) row[6])).toList();
        });
    }
}
