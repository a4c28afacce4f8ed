package dev.patchbay.sandbox.five9;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One request at a time per admin user: Five9 denies concurrent requests made with the same credentials
 * ({@code SessionClosedFault}). A request holds its user's session until its answer has been sent.
 */
@ApplicationScoped
public class AdminSessions {

    private final Set<String> busy = new HashSet<>();

    /** Opens the user's session, or refuses when a request of that user is still running. */
    synchronized void open(String adminUser) {
        if (!busy.add(adminUser)) {
            throw Five9Fault.of("SessionClosedFault", "Session closed while the request is executed because another"
                    + " session is started concurrently with the same credentials");
        }
    }

    synchronized void close(String adminUser) {
        busy.remove(adminUser);
    }

    synchronized List<String> busy() {
        return busy.stream().sorted().toList();
    }

    synchronized void reset() {
        busy.clear();
    }
}
