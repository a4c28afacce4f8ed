package dev.patchbay.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.admin.ConnectionService;
import dev.patchbay.admin.ConnectionStats;
import dev.patchbay.admin.ProvisioningResource;
import dev.patchbay.admin.VendorHealth;
import dev.patchbay.job.QueueProgress;
import dev.patchbay.seats.SeatReport;
import dev.patchbay.store.Connection;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The overview: a card per connection and the totals across them. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OverviewResource {

    static final int MAX_CONNECTIONS = 500;

    public record StateCount(String state, long count) {
    }

    public record Card(String id, String name, String vendor, String health, String healthDetail,
            List<StateCount> states, long users, long backlog, String oldestPending, long deadJobs, long openTasks,
            String costAtStake, Seats seats) {
    }

    /** Seats of the latest finished reconciliation ({@code counted} false before one), their cost and savings. */
    public record Seats(boolean counted, int seats, int idle, String monthlyCost, String savingsAvailable) {
    }

    public record Totals(int connections, long users, long backlog, long deadJobs, long openTasks,
            String costAtStake, long seats, String monthlyCost, String savingsAvailable) {
    }

    /** A vendor's seats by license tier, across its connections. */
    public record VendorTiers(String vendor, List<String> tiers, List<Integer> seats) {
    }

    /** What a vendor's seats cost a month, in one currency. */
    public record VendorCost(String vendor, String currency, BigDecimal monthlyCost, BigDecimal savingsAvailable) {
    }

    /** A vendor's seats nobody uses: idle (no login for patchbay.seats.idle-after-days) and orphaned. */
    public record VendorIdle(String vendor, int idle, int orphaned) {
    }

    /** The pictures' numbers, as JSON for console.js to draw. */
    public record Charts(List<VendorTiers> seatsByTier, List<VendorCost> monthlyCost, List<VendorIdle> idleSeats,
            List<BacklogHistory.Series> backlog) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance overview(ConsoleSession me, List<Card> cards, Totals totals, String charts);
    }

    private final ConnectionService connections;
    private final ConnectionStats stats;
    private final VendorHealth health;
    private final ProvisioningResource provisioning;
    private final OverviewSeats seatReports;
    private final ConsoleCaller caller;
    private final BacklogHistory backlogHistory;
    private final ObjectMapper json;

    public OverviewResource(ConnectionService connections, ConnectionStats stats, VendorHealth health,
            ProvisioningResource provisioning, OverviewSeats seatReports, ConsoleCaller caller,
            BacklogHistory backlogHistory, ObjectMapper json) {
        this.seatReports = seatReports;
        this.backlogHistory = backlogHistory;
        this.json = json;
        this.connections = connections;
        this.stats = stats;
        this.health = health;
        this.provisioning = provisioning;
        this.caller = caller;
    }

    @GET
    public TemplateInstance overview() {
        List<Card> cards = new ArrayList<>();
        long users = 0;
        long backlog = 0;
        long dead = 0;
        long open = 0;
        Map<String, BigDecimal> cost = new HashMap<>();
        long seats = 0;
        Map<String, BigDecimal> seatCost = new HashMap<>();
        Map<String, BigDecimal> savings = new HashMap<>();
        Map<String, Map<String, Integer>> tiers = new TreeMap<>();
        Map<String, VendorCost> costs = new TreeMap<>();
        Map<String, VendorIdle> idle = new TreeMap<>();
        for (Connection connection : connections.page(0, MAX_CONNECTIONS)) {
            ConnectionStats.Stats numbers = stats.of(connection.id);
            QueueProgress.Progress progress = provisioning.progress(connection.id);
            var checked = health.last(connection);
            SeatReport report = seatReports.of(connection);
            List<StateCount> states = numbers.usersByState().entrySet().stream()
                    .map(entry -> new StateCount(entry.getKey(), entry.getValue())).toList();
            cards.add(new Card(connection.id, connection.displayName, connection.vendor,
                    checked.map(VendorHealth.Checked::state).orElse("not checked yet"),
                    checked.map(VendorHealth.Checked::detail).orElse(null), states, numbers.users(),
                    progress.remaining(), progress.since() == null ? "—" : progress.since().toString(),
                    numbers.deadJobs(), numbers.openTasks(), Money.of(numbers.costAtStake()), seats(report)));
            seats += report.totals().seats();
            seatCost.merge(report.currency(), report.totals().monthlyCost(), BigDecimal::add);
            savings.merge(report.currency(), report.savingsAvailable(), BigDecimal::add);
            if (report.reconciliation() != null) {
                chartSeats(report, tiers, costs);
                idle.merge(report.vendor(), new VendorIdle(report.vendor(), report.totals().idle(),
                        report.totals().orphaned()), (a, b) -> new VendorIdle(a.vendor(), a.idle() + b.idle(),
                        a.orphaned() + b.orphaned()));
            }
            users += numbers.users();
            backlog += progress.remaining();
            dead += numbers.deadJobs();
            open += numbers.openTasks();
            numbers.costAtStake().forEach((currency, amount) -> cost.merge(currency, amount, BigDecimal::add));
        }
        List<VendorTiers> byTier = new ArrayList<>();
        tiers.forEach((vendor, counts) -> byTier.add(new VendorTiers(vendor, List.copyOf(counts.keySet()),
                List.copyOf(counts.values()))));
        Charts charts = new Charts(byTier, List.copyOf(costs.values()), List.copyOf(idle.values()),
                backlogHistory.lastDay(cards.stream().map(Card::id).toList()));
        return Templates.overview(caller.session(), cards,
                new Totals(cards.size(), users, backlog, dead, open, Money.of(cost), seats, Money.of(seatCost),
                        Money.of(savings)), write(charts));
    }

    /** Seats that a finished reconciliation counted, by vendor and tier; cost and savings by vendor. */
    private static void chartSeats(SeatReport report, Map<String, Map<String, Integer>> tiers,
            Map<String, VendorCost> costs) {
        report.tiers().forEach(tier -> tiers.computeIfAbsent(report.vendor(), vendor -> new TreeMap<>())
                .merge(tier.license(), tier.assigned() + tier.orphaned(), Integer::sum));
        costs.merge(report.vendor() + " " + report.currency(), new VendorCost(report.vendor(), report.currency(),
                report.totals().monthlyCost(), report.savingsAvailable()), (a, b) -> new VendorCost(a.vendor(),
                a.currency(), a.monthlyCost().add(b.monthlyCost()), a.savingsAvailable().add(b.savingsAvailable())));
    }

    private String write(Charts charts) {
        try {
            return json.writeValueAsString(charts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Seats seats(SeatReport report) {
        return new Seats(report.reconciliation() != null, report.totals().seats(), report.totals().idle(),
                Money.of(report.totals().monthlyCost(), report.currency()),
                Money.of(report.savingsAvailable(), report.currency()));
    }
}
