package dev.patchbay.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a user's SCIM representation shows besides its stored attributes — its groups (direct and through
 * nested groups) and its provisioning status — for a page of users in one SQL statement.
 */
@ApplicationScoped
public class UserDetails {

    public record Details(Map<UUID, List<GroupMembership>> groups, Map<UUID, VendorAccount> statuses) {
    }

    private final EntityManager entityManager;
    private final VendorAccounts accounts;
    private final java.time.Clock clock;

    public UserDetails(EntityManager entityManager, VendorAccounts accounts, java.time.Clock clock) {
        this.entityManager = entityManager;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The statuses, and the groups too when {@code withGroups}. */
    @Transactional
    public Details of(String connectionId, Collection<UUID> userIds, boolean withGroups) {
        Map<UUID, List<GroupMembership>> groups = new LinkedHashMap<>();
        Map<UUID, VendorAccount> statuses = new HashMap<>();
        if (userIds.isEmpty()) {
            return new Details(groups, statuses);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with recursive membership(user_id, group_id, depth) as (
                    select member_id, group_id, 1 from scim_group_member
                    where :groups and member_id = any(cast(:ids as uuid[]))
                    union
                    select m.user_id, parent.group_id, m.depth + 1
                    from membership m join scim_group_member parent on parent.member_id = m.group_id
                    where m.depth < 16
                )
                select 'group' as kind, m.user_id, m.group_id, g.display_name as text1, min(m.depth) as number,
                       null as text2, null as text3, null as seat, null as updated, false as due, false as planned
                from membership m join scim_group g on g.id = m.group_id
                group by m.user_id, m.group_id, g.display_name
                union all
                select 'account', a.user_id, null, a.vendor_id, a.pending_steps, a.status, a.last_error,
                       cast(a.applied_seat as text), a.updated,
                       exists (select 1 from provisioning_job j where j.connection_id = a.connection_id
                               and j.user_id = a.user_id
                               and (j.state = 'running' or (j.state = 'pending' and j.next_attempt_at <= :now))),
                       not exists (select 1 from provisioning_job j where j.connection_id = a.connection_id
                                   and j.user_id = a.user_id and j.state = 'pending' and j.next_attempt_at <= :now
                                   and j.updated > a.updated)
                from vendor_account a where a.connection_id = :connection and a.user_id = any(cast(:ids as uuid[]))
                order by kind, text1, group_id""")
                .setParameter("groups", withGroups)
                .setParameter("ids", GroupService.uuidArray(userIds))
                .setParameter("connection", connectionId)
                .setParameter("now", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                .getResultList();
        for (Object[] row : rows) {
            UUID userId = (UUID) row[1];
            if ("group".equals(row[0])) {
                groups.computeIfAbsent(userId, key -> new ArrayList<>())
                        .add(new GroupMembership((UUID) row[2], (String) row[3], ((Number) row[4]).intValue() == 1));
            } else {
                statuses.put(userId, VendorAccounts.withQueue(new VendorAccount((String) row[3],
                        accounts.seat((String) row[7]), (String) row[5], (String) row[6], ((Number) row[4]).intValue(),
                        (Instant) row[8]), (Boolean) row[9], (Boolean) row[10]));
            }
        }
        return new Details(groups, statuses);
    }
}
