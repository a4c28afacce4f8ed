package dev.patchbay.provisioning;

import dev.patchbay.job.JobQueue;
import dev.patchbay.store.ScimGroup;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps the IdP's view of groups and their members, one transaction per SCIM write. */
@ApplicationScoped
public class GroupService {

    private final EntityManager entityManager;
    private final JsonColumns json;
    private final JobQueue jobs;
    private final Clock clock;

    public GroupService(EntityManager entityManager, JsonColumns json, JobQueue jobs, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional
    public StoredGroup create(String connectionId, GroupData data, Collection<UUID> memberIds) {
        lockDisplayName(connectionId, data.displayName());
        requireUniqueDisplayName(connectionId, data.displayName(), null);
        Instant now = now();
        ScimGroup group = new ScimGroup();
        group.id = UUID.randomUUID();
        group.connectionId = connectionId;
        group.created = now;
        group.version = 0;
        fill(group, data, now);
        group.persist();
        entityManager.flush();
        new Edit(group).addMembers(memberIds);
        return view(group);
    }

    @Transactional
    public Optional<StoredGroup> find(String connectionId, UUID id) {
        return findEntity(connectionId, id, LockModeType.NONE).map(this::view);
    }

    /**
     * Changes a group under a row lock. {@code change} may edit members through the {@link GroupEdit}
     * and returns the group's new data; whatever it throws rolls everything back.
     */
    @Transactional
    public StoredGroup update(String connectionId, UUID id, Optional<Long> expectedVersion,
            Function<GroupEdit, GroupData> change) {
        ScimGroup group = findEntity(connectionId, id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProvisioningException.notFound("Group", id));
        UserService.requireVersion(group.version, expectedVersion);
        GroupData data = change.apply(new Edit(group));
        if (!data.displayName().equalsIgnoreCase(group.displayName)) {
            lockDisplayName(connectionId, data.displayName());
            requireUniqueDisplayName(connectionId, data.displayName(), group.id);
        }
        if (!data.displayName().equals(group.displayName)) {
            jobs.enqueueMembers(connectionId, group.id);
        }
        fill(group, data, now());
        group.version++;
        return view(group);
    }

    @Transactional
    public void delete(String connectionId, UUID id, Optional<Long> expectedVersion) {
        ScimGroup group = findEntity(connectionId, id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProvisioningException.notFound("Group", id));
        UserService.requireVersion(group.version, expectedVersion);
        jobs.enqueueMembers(connectionId, group.id);
        entityManager.createNativeQuery("delete from scim_group_member where member_id = :id")
                .setParameter("id", id).executeUpdate();
        group.delete();
    }

    /** Members of each group with a display name, in the order they were added. */
    @Transactional
    public Map<UUID, List<Member>> membersOf(Collection<UUID> groupIds) {
        Map<UUID, List<Member>> members = new LinkedHashMap<>();
        if (groupIds.isEmpty()) {
            return members;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select m.group_id, m.member_id, m.member_type, coalesce(u.display_name, u.user_name, g.display_name)
                from scim_group_member m
                left join scim_user u on u.id = m.member_id
                left join scim_group g on g.id = m.member_id
                where m.group_id = any(cast(:ids as uuid[]))
                order by m.added, m.member_id""")
                .setParameter("ids", uuidArray(groupIds))
                .getResultList();
        for (Object[] row : rows) {
            members.computeIfAbsent((UUID) row[0], key -> new ArrayList<>())
                    .add(new Member((UUID) row[1], Member.MemberType.valueOf((String) row[2]), (String) row[3]));
        }
        return members;
    }

    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private final class Edit implements GroupEdit {

        private final ScimGroup group;

        private Edit(ScimGroup group) {
            this.group = group;
        }

        @Override
        public StoredGroup current() {
            return view(group);
        }

        @Override
        public void addMembers(Collection<UUID> memberIds) {
            if (memberIds.isEmpty()) {
                return;
            }
            Set<UUID> wanted = new LinkedHashSet<>(memberIds);
            if (wanted.contains(group.id)) {
                throw new ProvisioningException(ProvisioningException.Kind.INVALID_MEMBER,
                        "A group cannot be a member of itself");
            }
            int inserted = entityManager.createNativeQuery("""
                    insert into scim_group_member (group_id, member_id, member_type, connection_id, added)
                    select :group, candidate.id, candidate.type, :connection, :now
                    from (select u.id, 'User' as type from scim_user u
                            where u.connection_id = :connection and u.id = any(cast(:ids as uuid[]))
                          union all
                          select g.id, 'Group' from scim_group g
                            where g.connection_id = :connection and g.id = any(cast(:ids as uuid[]))) candidate
                    on conflict (group_id, member_id) do nothing""")
                    .setParameter("group", group.id)
                    .setParameter("connection", group.connectionId)
                    .setParameter("now", now())
                    .setParameter("ids", uuidArray(wanted))
                    .executeUpdate();
            if (inserted < wanted.size()) {
                requireKnownMembers(wanted);
            }
            enqueueUsers(wanted);
        }

        private void requireKnownMembers(Set<UUID> wanted) {
            @SuppressWarnings("unchecked")
            List<UUID> known = entityManager.createNativeQuery("""
                    select id from scim_user where connection_id = :connection and id = any(cast(:ids as uuid[]))
                    union all
                    select id from scim_group where connection_id = :connection and id = any(cast(:ids as uuid[]))""")
                    .setParameter("connection", group.connectionId)
                    .setParameter("ids", uuidArray(wanted))
                    .getResultList();
            Set<UUID> unknown = new LinkedHashSet<>(wanted);
            known.forEach(unknown::remove);
            if (!unknown.isEmpty()) {
                throw new ProvisioningException(ProvisioningException.Kind.INVALID_MEMBER,
                        "No user or group with id " + unknown.stream().map(UUID::toString)
                                .collect(Collectors.joining(", ")) + " in this connection");
            }
        }

        @Override
        public void removeMembers(Collection<UUID> memberIds) {
            if (!memberIds.isEmpty()) {
                enqueueUsers(memberIds);
                entityManager.createNativeQuery(
                                "delete from scim_group_member where group_id = :group and member_id = any(cast(:ids as uuid[]))")
                        .setParameter("group", group.id)
                        .setParameter("ids", uuidArray(memberIds))
                        .executeUpdate();
            }
        }

        @Override
        public void removeAllMembers() {
            jobs.enqueueMembers(group.connectionId, group.id);
            entityManager.createNativeQuery("delete from scim_group_member where group_id = :group")
                    .setParameter("group", group.id).executeUpdate();
        }

        /** A membership change changes the users' seats (group rules, vendor groups). */
        private void enqueueUsers(Collection<UUID> memberIds) {
            jobs.enqueueUsers(group.connectionId, uuidArray(memberIds));
        }
    }

    private Optional<ScimGroup> findEntity(String connectionId, UUID id, LockModeType lock) {
        return ScimGroup.<ScimGroup>find("id = ?1 and connectionId = ?2", id, connectionId)
                .withLock(lock).firstResultOptional();
    }

    private void lockDisplayName(String connectionId, String displayName) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "group:" + connectionId + ":" + displayName.toLowerCase(Locale.ROOT))
                .getSingleResult();
    }

    private void requireUniqueDisplayName(String connectionId, String displayName, UUID except) {
        long clashes = ScimGroup.count("connectionId = ?1 and lower(displayName) = lower(?2) and id <> ?3",
                connectionId, displayName, except == null ? new UUID(0, 0) : except);
        if (clashes > 0) {
            throw new ProvisioningException(ProvisioningException.Kind.UNIQUENESS,
                    "displayName '" + displayName + "' is already taken by another group in this connection");
        }
    }

    private void fill(ScimGroup group, GroupData data, Instant now) {
        group.displayName = data.displayName();
        group.externalId = data.externalId();
        group.resource = json.write(data.attributes());
        group.lastModified = now;
    }

    private StoredGroup view(ScimGroup group) {
        return new StoredGroup(group.id, new GroupData(group.displayName, group.externalId, json.read(group.resource)),
                group.version, group.created, group.lastModified);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
