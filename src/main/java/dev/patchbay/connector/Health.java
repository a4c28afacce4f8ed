package dev.patchbay.connector;

/** Whether a vendor account answers with the configured credentials. */
public record Health(boolean up, String detail) {
}
