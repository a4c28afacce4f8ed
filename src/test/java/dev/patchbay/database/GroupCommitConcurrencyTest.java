package dev.patchbay.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Group commit with several committers: each item committed once, before its submit returns, in groups. */
class GroupCommitConcurrencyTest {

    @Test
    void everyItemIsCommittedOnceBeforeItsSubmitReturnsAndNoMoreGroupsRunAtOnceThanCommitters() throws Exception {
        Set<Integer> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger groups = new AtomicInteger();
        GroupCommit<Integer> commits = new GroupCommit<>(group -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            groups.incrementAndGet();
            sleep(5); // a commit's flush: others queue up meanwhile
            group.forEach(item -> {
                if (!committed.add(item)) {
                    duplicates.incrementAndGet();
                }
            });
            inFlight.decrementAndGet();
        }, 2);
        ExecutorService submitters = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int item = i;
                answers.add(submitters.submit(() -> {
                    commits.submit(item);
                    return committed.contains(item);
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get(), "submit returned before its item was committed");
            }
        } finally {
            submitters.shutdownNow();
        }
        assertEquals(400, committed.size());
        assertEquals(0, duplicates.get());
        assertTrue(mostInFlight.get() <= 2, "at most two groups at once, saw " + mostInFlight.get());
        assertTrue(groups.get() < 200, "items went in groups: " + groups.get() + " commits for 400 items");
    }

    @Test
    @Timeout(10)
    void aFailingCommitReleasesItsItemsAndTheCommitterPlace() {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit<String> commits = new GroupCommit<>(group -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away");
            }
        }, 1);
        assertThrows(IllegalStateException.class, () -> commits.submit("first"));
        commits.submit("second"); // would wait forever if the failed group had kept its committer place
        assertEquals(2, calls.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
