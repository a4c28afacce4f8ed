package dev.patchbay.console;

import dev.patchbay.admin.ConnectionService;
import dev.patchbay.admin.ConnectionStats;
import dev.patchbay.admin.ProvisioningResource;
import dev.patchbay.admin.VendorHealth;
import dev.patchbay.job.QueueProgress;
import dev.patchbay.seats.SeatInventory;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance overview(ConsoleSession me, List<Card> cards, Totals totals);
    }

    private final ConnectionService connections;
    private final ConnectionStats stats;
    private final VendorHealth health;
    private final ProvisioningResource provisioning;
    private final SeatInventory inventory;
    private final int idleDays;
    private final ConsoleCaller caller;

    public OverviewResource(ConnectionService connections, ConnectionStats stats, VendorHealth health,
            ProvisioningResource provisioning, SeatInventory inventory,
            @ConfigProperty(name = "patchbay.seats.idle-after-days") int idleDays, ConsoleCaller caller) {
        this.inventory = inventory;
        this.idleDays = idleDays;
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
        for (Connection connection : connections.page(0, MAX_CONNECTIONS)) {
            ConnectionStats.Stats numbers = stats.of(connection.id);
            QueueProgress.Progress progress = provisioning.progress(connection.id);
            var checked = health.last(connection);
            SeatReport report = inventory.report(connection, idleDays);
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
            users += numbers.users();
            backlog += progress.remaining();
            dead += numbers.deadJobs();
            open += numbers.openTasks();
            numbers.costAtStake().forEach((currency, amount) -> cost.merge(currency, amount, BigDecimal::add));
        }
        return Templates.overview(caller.session(), cards,
                new Totals(cards.size(), users, backlog, dead, open, Money.of(cost), seats, Money.of(seatCost),
                        Money.of(savings)));
    }

    private static Seats seats(SeatReport report) {
        return new Seats(report.reconciliation() != null, report.totals().seats(), report.totals().idle(),
                Money.of(report.totals().monthlyCost(), report.currency()),
                Money.of(report.savingsAvailable(), report.currency()));
    }
}
