package dev.patchbay.connector;

/** The vendor's id of an account. */
public record VendorRef(String id) {
}
