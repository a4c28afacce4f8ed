package dev.patchbay.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.ops.MonitoringQueries;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The certificate expiry gauge per TLS configuration, against the certificates {@link TlsFromPemFiles} made:
 * the served one expires within two days, the named configuration's expired eight days ago.
 */
@QuarkusTest
@TestProfile(TlsFromPemFiles.class)
class TlsCertificateMetricsTest {

    /** Leeway for the time between reading the gauge and reading the clock here. */
    private static final long LEEWAY_SECONDS = 300;

    @Test
    void theGaugeCountsTheSecondsUntilEachConfigurationsCertificateExpires() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        double served = gauge(metrics, "<default>");
        assertNear(secondsUntil(TlsFromPemFiles.certificate("fullchain.pem").getNotAfter().toInstant()), served);
        assertTrue(served > 0 && served < Duration.ofDays(14).toSeconds(), "valid, and within the alert's 14 days: " + served);

        double expired = gauge(metrics, TlsFromPemFiles.EXPIRED);
        assertNear(secondsUntil(TlsFromPemFiles.certificate(TlsFromPemFiles.EXPIRED + "-fullchain.pem").getNotAfter()
                .toInstant()), expired);
        assertTrue(expired < -Duration.ofDays(7).toSeconds(), "expired eight days ago: " + expired);
    }

    @Test
    void theAlertRulesCertificateMetricsAreExportedWhereACertificateIsServed() throws IOException {
        Set<String> queried = new TreeSet<>(MonitoringQueries.alertMetrics());
        queried.removeIf(name -> !name.startsWith(MonitoringQueries.TLS_ONLY));
        assertFalse(queried.isEmpty(), "the alert rules watch the certificate");
        queried.removeAll(MonitoringQueries.exportedNames());
        assertEquals(Set.of(), queried, "queried by deploy/monitoring/alerts.yaml but not in /q/metrics");
    }

    private static double gauge(String metrics, String configuration) {
        Matcher sample = Pattern.compile("(?m)^" + TlsCertificateMetrics.GAUGE + "\\{tls_configuration=\""
                + Pattern.quote(configuration) + "\"} (\\S+)$").matcher(metrics);
        assertTrue(sample.find(), "no gauge for TLS configuration " + configuration + " in\n" + metrics.lines()
                .filter(line -> line.contains(TlsCertificateMetrics.GAUGE)).toList());
        return Double.parseDouble(sample.group(1));
    }

    private static long secondsUntil(Instant notAfter) {
        return Duration.between(Instant.now(), notAfter).toSeconds();
    }

    private static void assertNear(long expected, double actual) {
        assertTrue(Math.abs(expected - actual) <= LEEWAY_SECONDS, "expected about " + expected + ", was " + actual);
    }
}
