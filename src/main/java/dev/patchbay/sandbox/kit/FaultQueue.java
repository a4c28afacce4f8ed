package dev.patchbay.sandbox.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The faults queued through {@code _control/faults}, in order: each matching request takes one use of
 * the first fault that applies. A simulator makes it a bean by subclassing it with its {@link FaultSchema}.
 */
public class FaultQueue {

    private final FaultSchema schema;
    private final List<Fault> queue = new ArrayList<>();

    protected FaultQueue(FaultSchema schema) {
        this.schema = schema;
    }

    public FaultSchema schema() {
        return schema;
    }

    public synchronized void add(List<Fault> faults) {
        queue.addAll(faults);
    }

    public synchronized void clear() {
        queue.clear();
    }

    public synchronized List<Fault> pending() {
        return List.copyOf(queue);
    }

    /** One use of the first fault that hits {@code api}. */
    public Optional<Fault> nextFor(String api) {
        return take(fault -> fault.appliesTo(api));
    }

    /** One use of the first fault that {@code which} accepts. */
    public synchronized Optional<Fault> take(Predicate<Fault> which) {
        for (int i = 0; i < queue.size(); i++) {
            Fault fault = queue.get(i);
            if (which.test(fault)) {
                if (fault.count() <= 1) {
                    queue.remove(i);
                } else {
                    queue.set(i, fault.consumeOne());
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
