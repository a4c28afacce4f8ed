package dev.patchbay.connector.five9;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.five9.soap.ConcurrentModificationException;
import dev.patchbay.connector.five9.soap.OperationsLimitExceededException;
import dev.patchbay.connector.five9.soap.SessionClosedException;
import dev.patchbay.connector.five9.soap.TooManyUsersException;
import dev.patchbay.connector.five9.soap.UserAlreadyExistsException;
import dev.patchbay.connector.five9.soap.UserNotFoundException;
import jakarta.xml.ws.WebServiceException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The one place a Five9 SOAP fault or transport failure becomes a typed connector failure. */
final class Five9Failures {

    /** SessionClosedFault: another request of the same admin user is running; it ends within moments. */
    static final Duration SESSION_BUSY = Duration.ofSeconds(1);

    private final Clock clock;

    Five9Failures(Clock clock) {
        this.clock = clock;
    }

    ConnectorException classify(Exception failure) {
        if (failure instanceof OperationsLimitExceededException limit) {
            return new ConnectorException.Retryable("Five9 request limit: " + limit.getMessage(),
                    untilWindowEnds(limit.getMessage()));
        }
        if (failure instanceof SessionClosedException || failure instanceof ConcurrentModificationException) {
            return new ConnectorException.Retryable("Five9 is busy with another request: " + failure.getMessage(),
                    SESSION_BUSY);
        }
        if (failure instanceof TooManyUsersException) {
            return new ConnectorException.NeedsAction("Five9: " + failure.getMessage(), Five9Capabilities.BUY_SEATS);
        }
        if (failure instanceof UserAlreadyExistsException) {
            return new ConnectorException.Conflict("Five9: " + failure.getMessage());
        }
        if (failure instanceof UserNotFoundException) {
            return new ConnectorException.NotFound("Five9: " + failure.getMessage());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectorException typed) {
                return typed;
            }
            if (cause instanceof SocketTimeoutException || cause instanceof java.net.ConnectException) {
                return new ConnectorException.Retryable("Five9 did not answer: " + cause.getMessage(), null);
            }
        }
        if (failure instanceof WebServiceException) {
            return new ConnectorException.Retryable("Five9 call failed: " + failure.getMessage(), null);
        }
        // The other declared faults (invalid data, unknown skill or group, missing role, extension in use).
        return new ConnectorException.Rejected("Five9: " + failure.getMessage());
    }

    /**
     * Five9's counters reset at the top of the minute, hour or day its message names, and it sends no
     * Retry-After. The day is taken in UTC: the data center's zone is not in the answer, so a day limit
     * may be retried up to a few hours early and is then refused again.
     */
    Duration untilWindowEnds(String message) {
        String text = message == null ? "" : message.toLowerCase();
        ChronoUnit unit = text.contains("day") ? ChronoUnit.DAYS : text.contains("hour") ? ChronoUnit.HOURS
                : ChronoUnit.MINUTES;
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime end = now.truncatedTo(unit).plus(1, unit);
        return Duration.between(now, end).plusSeconds(1);
    }
}
