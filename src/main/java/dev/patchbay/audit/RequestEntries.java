package dev.patchbay.audit;

import dev.patchbay.admin.AdminCaller;
import dev.patchbay.scim.auth.ScimCaller;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** The audit entry of the current request for a given outcome: who asked, for what, from where. */
@ApplicationScoped
class RequestEntries {

    static final String ANONYMOUS = "anonymous";

    private final AuditedRequest audited;
    private final AuditLog log;
    private final ScimCaller scimCaller;
    private final AdminCaller adminCaller;

    RequestEntries(AuditedRequest audited, AuditLog log, ScimCaller scimCaller, AdminCaller adminCaller) {
        this.audited = audited;
        this.log = log;
        this.scimCaller = scimCaller;
        this.adminCaller = adminCaller;
    }

    AuditEntry entry(RequestTarget target, int status, String connectionId, String resourceId,
            HttpServerRequest http) {
        String actor;
        String role = null;
        if (status == 401) {
            actor = ANONYMOUS;
        } else if (target.api().equals(RequestTarget.SCIM)) {
            actor = scimCaller.principal() != null ? scimCaller.principal() : ANONYMOUS;
        } else {
            actor = adminCaller.subject() != null ? adminCaller.subject() : ANONYMOUS;
            role = adminCaller.role();
        }
        String source = http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return new AuditEntry(null, log.now(), audited.requestId(), actor, role, target.api(), target.method(),
                target.path(), target.operation(), connectionId, target.resourceType(), resourceId, status,
                audited.attributes(), source);
    }
}
