package dev.patchbay.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit: whoever submits while no group is being committed commits every item waiting at that
 * moment, as one group; items submitted meanwhile wait and go in the next group. One submitter commits
 * at a time, so a group grows with the load and a lone request never waits for company.
 */
public final class GroupCommit<T> {

    public static final int MAX_GROUP = 128;

    private final ConcurrentLinkedQueue<Item<T>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();
    private final Consumer<List<T>> commit;

    public GroupCommit(Consumer<List<T>> commit) {
        this.commit = commit;
    }

    /** Returns once {@code value} has been committed, as part of a group (the commit decides its outcome). */
    public void submit(T value) {
        Item<T> item = new Item<>(value);
        waiting.add(item);
        committing.lock();
        try {
            while (!item.done) {
                List<Item<T>> group = new ArrayList<>();
                Item<T> next;
                while (group.size() < MAX_GROUP && (next = waiting.poll()) != null) {
                    group.add(next);
                }
                try {
                    commit.accept(group.stream().map(Item::value).toList());
                } finally {
                    group.forEach(Item::finish);
                }
            }
        } finally {
            committing.unlock();
        }
    }

    private static final class Item<T> {
        private final T value;
        private volatile boolean done;

        Item(T value) {
            this.value = value;
        }

        T value() {
            return value;
        }

        void finish() {
            done = true;
        }
    }
}
