package dev.patchbay.connector;

/**
 * One user's part of a batched follow-up: the account, the value to set, and the value Patchbay last
 * applied ({@code previous}, null for none), so the vendor call can take back what Patchbay put there.
 */
public record BatchItem(long id, VendorRef ref, Object value, Object previous) {
}
