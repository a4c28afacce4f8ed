package dev.patchbay.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A connection in numbers: users by provisioning state, dead jobs, open tasks and the monthly cost they hold. */
@ApplicationScoped
public class ConnectionStats {

    /** {@code costAtStake}: the open tasks' monthly cost by currency. */
    public record Stats(Map<String, Long> usersByState, long users, long deadJobs, long openTasks,
            Map<String, BigDecimal> costAtStake) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    public ConnectionStats(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Stats of(String connectionId) {
        Map<String, Long> byState = new LinkedHashMap<>();
        UserDirectory.STATES.stream().sorted().forEach(state -> byState.put(state, 0L));
        @SuppressWarnings("unchecked")
        List<Object[]> states = entityManager.createNativeQuery("""
                select case when exists (select 1 from provisioning_job j
                        where j.connection_id = u.connection_id and j.user_id = u.id
                          and (j.state = 'running' or (j.state = 'pending' and j.next_attempt_at <= :now)))
                    then 'pending' else coalesce(a.status, 'pending') end as state, count(*)
                from scim_user u
                left join vendor_account a on a.connection_id = u.connection_id and a.user_id = u.id
                where u.connection_id = :connection group by 1""")
                .setParameter("connection", connectionId)
                .setParameter("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .getResultList();
        long users = 0;
        for (Object[] row : states) {
            long count = ((Number) row[1]).longValue();
            byState.put((String) row[0], count);
            users += count;
        }
        long dead = ((Number) entityManager.createNativeQuery(
                        "select count(*) from provisioning_job where connection_id = :connection and state = 'dead'")
                .setParameter("connection", connectionId).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> tasks = entityManager.createNativeQuery("""
                select coalesce(currency, ''), count(*), coalesce(sum(monthly_cost), 0) from followup_task
                where connection_id = :connection and status = 'open' group by 1 order by 1""")
                .setParameter("connection", connectionId).getResultList();
        long open = 0;
        Map<String, BigDecimal> cost = new LinkedHashMap<>();
        for (Object[] row : tasks) {
            open += ((Number) row[1]).longValue();
            BigDecimal sum = (BigDecimal) row[2];
            String currency = ((String) row[0]).strip();
            if (sum.signum() > 0) {
                cost.merge(currency.isEmpty() ? "?" : currency, sum, BigDecimal::add);
            }
        }
        return new Stats(byState, users, dead, open, cost);
    }
}
