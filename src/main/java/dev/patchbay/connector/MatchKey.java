package dev.patchbay.connector;

/** What identifies an existing vendor account when Patchbay has no id for it yet (adoption, retries). */
public record MatchKey(String userName, String email, String externalId) {
}
