package dev.patchbay.ops;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The metric names the files in deploy/monitoring query, and those a running Patchbay exports. */
public final class MonitoringQueries {

    /** Exported only where a TLS configuration serves a certificate (checked by the TLS tests). */
    public static final String TLS_ONLY = "patchbay_tls_";

    private static final Path MONITORING = Path.of("deploy", "monitoring");
    /** Label matchers, strings, range selectors and grouping clauses: what is left names metrics and functions. */
    private static final Pattern NOT_NAMES = Pattern.compile(
            "\\{[^}]*}|\"[^\"]*\"|\\[[^\\]]*]|\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    private MonitoringQueries() {
    }

    public static Set<String> metricNames(String expression) {
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

    /** The metric names of every expression of the alert rules. */
    public static Set<String> alertMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        alertExpressions().forEach(expression -> names.addAll(metricNames(expression)));
        return names;
    }

    public static List<String> alertExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("alerts.yaml").toFile());
        alerts.get("groups").forEach(group -> group.get("rules").forEach(rule -> expressions.add(rule.get("expr")
                .asText())));
        return expressions;
    }

    public static List<String> dashboardExpressions() throws IOException {
        return new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile()).findValues("expr")
                .stream().map(JsonNode::asText).toList();
    }

    /** The names of the samples the running application's /q/metrics holds now. */
    public static Set<String> exportedNames() {
        String exported = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return exported.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
