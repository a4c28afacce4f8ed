package dev.patchbay.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.followup.TaskMetrics;
import dev.patchbay.job.JobWorker;
import dev.patchbay.job.QueueMetrics;
import dev.patchbay.provisioning.FakeVendor;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every metric the alert rules and the Grafana dashboard in deploy/monitoring query is one Patchbay exports. */
@QuarkusTest
class MonitoringMetricsTest {

    private static final Path MONITORING = Path.of("deploy", "monitoring");
    /** Label matchers, strings, range selectors and grouping clauses: what is left names metrics and functions. */
    private static final Pattern NOT_NAMES = Pattern.compile(
            "\\{[^}]*}|\"[^\"]*\"|\\[[^\\]]*]|\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");
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
        Set<String> queried = new TreeSet<>();
        alertExpressions().forEach(expression -> queried.addAll(metricNames(expression)));
        int alertMetrics = queried.size();
        dashboardExpressions().forEach(expression -> queried.addAll(metricNames(expression)));
        assertTrue(alertMetrics >= 5 && queried.size() > alertMetrics, "the files were read: " + queried);

        provisionAndFailOnCredentials();
        String exported = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> names = exported.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(names);
        missing.removeAll(PROMETHEUS_OWN);
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

    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(NOT_NAMES.matcher(expression).replaceAll(" "));
        while (identifiers.find()) {
            String name = identifiers.group();
            if (!KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> alertExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("alerts.yaml").toFile());
        alerts.get("groups").forEach(group -> group.get("rules").forEach(rule -> expressions.add(rule.get("expr")
                .asText())));
        return expressions;
    }

    private static List<String> dashboardExpressions() throws IOException {
        return new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile()).findValues("expr")
                .stream().map(JsonNode::asText).toList();
    }
}
