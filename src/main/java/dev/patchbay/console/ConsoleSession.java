package dev.patchbay.console;

import java.time.Instant;

/** A signed-in console user: who, with which admin role, the CSRF token of their forms, until when. */
public record ConsoleSession(String actor, String role, String csrf, Instant expires) {
}
