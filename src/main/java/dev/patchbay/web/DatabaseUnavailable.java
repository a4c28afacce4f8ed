package dev.patchbay.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
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

    /** Whether {@code failure} (or what it wraps) says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down), or Agroal finding no connection. */
    private static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("Acquisition timeout") || message.contains("Connection refused")
                || message.contains("This connection has been closed");
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
