package dev.patchbay.scim;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An emails lookup that matches many users pages and counts like any other filter, whether the emails index
 * finds few users (read by their ids) or more than a thousand (read by the filter itself).
 */
@QuarkusTest
class SharedEmailPagingTest {

    @Inject
    EntityManager entityManager;

    private ScimFixture scim;

    @BeforeEach
    void users() {
        scim = ScimFixture.create("shared-email");
        share("desk@example.com", 1_205);
        share("front@example.com", 3);
    }

    /** {@code count} users whose one work email is {@code email}, written straight into the table. */
    private void share(String email, int count) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into scim_user (id, connection_id, user_name, active, resource, email_keys, version, created,
                                       last_modified)
                select gen_random_uuid(), :connection, 'user' || i || '.' || :email, true,
                       jsonb_build_object('userName', 'user' || i || '.' || :email, 'active', true,
                           'emails', jsonb_build_array(jsonb_build_object('type', 'work', 'value', :email))),
                       array['*:' || :email, 'work:' || :email], 0,
                       timestamptz '2026-01-01' + i * interval '1 second', now()
                from generate_series(1, :count) as i""")
                .setParameter("connection", scim.connection).setParameter("email", email)
                .setParameter("count", count).executeUpdate());
    }

    private String filter(String email) {
        return "/Users?filter=emails[type eq \"work\"].value eq \"" + email + "\"";
    }

    @Test
    void moreThanAThousandMatchesPageAndCountInCreationOrder() {
        scim.get(filter("desk@example.com") + "&startIndex=1101&count=100").statusCode(200)
                .body("totalResults", equalTo(1_205)).body("itemsPerPage", equalTo(100))
                .body("Resources", hasSize(100))
                .body("Resources[0].userName", equalTo("user1101.desk@example.com"))
                .body("Resources[99].userName", equalTo("user1200.desk@example.com"))
                .body("Resources.emails.flatten().value", everyItem(equalTo("desk@example.com")));
        scim.get(filter("desk@example.com") + "&startIndex=1201&count=100").statusCode(200)
                .body("totalResults", equalTo(1_205)).body("Resources", hasSize(5));
    }

    @Test
    void aFewMatchesPageAndCountInCreationOrder() {
        scim.get(filter("front@example.com") + "&count=2").statusCode(200)
                .body("totalResults", equalTo(3)).body("Resources.userName",
                        equalTo(List.of("user1.front@example.com", "user2.front@example.com")));
        scim.get(filter("front@example.com") + "&startIndex=3&count=2").statusCode(200)
                .body("totalResults", equalTo(3)).body("Resources.userName",
                        equalTo(List.of("user3.front@example.com")));
        scim.get(filter("nobody@example.com")).statusCode(200).body("totalResults", equalTo(0));
    }
}
