package dev.patchbay.connector;

/** A connection setting that is missing, unknown or malformed, and why. */
public record SettingViolation(String setting, String message) {
}
