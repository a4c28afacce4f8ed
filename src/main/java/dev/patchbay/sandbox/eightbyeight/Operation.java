package dev.patchbay.sandbox.eightbyeight;

import java.time.Instant;

/**
 * An asynchronous Admin API change. It stays PENDING until its due time, then runs against the state
 * of that moment and ends COMPLETED or FAILED; nothing changes before it runs.
 */
record Operation(String operationId, Type type, String resourceId, Instant createdTime, Instant dueTime,
        AdminUserInput input, String injectedFailure, Status status, Instant completedTime, AdminError error) {

    enum Type { CREATE, UPDATE, DELETE }

    enum Status { PENDING, COMPLETED, FAILED }

    static Operation pending(String operationId, Type type, String resourceId, Instant createdTime,
            Instant dueTime, AdminUserInput input, String injectedFailure) {
        return new Operation(operationId, type, resourceId, createdTime, dueTime, input, injectedFailure,
                Status.PENDING, null, null);
    }

    Operation completed() {
        return new Operation(operationId, type, resourceId, createdTime, dueTime, input, injectedFailure,
                Status.COMPLETED, dueTime, null);
    }

    Operation failed(AdminError failure) {
        return new Operation(operationId, type, resourceId, createdTime, dueTime, input, injectedFailure,
                Status.FAILED, dueTime, failure);
    }

    boolean pending() {
        return status == Status.PENDING;
    }
}
