package dev.patchbay.connector;

/** Whether a vendor account answers with the configured credentials: up, credentials refused, or not reachable. */
public record Health(State state, String detail) {

    public enum State {
        UP,
        CREDENTIALS_REJECTED,
        UNREACHABLE
    }

    public static Health up(String detail) {
        return new Health(State.UP, detail);
    }

    /** The state a failed check call stands for. */
    public static Health of(ConnectorException failure) {
        State state = failure instanceof ConnectorException.AuthFailed ? State.CREDENTIALS_REJECTED
                : failure instanceof ConnectorException.Retryable ? State.UNREACHABLE : State.CREDENTIALS_REJECTED;
        return new Health(state, failure.getMessage());
    }

    public boolean up() {
        return state == State.UP;
    }
}
