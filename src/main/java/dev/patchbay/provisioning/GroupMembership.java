package dev.patchbay.provisioning;

import java.util.UUID;

/** A group a user belongs to, directly or through nested groups. */
public record GroupMembership(UUID groupId, String displayName, boolean direct) {

    /**
     * The groups of some users, direct and nested up to 16 levels: rows of user id, group id, group name and
     * the shortest depth (1 = direct), by group name. {@code userIds} is the SQL for the users' uuid array.
     */
    static String nestedOf(String userIds) {
        return """
                with recursive membership(user_id, group_id, depth) as (
                    select member_id, group_id, 1 from scim_group_member where member_id = any(%s)
                    union
                    select m.user_id, parent.group_id, m.depth + 1
                    from membership m join scim_group_member parent on parent.member_id = m.group_id
                    where m.depth < 16
                )
                select m.user_id, m.group_id, g.display_name, min(m.depth)
                from membership m join scim_group g on g.id = m.group_id
                group by m.user_id, m.group_id, g.display_name
                order by g.display_name, m.group_id""".formatted(userIds);
    }
}
