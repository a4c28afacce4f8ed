package dev.patchbay.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Group commit: a submitter that finds one of the {@code committers} places free commits every item waiting
 * at that moment, as one group; items submitted meanwhile wait and go in a later group. A group grows with
 * the load and a lone request never waits for company. More than one group in flight keeps the database
 * busy while another group waits for its commit to be flushed.
 */
public final class GroupCommit<T> {

    public static final int MAX_GROUP = 128;

    private final ConcurrentLinkedQueue<Item<T>> waiting = new ConcurrentLinkedQueue<>();
    private final Object monitor = new Object();
    private final Consumer<List<T>> commit;
    private int freeCommitters;

    public GroupCommit(Consumer<List<T>> commit) {
        this(commit, 1);
    }

    public GroupCommit(Consumer<List<T>> commit, int committers) {
        if (committers < 1) {
            throw new IllegalArgumentException("at least one committer");
        }
        this.commit = commit;
        this.freeCommitters = committers;
    }

    /** Returns once {@code value} has been committed, as part of a group (the commit decides its outcome). */
    public void submit(T value) {
        Item<T> item = new Item<>(value);
        waiting.add(item);
        while (takeCommitterPlace(item)) {
            List<Item<T>> group = new ArrayList<>();
            try {
                Item<T> next;
                while (group.size() < MAX_GROUP && (next = waiting.poll()) != null) {
                    group.add(next);
                }
                if (!group.isEmpty()) {
                    commit.accept(group.stream().map(Item::value).toList());
                }
            } finally {
                synchronized (monitor) {
                    group.forEach(Item::finish);
                    freeCommitters++;
                    monitor.notifyAll();
                }
            }
        }
    }

    /**
     * Waits until the item is committed (false) or a committer place is free while items wait (true, and the
     * place is taken). A submitter whose item is in another committer's group just waits for that group.
     */
    private boolean takeCommitterPlace(Item<T> item) {
        boolean interrupted = false;
        try {
            synchronized (monitor) {
                while (!item.done && (freeCommitters == 0 || waiting.isEmpty())) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (item.done) {
                    return false;
                }
                freeCommitters--;
                return true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Item<T> {
        private final T value;
        private boolean done; // guarded by the monitor

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
