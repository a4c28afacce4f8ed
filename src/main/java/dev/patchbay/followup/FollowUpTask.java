package dev.patchbay.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Work a person must do at the vendor, with where to do it and what is at stake per month. */
public record FollowUpTask(UUID id, String connectionId, UUID userId, String kind, String field, String reason,
        String consolePath, BigDecimal monthlyCost, String currency, String status, String closedBy,
        Instant created, Instant updated) {
}
