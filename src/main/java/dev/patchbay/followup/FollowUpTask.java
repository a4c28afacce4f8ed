package dev.patchbay.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Work a person must do at the vendor, with where to do it and what is at stake per month; {@code userName}
 * names the user while the IdP still has it, {@code note} is what the person who closed it wrote.
 */
public record FollowUpTask(UUID id, String connectionId, UUID userId, String userName, String kind, String field,
        String reason, String consolePath, BigDecimal monthlyCost, String currency, String status, String closedBy,
        String note, Instant created, Instant updated) {
}
