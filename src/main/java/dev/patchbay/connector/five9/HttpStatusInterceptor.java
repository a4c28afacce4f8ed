package dev.patchbay.connector.five9;

import dev.patchbay.connector.ConnectorException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Turns an answer that is not SOAP (anything but 200 and the 500 of a SOAP fault: Five9's HTML 401 for
 * wrong credentials, a 429 or 503 from a proxy) into a typed failure before CXF tries to parse it, keeping
 * its Retry-After. Needs the conduit's {@code no_io_exceptions}, or CXF throws with the headers lost.
 */
final class HttpStatusInterceptor extends AbstractPhaseInterceptor<Message> {

    HttpStatusInterceptor() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        Integer status = (Integer) message.get(Message.RESPONSE_CODE);
        if (status == null || status == 200 || status == 500) {
            return;
        }
        throw new Fault(failure(status, retryAfter(message)));
    }

    static ConnectorException failure(int status, Duration retryAfter) {
        if (status == 401 || status == 403) {
            return new ConnectorException.AuthFailed("Five9 refused the admin user's credentials (HTTP " + status + ")");
        }
        if (status == 429 || status == 408 || status >= 500) {
            return new ConnectorException.Retryable("Five9 answered HTTP " + status, retryAfter);
        }
        return new ConnectorException.Rejected("Five9 answered HTTP " + status);
    }

    @SuppressWarnings("unchecked")
    private static Duration retryAfter(Message message) {
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if ("Retry-After".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                try {
                    return Duration.ofSeconds(Long.parseLong(header.getValue().get(0).trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
