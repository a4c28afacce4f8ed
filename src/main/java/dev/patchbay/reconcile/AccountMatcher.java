package dev.patchbay.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Seat;
import dev.patchbay.provisioning.EmailKeys;
import dev.patchbay.provisioning.SeatJson;
import dev.patchbay.provisioning.policy.PolicyDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the IdP user of a vendor account: the user Patchbay linked to it, else one the connection's matching
 * keys find (the way a first sync would adopt it); and the linked accounts a run did not see.
 */
@ApplicationScoped
public class AccountMatcher {

    /** The user Patchbay linked to an account, what it applied there, and the user's state at the IdP. */
    public record Link(UUID userId, String vendorRef, Seat applied, Boolean idpActive, String userName) {
    }

    /** An IdP user the matching keys find, and the account Patchbay links it to (null for none). */
    public record Match(UUID userId, boolean idpActive, String linkedTo) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public AccountMatcher(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    public Optional<Link> linked(String connectionId, String vendorRef) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select a.user_id, a.vendor_id, cast(a.applied_seat as text), u.active, u.user_name
                from vendor_account a left join scim_user u on u.id = a.user_id
                where a.connection_id = :connection and a.vendor_id = :ref limit 1""")
                .setParameter("connection", connectionId).setParameter("ref", vendorRef).getResultList();
        return rows.stream().findFirst().map(this::link);
    }

    /** The keys named by the policy's matching (default userName and email), as a first sync uses them. */
    public Optional<Match> match(String connectionId, MatchKey vendorKeys, PolicyDocument policy) {
        List<String> by = policy.matching() == null || policy.matching().by() == null
                ? List.of("userName", "email") : policy.matching().by();
        String userName = by.contains("userName") ? blankToNull(vendorKeys.userName()) : null;
        String email = by.contains("email") ? blankToNull(vendorKeys.email()) : null;
        if (userName == null && email == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select u.id, u.active, a.vendor_id
                from scim_user u left join vendor_account a on a.connection_id = u.connection_id and a.user_id = u.id
                where u.connection_id = :connection
                  and ((cast(:userName as text) is not null and lower(u.user_name) = lower(:userName))
                    or (cast(:emailKey as text) is not null and u.email_keys @> array[cast(:emailKey as text)]))
                order by (lower(u.user_name) = lower(coalesce(:userName, ''))) desc, u.created limit 1""")
                .setParameter("connection", connectionId).setParameter("userName", userName)
                .setParameter("emailKey", email == null ? null : EmailKeys.anyType(email)).getResultList();
        return rows.stream().findFirst().map(row -> new Match((UUID) row[0], (Boolean) row[1], (String) row[2]));
    }

    /**
     * Accounts Patchbay links (recorded before the run started) that the run did not list: the vendor no
     * longer has them.
     */
    public List<Link> unseen(String connectionId, UUID runId, Instant runStarted) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select a.user_id, a.vendor_id, cast(a.applied_seat as text), u.active, u.user_name
                from vendor_account a left join scim_user u on u.id = a.user_id
                where a.connection_id = :connection and a.vendor_id is not null and a.updated < :started
                  and not exists (select 1 from reconciliation_finding f
                                  where f.run_id = :run and f.vendor_ref = a.vendor_id)
                order by a.vendor_id""")
                .setParameter("connection", connectionId).setParameter("started", runStarted)
                .setParameter("run", runId).getResultList();
        return rows.stream().map(this::link).toList();
    }

    private Link link(Object[] row) {
        return new Link((UUID) row[0], (String) row[1], seat((String) row[2]), (Boolean) row[3], (String) row[4]);
    }

    private Seat seat(String json) {
        if (json == null) {
            return null;
        }
        try {
            return SeatJson.read(objectMapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
