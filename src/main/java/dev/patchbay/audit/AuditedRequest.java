package dev.patchbay.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/** What the audit trail learns about the current request before its response is written. */
@RequestScoped
public class AuditedRequest {

    private String requestId;
    private RequestTarget target;
    private List<String> attributes = List.of();
    private boolean written;

    void start(String requestId, RequestTarget target) {
        this.requestId = requestId;
        this.target = target;
    }

    /** The request id (also echoed as {@code X-Request-Id}); null outside the APIs. */
    public String requestId() {
        return requestId;
    }

    RequestTarget target() {
        return target;
    }

    List<String> attributes() {
        return attributes;
    }

    void attributes(List<String> names) {
        this.attributes = List.copyOf(names);
    }

    /** Whether the entry was already written with the change itself (a grouped SCIM create). */
    boolean written() {
        return written;
    }

    void markWritten() {
        this.written = true;
    }
}
