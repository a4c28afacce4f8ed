package dev.patchbay.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/** Tells a failure that means "PostgreSQL cannot be reached right now" from every other failure. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether {@code failure} (or what it wraps) says the database could not be reached. */
    public static boolean unreachable(Throwable failure) {
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
}
