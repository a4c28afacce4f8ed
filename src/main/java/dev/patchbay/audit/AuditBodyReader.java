package dev.patchbay.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Notes the attribute names of an audited write's body as the body is read, then hands the same bytes on. */
@Provider
public class AuditBodyReader implements ReaderInterceptor {

    private final AuditedRequest request;
    private final ObjectMapper objectMapper;

    public AuditBodyReader(AuditedRequest request, ObjectMapper objectMapper) {
        this.request = request;
        this.objectMapper = objectMapper;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RequestTarget target = request.target();
        if (target == null || !target.collectsBody()) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            request.attributes(AttributeNames.of(target.body(), objectMapper.readTree(body)));
        } catch (IOException | RuntimeException e) {
            // A body that is not JSON (or breaks a limit) names no attributes; the endpoint reports the error.
        }
        return context.proceed();
    }
}
