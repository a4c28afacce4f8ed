package dev.patchbay.audit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every API request a request id (echoed as {@code X-Request-Id}) and, once the answer is known,
 * records SCIM writes, admin actions and failed authentication in the audit log. The entry is written in
 * its own transaction after the request's: a failure to write it is logged, never turned into an error
 * for the caller, whose change is already committed.
 */
public class AuditFilters {

    /** Before authentication and throttling, so that their answers carry the request id too. */
    static final int PRIORITY = Priorities.AUTHENTICATION - 300;
    private static final Logger LOG = Logger.getLogger(AuditFilters.class);

    private final AuditedRequest audited;
    private final AuditLog log;
    private final RequestEntries entries;

    public AuditFilters(AuditedRequest audited, AuditLog log, RequestEntries entries) {
        this.audited = audited;
        this.log = log;
        this.entries = entries;
    }

    @ServerRequestFilter(priority = PRIORITY)
    public void start(ContainerRequestContext request) {
        RequestTarget target = RequestTarget.of(request.getMethod(), request.getUriInfo().getPath());
        if (target != null) {
            audited.start(RequestIds.honourOrGenerate(request.getHeaderString(RequestIds.HEADER)), target);
        }
    }

    @ServerResponseFilter
    public void finish(ContainerResponseContext response, HttpServerRequest http) {
        RequestTarget target = audited.target();
        if (target == null) {
            return;
        }
        response.getHeaders().putSingle(RequestIds.HEADER, audited.requestId());
        int status = response.getStatus();
        if (!target.audited(status) || audited.written()) {
            return;
        }
        try {
            log.record(entry(target, status, response, http));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not write the audit entry of request %s (%s %s, status %d)", audited.requestId(),
                    target.method(), target.path(), status);
        }
    }

    private AuditEntry entry(RequestTarget target, int status, ContainerResponseContext response,
            HttpServerRequest http) {
        String resourceId = target.resourceId();
        String connectionId = target.connectionId();
        if (resourceId == null && status == 201 && response.getHeaders().getFirst("Location") != null) {
            resourceId = lastSegment(String.valueOf(response.getHeaders().getFirst("Location")));
            if (connectionId == null && "connections".equals(target.resourceType())) {
                connectionId = resourceId;
            }
        }
        return entries.entry(target, status, connectionId, resourceId, http);
    }

    private static String lastSegment(String location) {
        String path = URI.create(location).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
