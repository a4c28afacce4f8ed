package dev.patchbay.connector.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The division of each user the gateway created or moved is known for a while, then read again. */
class DivisionCacheTest {

    final Instant start = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aUsersDivisionIsKeptForItsTimeLimitAndForgottenAfter() {
        GenesysCatalog.Listings listings = new GenesysCatalog.Listings(Duration.ofMinutes(2));
        listings.putDivision("user-1", "support", start);

        assertEquals("support", listings.divisionOf("user-1", start.plusSeconds(119)));
        assertEquals("support", listings.divisionOf("user-1", start.plusSeconds(120)), "still within the limit");
        assertNull(listings.divisionOf("user-1", start.plusSeconds(121)), "older than the limit: read it again");
        assertNull(listings.divisionOf("user-1", start), "forgotten, not only hidden");
    }

    @Test
    void aMoveStartsTheTimeAgainAndUnknownUsersAreNotKnown() {
        GenesysCatalog.Listings listings = new GenesysCatalog.Listings(Duration.ofMinutes(2));
        listings.putDivision("user-1", "support", start);
        listings.putDivision("user-1", "sales", start.plusSeconds(100));

        assertEquals("sales", listings.divisionOf("user-1", start.plusSeconds(200)));
        assertNull(listings.divisionOf("user-2", start));
    }

    @Test
    void aTimeLimitOfZeroKeepsNothingBeyondTheMomentItWasLearnt() {
        GenesysCatalog.Listings listings = new GenesysCatalog.Listings(Duration.ZERO);
        listings.putDivision("user-1", "support", start);

        assertEquals("support", listings.divisionOf("user-1", start));
        assertNull(listings.divisionOf("user-1", start.plusMillis(1)));
    }
}
