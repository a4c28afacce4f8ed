package dev.patchbay.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.connector.Seat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads and records each user's vendor account; every change commits on its own, right after the call. */
@ApplicationScoped
public class VendorAccounts {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public VendorAccounts(EntityManager entityManager, ObjectMapper objectMapper, Clock clock) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Transactional
    public Optional<VendorAccount> find(String connectionId, UUID userId) {
        return statuses(connectionId, List.of(userId)).values().stream().findFirst();
    }

    @Transactional
    public Map<UUID, VendorAccount> statuses(String connectionId, Collection<UUID> userIds) {
        Map<UUID, VendorAccount> accounts = new HashMap<>();
        if (userIds.isEmpty()) {
            return accounts;
        }
        // A job due or running means the vendor is not (yet) what the IdP asked for, whatever the last run left.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select a.user_id, a.vendor_id, cast(a.applied_seat as text), a.status, a.last_error, a.pending_steps,
                       a.updated,
                       exists (select 1 from provisioning_job j where j.connection_id = a.connection_id
                               and j.user_id = a.user_id
                               and (j.state = 'running' or (j.state = 'pending' and j.next_attempt_at <= :now))),
                       not exists (select 1 from provisioning_job j where j.connection_id = a.connection_id
                                   and j.user_id = a.user_id and j.state = 'pending' and j.next_attempt_at <= :now
                                   and j.updated > a.updated)
                from vendor_account a
                where a.connection_id = :connection and a.user_id = any(cast(:ids as uuid[]))""")
                .setParameter("connection", connectionId)
                .setParameter("ids", GroupService.uuidArray(userIds))
                .setParameter("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .getResultList();
        for (Object[] row : rows) {
            accounts.put((UUID) row[0], withQueue(new VendorAccount((String) row[1], seat((String) row[2]),
                    (String) row[3], (String) row[4], ((Number) row[5]).intValue(), (Instant) row[6]), (Boolean) row[7], (Boolean) row[8]));
        }
        return accounts;
    }

    /**
     * The account as admins see it: {@code pending} while a job for the user is due or running, whatever
     * the last run left, with the steps planned for it ({@link PendingStepsPreview} plans a due job soon
     * after the IdP's change; until then at least one step is taken to lie ahead).
     */
    static VendorAccount withQueue(VendorAccount account, boolean jobDue, boolean planned) {
        return jobDue ? new VendorAccount(account.vendorId(), account.applied(), VendorAccount.PENDING,
                account.lastError(), planned ? account.pendingSteps() : Math.max(1, account.pendingSteps()),
                account.updated()) : account;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void save(String connectionId, UUID userId, VendorAccount account) {
        entityManager.createNativeQuery("""
                insert into vendor_account (connection_id, user_id, vendor_id, applied_seat, status, last_error,
                                            pending_steps, updated)
                values (:connection, :user, :vendorId, cast(:seat as jsonb), :status, :error, :pending, :now)
                on conflict (connection_id, user_id) do update set vendor_id = excluded.vendor_id,
                    applied_seat = excluded.applied_seat, status = excluded.status, last_error = excluded.last_error,
                    pending_steps = excluded.pending_steps, updated = excluded.updated""")
                .setParameter("connection", connectionId)
                .setParameter("user", userId)
                .setParameter("vendorId", account.vendorId())
                .setParameter("seat", account.applied() == null ? null : json(account.applied()))
                .setParameter("status", account.status())
                .setParameter("error", account.lastError())
                .setParameter("pending", account.pendingSteps())
                .setParameter("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    private String json(Seat seat) {
        try {
            return objectMapper.writeValueAsString(SeatJson.write(seat));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Seat seat(String json) {
        if (json == null) {
            return null;
        }
        try {
            return SeatJson.read(objectMapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
