package dev.patchbay.sandbox.five9;

import dev.patchbay.sandbox.kit.Tunables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated Five9 domain's Web Services admin users and the knobs tests turn. Configured values are
 * the defaults; {@code PUT /sandbox/five9/_control/settings} changes the tunable ones until the next reset.
 */
@ApplicationScoped
public class Five9Settings {

    static final String SEAT_LIMIT = "seatLimit";
    static final String TIMEOUT_MS = "timeoutMs";

    private final List<String> adminUsers;
    private final String password;
    private final ZoneId zone;
    private final Tunables tunables;

    public Five9Settings(
            @ConfigProperty(name = "patchbay.sandbox.five9.admin-users",
                    defaultValue = "sandbox-five9-admin,sandbox-five9-admin2,sandbox-five9-admin3") List<String> adminUsers,
            @ConfigProperty(name = "patchbay.sandbox.five9.password", defaultValue = "sandbox-five9-password")
            String password,
            // [INFERRED] the counters reset "in the data center's time zone"; the US data center's is assumed.
            @ConfigProperty(name = "patchbay.sandbox.five9.time-zone", defaultValue = "America/Los_Angeles")
            String zone,
            @ConfigProperty(name = "patchbay.sandbox.five9.seat-limit", defaultValue = "100") int seatLimit,
            @ConfigProperty(name = "patchbay.sandbox.five9.timeout-ms", defaultValue = "30000") long timeoutMs) {
        this.adminUsers = List.copyOf(adminUsers);
        this.password = password;
        this.zone = ZoneId.of(zone);
        Tunables.Builder builder = Tunables.define().add(SEAT_LIMIT, seatLimit, 0).add(TIMEOUT_MS, timeoutMs, 0);
        for (OperationType type : OperationType.LIMITED) {
            for (LimitWindow window : LimitWindow.values()) {
                builder.add(limitName(type, window), type.defaultLimit(window), 1);
            }
        }
        this.tunables = builder.build();
    }

    /** The tunable of a limit, e.g. {@code modifyPerMinute}. */
    static String limitName(OperationType type, LimitWindow window) {
        return type.settingPrefix() + "Per" + window.settingSuffix();
    }

    public Tunables tunables() {
        return tunables;
    }

    boolean accepts(String user, String givenPassword) {
        return adminUsers.contains(user) && password.equals(givenPassword);
    }

    List<String> adminUsers() {
        return adminUsers;
    }

    ZoneId zone() {
        return zone;
    }

    int seatLimit() {
        return tunables.getInt(SEAT_LIMIT);
    }

    long timeoutMs() {
        return tunables.get(TIMEOUT_MS);
    }

    long limit(OperationType type, LimitWindow window) {
        return tunables.get(limitName(type, window));
    }
}
