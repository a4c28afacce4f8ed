package dev.patchbay.connector;

import java.time.Duration;
import java.util.Optional;

/** A failed vendor call, typed by what the engine should do about it. */
public abstract sealed class ConnectorException extends RuntimeException {

    protected ConnectorException(String message) {
        super(message);
    }

    /** 429, 5xx, timeouts: try again later, no sooner than {@code retryAfter} when the vendor said so. */
    public static final class Retryable extends ConnectorException {
        private final Duration retryAfter;

        public Retryable(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The account exists already (correlate with {@link Connector#find}). */
    public static final class Conflict extends ConnectorException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The account is gone at the vendor. */
    public static final class NotFound extends ConnectorException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The vendor refuses for good (validation, an exhausted license pool): shown to the admin. */
    public static final class Rejected extends ConnectorException {
        public Rejected(String message) {
            super(message);
        }
    }

    /**
     * The vendor cannot do this step until a person acts (an exhausted license pool): a follow-up task
     * is raised from {@code template}, the user's other steps go on, and the step is tried again later.
     */
    public static final class NeedsAction extends ConnectorException {
        private final TaskTemplate template;

        public NeedsAction(String message, TaskTemplate template) {
            super(message);
            this.template = template;
        }

        public TaskTemplate template() {
            return template;
        }
    }

    /** The credentials do not work: the connection pauses until an admin fixes them. */
    public static final class AuthFailed extends ConnectorException {
        public AuthFailed(String message) {
            super(message);
        }
    }
}
