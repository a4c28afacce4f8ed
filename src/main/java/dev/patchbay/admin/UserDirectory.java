package dev.patchbay.admin;

import dev.patchbay.provisioning.EmailKeys;
import dev.patchbay.provisioning.VendorAccount;
import dev.patchbay.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A connection's users as admins look them up: by userName (prefix), email or externalId, by provisioning
 * state, in pages linked by a keyset cursor on the lower-cased userName (the unique index of
 * {@code scim_user}), so that the last page of 100,000 users costs what the first does.
 */
@ApplicationScoped
public class UserDirectory {

    public static final int MAX_PAGE = 200;
    public static final Set<String> STATES = Set.of(VendorAccount.PENDING, VendorAccount.PROVISIONED,
            VendorAccount.NEEDS_ACTION, VendorAccount.FAILED);
    static final int MAX_QUERY = 256;

    /** {@code state} is {@code pending} while a job is due or running, or before the first run. */
    public record ListedUser(UUID id, String userName, String displayName, String externalId, boolean active,
            String state, String vendorId, String lastError, long openTasks) {
    }

    public record UserPage(List<ListedUser> items, String nextCursor) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    public UserDirectory(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * The user a path or body names, by SCIM id or by userName (case-insensitive, as the IdP's uniqueness):
     * empty when the connection has no such user (a userName of a user deleted at the IdP is gone with it).
     */
    @Transactional
    public Optional<UUID> resolve(String connectionId, String idOrUserName) {
        if (idOrUserName == null || idOrUserName.isBlank() || idOrUserName.length() > MAX_QUERY) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(idOrUserName));
        } catch (IllegalArgumentException notAnId) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = entityManager.createNativeQuery("""
                    select id from scim_user where connection_id = :connection and lower(user_name) = lower(:name)""")
                    .setParameter("connection", connectionId).setParameter("name", idOrUserName.strip())
                    .getResultList();
            return ids.stream().findFirst();
        }
    }

    /** The userName of a user the IdP still has. */
    @Transactional
    public Optional<String> userName(String connectionId, UUID id) {
        @SuppressWarnings("unchecked")
        List<String> names = entityManager.createNativeQuery(
                "select user_name from scim_user where connection_id = :connection and id = :id")
                .setParameter("connection", connectionId).setParameter("id", id).getResultList();
        return names.stream().findFirst();
    }

    /**
     * The users a search names, each found by an index of its own (userName prefix, email, externalId): as one
     * {@code or} over the whole connection no index serves it, and the page walked every user (2.7 s at p95 with
     * 100,000 users).
     */
    private static final String MATCHING = """
            (select id from scim_user where connection_id = :connection
                and lower(user_name) like cast(:prefix as text) escape '\\'
             union
             select id from scim_user where connection_id = :connection
                and email_keys @> array[cast(:emailKey as text)]
             union
             select id from scim_user where connection_id = :connection and external_id = cast(:q as text)) m
            join scim_user u on u.id = m.id""";

    /** Checks the parameters (400 for a bad one); the connection must exist. */
    @Transactional
    public UserPage search(String connectionId, String query, String state, String cursor, int size) {
        String q = query == null || query.isBlank() ? null : query.strip();
        if (q != null && q.length() > MAX_QUERY) {
            throw ApiException.invalid("q", "must be at most " + MAX_QUERY + " characters");
        }
        String st = state == null || state.isBlank() ? null : state;
        if (st != null && !STATES.contains(st)) {
            throw ApiException.invalid("state", "must be one of " + STATES.stream().sorted().toList());
        }
        if (size < 1 || size > MAX_PAGE) {
            throw ApiException.invalid("size", "must be between 1 and " + MAX_PAGE);
        }
        String after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        Query select = entityManager.createNativeQuery("""
                select u.id, u.user_name, u.display_name, u.external_id, u.active, s.state, a.vendor_id, a.last_error,
                       (select count(*) from followup_task t where t.connection_id = u.connection_id
                          and t.user_id = u.id and t.status = 'open'), lower(u.user_name)
                from %s
                left join vendor_account a on a.connection_id = u.connection_id and a.user_id = u.id
                cross join lateral (select case when exists (select 1 from provisioning_job j
                        where j.connection_id = u.connection_id and j.user_id = u.id
                          and (j.state = 'running' or (j.state = 'pending' and j.next_attempt_at <= :now)))
                    then 'pending' else coalesce(a.status, 'pending') end as state) s
                where u.connection_id = :connection
                  and (cast(:after as text) is null or lower(u.user_name) > cast(:after as text))
                  and (cast(:state as text) is null or s.state = cast(:state as text))
                order by lower(u.user_name)
                limit :limit""".formatted(q == null ? "scim_user u" : MATCHING))
                .setParameter("connection", connectionId)
                .setParameter("after", after)
                .setParameter("state", st)
                .setParameter("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .setParameter("limit", size + 1);
        if (q != null) {
            select.setParameter("q", q).setParameter("prefix", likePrefix(q))
                    .setParameter("emailKey", EmailKeys.anyType(q));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<ListedUser> users = rows.stream().limit(size).map(UserDirectory::user).toList();
        String next = rows.size() > size ? encode((String) rows.get(size - 1)[9]) : null;
        return new UserPage(users, next);
    }

    private static ListedUser user(Object[] row) {
        return new ListedUser((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (Boolean) row[4],
                (String) row[5], (String) row[6], (String) row[7], ((Number) row[8]).longValue());
    }

    private static String likePrefix(String q) {
        return q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!key.isEmpty()) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.invalid("cursor", "must be a nextCursor from an earlier page");
    }
}
