package dev.patchbay.console;

import dev.patchbay.admin.AdminCredentials;
import dev.patchbay.security.Secrets;
import jakarta.enterprise.context.RequestScoped;

/**
 * The console session of this request. Every write checks the form's CSRF token first and then asks the
 * admin API's permission table whether the role may make the equivalent admin API call.
 */
@RequestScoped
public class ConsoleCaller {

    private ConsoleSession session;
    private String sessionId;

    void signedIn(String sessionId, ConsoleSession session) {
        this.sessionId = sessionId;
        this.session = session;
    }

    public ConsoleSession session() {
        return session;
    }

    String sessionId() {
        return sessionId;
    }

    /** Whether the role may POST to this admin API path (the buttons a page shows follow this). */
    public boolean may(String adminPath) {
        return may("POST", adminPath);
    }

    public boolean may(String method, String adminPath) {
        return session != null && AdminCredentials.allows(session.role(), method, adminPath);
    }

    /** 403 unless the form carries this session's CSRF token and the role may make the admin call. */
    public void requireWrite(String csrf, String adminPath) {
        requireWrite(csrf, "POST", adminPath);
    }

    public void requireWrite(String csrf, String method, String adminPath) {
        requireCsrf(csrf);
        if (!may(method, adminPath)) {
            throw ConsoleErrors.refused(403, "Your role '" + session.role() + "' may not do this.");
        }
    }

    public void requireCsrf(String csrf) {
        if (session == null || csrf == null || !Secrets.constantTimeEquals(session.csrf(), csrf)) {
            throw ConsoleErrors.refused(403, "The form is missing its CSRF token or it has expired; reload the page.");
        }
    }
}
