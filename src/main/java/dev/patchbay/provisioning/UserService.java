package dev.patchbay.provisioning;

import dev.patchbay.job.JobQueue;
import dev.patchbay.store.ScimUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keeps the IdP's view of users, one transaction per SCIM write; each write enqueues the user's
 * provisioning job in the same transaction.
 */
@ApplicationScoped
public class UserService {

    private final EntityManager entityManager;
    private final JsonColumns json;
    private final JobQueue jobs;
    private final Clock clock;

    public UserService(EntityManager entityManager, JsonColumns json, JobQueue jobs, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.jobs = jobs;
        this.clock = clock;
    }

    public record Created(StoredUser user, boolean reactivated) {
    }

    /**
     * Creates the user. When an inactive user of the connection has the same externalId, that user is
     * reactivated with the new data instead: Okta re-assigns a user whose userName changed by POSTing
     * again with the same externalId.
     */
    @Transactional
    public Created create(String connectionId, UserData data) {
        lockUserName(connectionId, data.userName());
        if (data.externalId() != null) {
            Optional<ScimUser> retained = ScimUser.<ScimUser>find(
                            "connectionId = ?1 and externalId = ?2 and active = false", connectionId, data.externalId())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
            if (retained.isPresent()) {
                ScimUser user = retained.get();
                requireUniqueUserName(connectionId, data.userName(), user.id);
                apply(user, data);
                jobs.enqueue(connectionId, user.id);
                return new Created(view(user), true);
            }
        }
        requireUniqueUserName(connectionId, data.userName(), null);
        Instant now = now();
        ScimUser user = new ScimUser();
        user.id = UUID.randomUUID();
        user.connectionId = connectionId;
        user.version = 0;
        user.created = now;
        fill(user, data, now);
        user.persist();
        jobs.enqueue(connectionId, user.id);
        return new Created(view(user), false);
    }

    @Transactional
    public Optional<StoredUser> find(String connectionId, UUID id) {
        return findEntity(connectionId, id, LockModeType.NONE).map(this::view);
    }

    /**
     * Changes a user under a row lock, so concurrent writes to one user never lose an update.
     * {@code change} sees the current state and returns the new data; whatever it throws rolls back.
     */
    @Transactional
    public StoredUser update(String connectionId, UUID id, Optional<Long> expectedVersion,
            Function<StoredUser, UserData> change) {
        ScimUser user = findEntity(connectionId, id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProvisioningException.notFound("User", id));
        requireVersion(user.version, expectedVersion);
        UserData data = change.apply(view(user));
        lockUserName(connectionId, data.userName());
        requireUniqueUserName(connectionId, data.userName(), user.id);
        apply(user, data);
        jobs.enqueue(connectionId, user.id);
        return view(user);
    }

    @Transactional
    public void delete(String connectionId, UUID id, Optional<Long> expectedVersion) {
        ScimUser user = findEntity(connectionId, id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProvisioningException.notFound("User", id));
        requireVersion(user.version, expectedVersion);
        entityManager.createNativeQuery("delete from scim_group_member where member_id = :id")
                .setParameter("id", id).executeUpdate();
        user.delete();
        entityManager.createNativeQuery("""
                insert into scim_user_tombstone (connection_id, user_id, deleted_at) values (:connection, :id, :now)
                on conflict do nothing""")
                .setParameter("connection", connectionId).setParameter("id", id).setParameter("now", now())
                .executeUpdate();
        jobs.enqueue(connectionId, id);
    }

    /** Removes a user as if it had never been created (a synchronous create the vendor refused). */
    @Transactional
    public void discard(String connectionId, UUID id) {
        findEntity(connectionId, id, LockModeType.PESSIMISTIC_WRITE).ifPresent(user -> {
            entityManager.createNativeQuery("delete from scim_group_member where member_id = :id")
                    .setParameter("id", id).executeUpdate();
            entityManager.createNativeQuery("delete from vendor_account where connection_id = :c and user_id = :id")
                    .setParameter("c", connectionId).setParameter("id", id).executeUpdate();
            user.delete();
        });
    }

    /** When the IdP deleted the user, if it did. */
    @Transactional
    public Optional<Instant> deletedAt(String connectionId, UUID id) {
        @SuppressWarnings("unchecked")
        List<Instant> found = entityManager.createNativeQuery(
                        "select deleted_at from scim_user_tombstone where connection_id = :connection and user_id = :id")
                .setParameter("connection", connectionId).setParameter("id", id).getResultList();
        return found.stream().findFirst();
    }

    /** The groups each user belongs to, directly or through nested groups. */
    @Transactional
    public Map<UUID, List<GroupMembership>> groupsOf(Collection<UUID> userIds) {
        Map<UUID, List<GroupMembership>> groups = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return groups;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(GroupMembership.nestedOf("cast(:ids as uuid[])"))
                .setParameter("ids", GroupService.uuidArray(userIds))
                .getResultList();
        for (Object[] row : rows) {
            groups.computeIfAbsent((UUID) row[0], key -> new ArrayList<>())
                    .add(new GroupMembership((UUID) row[1], (String) row[2], ((Number) row[3]).intValue() == 1));
        }
        return groups;
    }

    private Optional<ScimUser> findEntity(String connectionId, UUID id, LockModeType lock) {
        return ScimUser.<ScimUser>find("id = ?1 and connectionId = ?2", id, connectionId)
                .withLock(lock).firstResultOptional();
    }

    /** Serialises writes that claim the same userName, so the uniqueness check cannot race. */
    private void lockUserName(String connectionId, String userName) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", userNameLockKey(connectionId, userName))
                .getSingleResult();
    }

    /** The key of the advisory lock on a userName ({@link UserCreates} takes the same). */
    static String userNameLockKey(String connectionId, String userName) {
        return "user:" + connectionId + ":" + userName.toLowerCase(java.util.Locale.ROOT);
    }

    private void requireUniqueUserName(String connectionId, String userName, UUID except) {
        long clashes = ScimUser.count("connectionId = ?1 and lower(userName) = lower(?2) and id <> ?3",
                connectionId, userName, except == null ? new UUID(0, 0) : except);
        if (clashes > 0) {
            throw new ProvisioningException(ProvisioningException.Kind.UNIQUENESS,
                    "userName '" + userName + "' is already taken in this connection");
        }
    }

    static void requireVersion(long current, Optional<Long> expected) {
        if (expected.isPresent() && expected.get() != current) {
            throw ProvisioningException.versionMismatch(current);
        }
    }

    private void apply(ScimUser user, UserData data) {
        fill(user, data, now());
        user.version++;
    }

    private void fill(ScimUser user, UserData data, Instant now) {
        user.userName = data.userName();
        user.externalId = data.externalId();
        user.displayName = data.displayName();
        user.active = data.active();
        user.emailKeys = data.emailKeys().toArray(String[]::new);
        user.resource = json.write(data.attributes());
        user.lastModified = now;
    }

    private StoredUser view(ScimUser user) {
        return new StoredUser(user.id,
                new UserData(user.userName, user.externalId, user.displayName, user.active,
                        List.of(user.emailKeys), json.read(user.resource)),
                user.version, user.created, user.lastModified);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
