package dev.patchbay.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.Listing;
import dev.patchbay.connector.RateLimit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many accounts a reconciliation reads a page: the vendor's largest page, the config, the run's share. */
class PageSizeTest {

    private static Reconciler reconciler(int configuredPageSize) {
        return new Reconciler(null, null, null, null, null, null, null, configuredPageSize, 0.5, Duration.ZERO,
                Duration.ofSeconds(60));
    }

    private static RateLimit perMinute(int calls) {
        return new RateLimit(calls, Duration.ofMinutes(1), 1);
    }

    @Test
    void aListingThatReadsNoAccountByItselfTakesTheVendorsLargestPageUpToTheConfiguredOne() {
        assertEquals(1000, reconciler(1000).pageSize(perMinute(100), new Listing(1000, 2, 0)));
        assertEquals(10, reconciler(10).pageSize(perMinute(100), new Listing(1000, 2, 0)));
        assertEquals(100, reconciler(1000).pageSize(RateLimit.unlimited(), new Listing(100, 1, 0)));
        assertEquals(1000, reconciler(1000).pageSize(perMinute(4), Listing.allAtOnce()));
    }

    @Test
    void readsPerAccountShrinkThePageToTheRunsShareOfTheSmallestWindow() {
        // 300 a minute, half for the run: (150 - 1) / 5 calls per account.
        assertEquals(29, reconciler(1000).pageSize(perMinute(300), new Listing(500, 1, 5)));
        RateLimit windows = new RateLimit(List.of(new RateLimit.Window(300, Duration.ofMinutes(1)),
                new RateLimit.Window(40, Duration.ofSeconds(10))), 1);
        assertEquals(6, reconciler(1000).pageSize(windows, new Listing(500, 1, 3)), "(20 - 1) / 3");
        assertEquals(1, reconciler(1000).pageSize(perMinute(2), new Listing(500, 1, 3)), "never less than one");
        assertEquals(31, new Listing(500, 1, 5).calls(6));
    }
}
