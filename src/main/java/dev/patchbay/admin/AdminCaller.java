package dev.patchbay.admin;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling the admin API in this request, for the audit trail and role checks. */
@RequestScoped
public class AdminCaller {

    private String subject;
    private String role;

    public void authenticated(String subject, String role) {
        this.subject = subject;
        this.role = role;
    }

    /** For example {@code bootstrap}; null before authentication. */
    public String subject() {
        return subject;
    }

    /** {@code admin}, {@code operator} or {@code viewer}. */
    public String role() {
        return role;
    }
}
