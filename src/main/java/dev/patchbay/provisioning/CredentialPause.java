package dev.patchbay.provisioning;

import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The vendor refused the connection's credentials (its login said so): the whole connection pauses,
 * on every instance, with one task for the admin, instead of each user failing on its own. After the
 * pause the next job tries again; the first sync that succeeds closes the task.
 */
@ApplicationScoped
class CredentialPause {

    static final String TASK_KIND = "vendor_credentials";
    /** One of a connection's several credentials was refused; the others carry on. */
    static final String SET_ASIDE_KIND = "vendor_credential_set_aside";
    static final Duration RECHECK = Duration.ofMinutes(5);

    private final RateLimiter rateLimiter;
    private final FollowUpTasks tasks;
    private final EntityManager entityManager;
    private final Clock clock;

    CredentialPause(RateLimiter rateLimiter, FollowUpTasks tasks, EntityManager entityManager, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.tasks = tasks;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void pause(String connectionId, String reason) {
        rateLimiter.pause(connectionId, RECHECK);
        if (!hasOpenTask(connectionId)) {
            tasks.raise(new FollowUpTasks.NewTask(connectionId, null, TASK_KIND, null,
                    "The vendor refused this connection's credentials; provisioning is paused until they work: "
                            + reason, "Patchbay > Connections > Settings", null, null));
        }
    }

    /** The vendor refused one of the connection's credentials, which is set aside: one task per credential. */
    @Transactional
    void setAside(String connectionId, String credential, String reason) {
        if (openTasks(connectionId, SET_ASIDE_KIND, credential) == 0) {
            tasks.raise(new FollowUpTasks.NewTask(connectionId, null, SET_ASIDE_KIND, credential,
                    "The vendor refused the credential '" + credential + "', which is set aside; the connection's"
                            + " other credentials carry on with less of a budget: " + reason,
                    "Patchbay > Connections > Settings", null, null));
        }
    }

    /** A credential set aside works again: its task is done. */
    @Transactional
    void reinstated(String connectionId, String credential) {
        entityManager.createNativeQuery("""
                update followup_task set status = 'verified', closed_by = 'connector', updated = :now
                where connection_id = :connection and user_id is null and kind = :kind and field = :field
                  and status = 'open'""")
                .setParameter("connection", connectionId).setParameter("kind", SET_ASIDE_KIND)
                .setParameter("field", credential)
                .setParameter("now", clock.instant().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
    }

    private long openTasks(String connectionId, String kind, String field) {
        return ((Number) entityManager.createNativeQuery("""
                        select count(*) from followup_task where connection_id = :connection and user_id is null
                          and kind = :kind and field = :field and status = 'open'""")
                .setParameter("connection", connectionId).setParameter("kind", kind).setParameter("field", field)
                .getSingleResult()).longValue();
    }

    /** A sync went through, so the credentials work (again): an open credentials task is done. */
    @Transactional
    void settled(String connectionId) {
        entityManager.createNativeQuery("""
                update followup_task set status = 'verified', closed_by = 'connector', updated = :now
                where connection_id = :connection and user_id is null and kind = :kind and status = 'open'""")
                .setParameter("connection", connectionId).setParameter("kind", TASK_KIND)
                .setParameter("now", clock.instant().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
    }

    // Connection-level tasks have no user, and the one-open-task index treats each null user as distinct.
    @Transactional
    boolean hasOpenTask(String connectionId) {
        return ((Number) entityManager.createNativeQuery("""
                        select count(*) from followup_task
                        where connection_id = :connection and user_id is null and kind = :kind and status = 'open'""")
                .setParameter("connection", connectionId).setParameter("kind", TASK_KIND).getSingleResult())
                .longValue() > 0;
    }
}
