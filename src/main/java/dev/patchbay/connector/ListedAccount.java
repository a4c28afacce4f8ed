package dev.patchbay.connector;

import java.time.Instant;

/**
 * A vendor account as a list shows it: its id, the matching keys as the vendor holds them, its seat as
 * {@link Connector#read} would return it, and its last login where the vendor exposes one (null otherwise
 * or when the account never logged in; {@link #neverLoggedIn} tells the two apart where the vendor can).
 */
public record ListedAccount(VendorRef ref, MatchKey keys, Seat seat, Instant lastLogin, boolean neverLoggedIn) {

    public static ListedAccount of(VendorRef ref, Seat seat) {
        return new ListedAccount(ref, new MatchKey(seat.text(SeatField.USER_NAME), seat.text(SeatField.EMAIL),
                seat.text(SeatField.EXTERNAL_ID)), seat, null, false);
    }

    public ListedAccount withLastLogin(Instant at) {
        return new ListedAccount(ref, keys, seat, at, at == null);
    }
}
