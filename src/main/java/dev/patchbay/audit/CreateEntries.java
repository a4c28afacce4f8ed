package dev.patchbay.audit;

import dev.patchbay.provisioning.CreateAuditTrail;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** The audit entry of a SCIM create, captured on the request's thread for the create's grouped statement. */
@ApplicationScoped
class CreateEntries implements CreateAuditTrail {

    private static final int CREATED = 201;

    private final AuditedRequest audited;
    private final RequestEntries entries;
    private final AuditLog log;
    private final CurrentVertxRequest currentRequest;

    CreateEntries(AuditedRequest audited, RequestEntries entries, AuditLog log, CurrentVertxRequest currentRequest) {
        this.audited = audited;
        this.entries = entries;
        this.log = log;
        this.currentRequest = currentRequest;
    }

    @Override
    public Row capture() {
        RequestTarget target = audited.target();
        if (target == null || !target.api().equals(RequestTarget.SCIM) || !target.audited(CREATED)) {
            return null;
        }
        RoutingContext context = currentRequest.getCurrent();
        return log.row(entries.entry(target, CREATED, target.connectionId(), null,
                context == null ? null : context.request()));
    }

    @Override
    public void writtenWithCreate() {
        audited.markWritten();
    }
}
