package dev.patchbay.connector;

import java.util.Set;

/**
 * What listing a vendor's accounts ({@link Operation#LIST}) costs: the largest page the vendor serves, the
 * vendor calls a page takes whatever its size, and the calls each account on it takes besides (its reads).
 * A reconciliation sizes its pages from these, once per run: page-number paging stays aligned only while
 * the page size does not change. {@code shown}: the fields a listed account always shows in full, so that
 * one absent means the vendor holds none (all queues removed), not that the vendor does not tell.
 */
public record Listing(int maxPageSize, int callsPerPage, int callsPerAccount, Set<SeatField> shown) {

    public Listing {
        if (maxPageSize < 1 || callsPerPage < 0 || callsPerAccount < 0) {
            throw new IllegalArgumentException("a listing needs maxPageSize >= 1 and calls >= 0");
        }
        shown = Set.copyOf(shown);
    }

    public Listing(int maxPageSize, int callsPerPage, int callsPerAccount) {
        this(maxPageSize, callsPerPage, callsPerAccount, Set.of());
    }

    /** Nothing declared: pages of 100, each a call, and an account a read of one call. */
    public static Listing standard() {
        return new Listing(100, 1, 1);
    }

    /** The vendor answers with every account in one call. */
    public static Listing allAtOnce() {
        return new Listing(Integer.MAX_VALUE, 1, 0);
    }

    /** The same listing, whose accounts always show {@code fields} in full. */
    public Listing showing(SeatField... fields) {
        return new Listing(maxPageSize, callsPerPage, callsPerAccount, Set.of(fields));
    }

    /** The calls a page of {@code accounts} accounts takes at most. */
    public int calls(int accounts) {
        return callsPerPage + accounts * callsPerAccount;
    }
}
