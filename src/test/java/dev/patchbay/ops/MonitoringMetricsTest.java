package dev.patchbay.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.followup.TaskMetrics;
import dev.patchbay.job.JobWorker;
import dev.patchbay.job.QueueMetrics;
import dev.patchbay.provisioning.FakeVendor;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every metric the alert rules and the Grafana dashboard in deploy/monitoring query is one Patchbay exports. */
@QuarkusTest
class MonitoringMetricsTest {

    /** Written by Prometheus itself for every scrape target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Inject
    JobWorker worker;

    @Inject
    FakeVendor vendor;

    @Inject
    QueueMetrics queueMetrics;

    @Inject
    TaskMetrics taskMetrics;

    @AfterEach
    void resetVendor() {
        vendor.reset();
    }

    @Test
    void everyQueriedMetricIsExportedAfterSomeProvisioning() throws IOException {
        Set<String> queried = new TreeSet<>(MonitoringQueries.alertMetrics());
        int alertMetrics = queried.size();
        MonitoringQueries.dashboardExpressions().forEach(expression -> queried.addAll(metricNames(expression)));
        assertTrue(alertMetrics >= 5 && queried.size() > alertMetrics, "the files were read: " + queried);

        provisionAndFailOnCredentials();
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(MonitoringQueries.exportedNames());
        missing.removeAll(PROMETHEUS_OWN);
        // this application serves no certificate: TlsCertificateMetricsTest checks those where one is served
        missing.removeIf(name -> name.startsWith(MonitoringQueries.TLS_ONLY));
        assertEquals(Set.of(), missing, "queried in deploy/monitoring but not in /q/metrics");
    }

    @Test
    void theNameExtractionKeepsMetricsAndDropsFunctionsLabelsAndVariables() {
        assertEquals(Set.of("patchbay_a_total", "patchbay_b_seconds_sum", "up"), metricNames(
                "sum by (connection, outcome) (rate(patchbay_a_total{kind=\"x\",c=~\"$connection\"}[$__rate_interval]))"
                        + " / on (connection) histogram_quantile(0.9, patchbay_b_seconds_sum) > 0 and up == 1"));
    }

    /** One user provisioned through the fake vendor, another refused for credentials (a vendor_credentials task). */
    private void provisionAndFailOnCredentials() {
        ScimFixture scim = ScimFixture.create("monitoring");
        scim.createUser("seen@example.com");
        drain();
        scim.createUser("refused@example.com");
        vendor.failNext("refused@example.com", () -> new ConnectorException.AuthFailed("token revoked"));
        drain();
        queueMetrics.refresh();
        taskMetrics.refresh();
    }

    private void drain() {
        for (int i = 0; i < 100 && worker.runOnce("monitoring-worker") > 0; i++) {
            // keep going
        }
    }

    private static Set<String> metricNames(String expression) {
        return MonitoringQueries.metricNames(expression);
    }
}
