package dev.patchbay.console;

import java.time.Instant;

/**
 * A signed-in console user: who, with which admin role, the CSRF token of their forms, until when, and for
 * a sign-in at the OIDC provider when it is confirmed there next ({@code recheckAt}, else null).
 */
public record ConsoleSession(String actor, String role, String csrf, Instant expires, Instant recheckAt) {

    public ConsoleSession(String actor, String role, String csrf, Instant expires) {
        this(actor, role, csrf, expires, null);
    }

    ConsoleSession withRole(String newRole) {
        return new ConsoleSession(actor, newRole, csrf, expires, recheckAt);
    }
}
