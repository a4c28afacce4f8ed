package dev.patchbay.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Seeds benchmark connections with SQL, which is much faster than the API at 100,000 users. */
final class BenchSeed {

    private BenchSeed() {
    }

    /**
     * {@code users} users ("user{i}@bench.example", externalId "ext-{i}", a work email) and a tenth as many
     * groups ("Group {i}"), written straight into the tables the gateway reads.
     */
    static void usersAndGroups(EntityManager entityManager, String connection, int users) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into scim_user (id, connection_id, user_name, external_id, display_name, active, resource,
                                           email_keys, version, created, last_modified)
                    select gen_random_uuid(), :c, 'user' || i || '@bench.example', 'ext-' || i, 'User ' || i, true,
                           jsonb_build_object('userName', 'user' || i || '@bench.example', 'externalId', 'ext-' || i,
                               'displayName', 'User ' || i, 'active', true,
                               'emails', jsonb_build_array(jsonb_build_object('type', 'work', 'primary', true,
                                   'value', 'user' || i || '@bench.example'))),
                           array['*:user' || i || '@bench.example', 'work:user' || i || '@bench.example'],
                           0, now(), now()
                    from generate_series(0, :n - 1) as i""")
                    .setParameter("c", connection).setParameter("n", users).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into scim_group (id, connection_id, display_name, external_id, resource, version, created,
                                            last_modified)
                    select gen_random_uuid(), :c, 'Group ' || i, 'gext-' || i,
                           jsonb_build_object('displayName', 'Group ' || i), 0, now(), now()
                    from generate_series(0, :n - 1) as i""")
                    .setParameter("c", connection).setParameter("n", Math.max(1, users / 10)).executeUpdate();
            entityManager.createNativeQuery("analyze scim_user").executeUpdate();
            entityManager.createNativeQuery("analyze scim_group").executeUpdate();
        });
    }

}
