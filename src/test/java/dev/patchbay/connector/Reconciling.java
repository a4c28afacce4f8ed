package dev.patchbay.connector;

import static dev.patchbay.TestApi.admin;
import static org.hamcrest.Matchers.equalTo;

import dev.patchbay.reconcile.Reconciler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.util.Map;

/** Reconciliation runs of one connection in end-to-end tests, started through the admin API and carried on by hand. */
public final class Reconciling {

    private final Reconciler reconciler;
    private final EntityManager entityManager;
    private final EndToEnd e2e;
    private final String connection;

    public Reconciling(Reconciler reconciler, EntityManager entityManager, EndToEnd e2e, String connection) {
        this.reconciler = reconciler;
        this.entityManager = entityManager;
        this.e2e = e2e;
        this.connection = connection;
    }

    /**
     * Starts a run and carries it on until it ends: the rate-limit budget reset between rounds (a minute
     * gone by), the provisioning its actions queued drained.
     */
    public JsonPath reconcile(boolean preview) {
        String run = admin().body(Map.of("preview", preview)).post("/admin/v1/connections/{c}/reconciliations", connection)
                .then().statusCode(202).body("state", equalTo("running")).extract().path("id");
        for (int round = 0; round < 20 && "running".equals(run(run).getString("run.state")); round++) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "delete from rate_limit_budget where connection_id = :c").setParameter("c", connection).executeUpdate());
            reconciler.runDue(connection, 100);
            e2e.drain();
        }
        return run(run);
    }

    /** The run with its first page of findings. */
    public JsonPath run(String run) {
        return admin().get("/admin/v1/connections/{c}/reconciliations/{r}", connection, run).then().statusCode(200)
                .extract().jsonPath();
    }
}
