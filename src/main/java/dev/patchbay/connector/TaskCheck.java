package dev.patchbay.connector;

/** An open follow-up task a connector may be able to verify by reading the vendor (kind and field). */
public record TaskCheck(String kind, String field) {
}
