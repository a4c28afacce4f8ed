package dev.patchbay.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * While PostgreSQL cannot be reached, every API answers 503 with Retry-After (IdPs retry those) in its
 * own error format, instead of a 500 that tells the caller nothing was stored for good.
 */
public class DatabaseUnavailable {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);

    @ServerExceptionMapper
    public Response connectionLost(JDBCConnectionException e, HttpServerRequest request) {
        return response(e, request);
    }

    @ServerExceptionMapper
    public Response noConnection(SQLTransientConnectionException e, HttpServerRequest request) {
        return response(e, request);
    }

    static Response response(Throwable e, HttpServerRequest request) {
        LOG.warnf("The database is unreachable (%s %s): %s", request.method(), request.path(), rootMessage(e));
        Response answer = ErrorResponses.of(request.path(), 503, null, "database_unavailable",
                "The service cannot reach its database; nothing was changed. Retry in a few seconds.");
        return Response.fromResponse(answer).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
