package dev.patchbay.secrets;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A vendor secret goes through every path that logs (connection create and update, a provisioning run
 * whose vendor login fails, a dry run, a rotation) and appears in no log record of Patchbay's, down to
 * debug level, nor in any other record, message or stack trace.
 */
@QuarkusTest
class SecretsNeverLoggedTest {

    private static final String SECRET = "never-log-this-secret-7f3a";

    @Inject
    JobWorker worker;

    @Test
    void aVendorSecretAppearsInNoLogRecord() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter text = new StringWriter();
                text.append(String.valueOf(record.getMessage())).append(' ');
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        text.append(String.valueOf(parameter)).append(' ');
                    }
                }
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                logged.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger patchbay = Logger.getLogger("dev.patchbay");
        Level before = patchbay.getLevel();
        patchbay.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            // The capture sees what the application logs (a debug record of ours, here).
            org.jboss.logging.Logger.getLogger("dev.patchbay.probe").debugf("probe %s", "visible");
            String sandbox = "http://127.0.0.1:" + RestAssured.port + "/sandbox/genesys";
            String connection = uniqueConnectionId("no-log");
            Map<String, Object> settings = Map.of("apiBaseUrl", sandbox, "loginBaseUrl", sandbox,
                    "clientId", "sandbox-genesys-client", "clientSecret", SECRET);
            admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "No log", "settings", settings))
                    .post("/admin/v1/connections").then().statusCode(201);
            String token = createToken(connection);
            String user = given().auth().oauth2(token).contentType("application/scim+json")
                    .body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"quiet@example.com\"}")
                    .post("/scim/v2/" + connection + "/Users").then().statusCode(201).extract().path("id");
            for (int i = 0; i < 5 && worker.runOnce("no-log-worker") > 0; i++) {
                // the vendor refuses the client secret: the failure is logged and recorded
            }
            admin().body("{\"userId\":\"" + user + "\"}").post("/admin/v1/connections/{c}/policy/dry-run", connection)
                    .then().statusCode(200);
            Map<String, Object> renewed = new java.util.HashMap<>(settings);
            renewed.put("clientSecret", SECRET + "-2");
            admin().body(Map.of("displayName", "No log, renamed", "settings", renewed))
                    .put("/admin/v1/connections/{c}", connection).then().statusCode(200);
            admin().post("/admin/v1/secrets/rotate").then().statusCode(200);
        } finally {
            root.removeHandler(capture);
            patchbay.setLevel(before);
        }
        assertTrue(logged.stream().anyMatch(record -> record.contains("visible")), "log records are captured");
        for (String record : logged) {
            assertFalse(record.contains(SECRET), "a log record shows the secret: " + record);
        }
    }
}
