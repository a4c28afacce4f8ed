package dev.patchbay.sandbox.eightbyeight;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The fault queue: each matching request (or operation) takes one use of the first fault that applies. */
@ApplicationScoped
public class Faults {

    private final List<Fault> queue = new ArrayList<>();

    synchronized void add(List<Fault> faults) {
        queue.addAll(faults);
    }

    synchronized void clear() {
        queue.clear();
    }

    synchronized List<Fault> pending() {
        return List.copyOf(queue);
    }

    synchronized Optional<Fault> nextForRequest(Fault.Api api) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).appliesTo(api)) {
                return Optional.of(take(i));
            }
        }
        return Optional.empty();
    }

    /** The failure message for the next operation, when a fault asks for one. */
    synchronized Optional<String> nextOperationFailure() {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).type() == Fault.Type.OPERATION_FAILURE) {
                return Optional.of(take(i).message());
            }
        }
        return Optional.empty();
    }

    private Fault take(int index) {
        Fault fault = queue.get(index);
        if (fault.count() <= 1) {
            queue.remove(index);
        } else {
            queue.set(index, fault.consumeOne());
        }
        return fault;
    }
}
