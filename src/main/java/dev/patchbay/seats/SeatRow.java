package dev.patchbay.seats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One vendor account as the seat inventory shows it: its license and state ({@code active},
 * {@code deactivated_licensed}: deactivated but its license still held, {@code deactivated}, {@code orphaned}),
 * the phone numbers it holds where the vendor bills them (a VBC line without a user shows its DIDs), its last login where the vendor tells one, why it is idle (null when it is not), its monthly cost where
 * the price of its license is known, and its reconciliation finding.
 */
public record SeatRow(String vendor, String connectionId, String account, UUID userId, String userName,
        String license, String numbers, String state, Instant lastLogin, String idle, BigDecimal monthlyCost, String currency,
        String finding) {

    public static final String ACTIVE = "active";
    public static final String DEACTIVATED_LICENSED = "deactivated_licensed";
    public static final String DEACTIVATED = "deactivated";
    public static final String ORPHANED = "orphaned";

    /** Money spent for nothing: an idle seat or an orphan. */
    public boolean wasted() {
        return idle != null || ORPHANED.equals(state);
    }
}
