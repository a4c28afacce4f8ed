package dev.patchbay.secrets;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Secret settings are stored encrypted (raw column checked), decrypted for connectors, rotated and re-sealed. */
@QuarkusTest
class SecretsAtRestTest {

    /** The retired key k1 of the test configuration (%test.patchbay.secrets.key). */
    private static final String TEST_K1 = "k1:7Z4Q2zNvOe0m5n3FyWQb8u7J0rW9kqL3d2Hc1xVvT6Y=";

    @Inject
    DataSource dataSource;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    ObjectMapper objectMapper;

    @Test
    void theSettingsColumnHoldsNoPlaintextSecretAndTheConnectorGetsIt() throws Exception {
        String id = uniqueConnectionId("enc");
        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "Enc",
                        "settings", Map.of("region", "mypurecloud.com", "clientId", "client-1",
                                "clientSecret", "plain-secret-1",
                                "taskWebhook", Map.of("url", "https://hooks.example.com/t", "secret", "pk-plain-2"))))
                .post("/admin/v1/connections").then().statusCode(201)
                .body("secretSettings", equalTo(java.util.List.of("clientSecret", "taskWebhook.secret")))
                .body("settings.taskWebhook.url", equalTo("https://hooks.example.com/t"))
                .body("settings.taskWebhook.secret", org.hamcrest.Matchers.nullValue());
        String raw = rawSettings(id);
        assertFalse(raw.contains("plain-secret-1"), raw);
        assertFalse(raw.contains("pk-plain-2"), raw);
        assertTrue(raw.contains("\"kid\": \"k2\""), raw);
        assertTrue(raw.contains("mypurecloud.com") && raw.contains("client-1"), "non-secret settings stay readable: " + raw);

        Map<String, Object> open = opened(id);
        assertEquals("plain-secret-1", open.get("clientSecret"));
        assertEquals(Map.of("url", "https://hooks.example.com/t", "secret", "pk-plain-2"), open.get("taskWebhook"));

        // An update that leaves the secrets out keeps them; a new secret is encrypted too.
        admin().body(Map.of("displayName", "Enc 2", "settings", Map.of("region", "usw2.pure.cloud", "clientId", "client-1",
                        "taskWebhook", Map.of("url", "https://hooks.example.com/t", "secret", "tok-3"))))
                .put("/admin/v1/connections/{id}", id).then().statusCode(200);
        raw = rawSettings(id);
        assertFalse(raw.contains("plain-secret-1") || raw.contains("tok-3"), raw);
        open = opened(id);
        assertEquals("plain-secret-1", open.get("clientSecret"));
        assertEquals("tok-3", ((Map<?, ?>) open.get("taskWebhook")).get("secret"));
        assertEquals("usw2.pure.cloud", open.get("region"));
    }

    @Test
    void anEncryptedValueSentByAnAdminIsRejectedAndNothingIsCreated() {
        String id = uniqueConnectionId("inject");
        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "X", "settings",
                        Map.of("apiKey", Map.of("$enc", "v1", "kid", "k2", "iv", "AAAA", "ct", "AAAA"))))
                .post("/admin/v1/connections").then().statusCode(400)
                .body("violations[0].field", equalTo("settings.apiKey"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void plaintextRowsFromBeforeEncryptionAreEncryptedByTheStartupStep() throws Exception {
        String id = uniqueConnectionId("legacy");
        insert(id, "{\"clientSecret\": \"legacy-key-4\", \"taskWebhook\": {\"url\": \"https://x\", \"secret\": \"legacy-pw-5\"},"
                + " \"clientId\": \"legacy-client\"}");
        assertTrue(rawSettings(id).contains("legacy-key-4"));

        assertTrue(secrets.encryptPlaintext() >= 2);

        String raw = rawSettings(id);
        assertFalse(raw.contains("legacy-key-4") || raw.contains("legacy-pw-5"), raw);
        assertEquals("legacy-key-4", opened(id).get("clientSecret"));
        assertEquals(Map.of("url", "https://x", "secret", "legacy-pw-5"), opened(id).get("taskWebhook"));
        assertTrue(raw.contains("legacy-client"), "what the vendor's schema does not mark secret stays plain: " + raw);
        assertEquals(0, countPlaintextSecretsOf(id));
    }

    @Test
    void rotationReencryptsValuesUnderTheOldKeyWithTheActiveOne() throws Exception {
        String id = uniqueConnectionId("rotate");
        SecretCipher oldKey = new SecretCipher(KeyRing.parse(TEST_K1, Optional.empty()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("clientSecret", oldKey.encrypt(id, objectMapper.writeValueAsBytes("rotated-secret-6")));
        insert(id, objectMapper.writeValueAsString(settings));
        assertTrue(rawSettings(id).contains("\"kid\": \"k1\""));
        assertEquals("rotated-secret-6", opened(id).get("clientSecret"), "a value under the old key still decrypts");

        admin().post("/admin/v1/secrets/rotate").then().statusCode(200)
                .body("reencrypted", greaterThanOrEqualTo(1))
                .body("activeKey", equalTo("k2"));

        String raw = rawSettings(id);
        assertTrue(raw.contains("\"kid\": \"k2\"") && !raw.contains("\"kid\": \"k1\""), raw);
        assertEquals("rotated-secret-6", opened(id).get("clientSecret"));
        admin().post("/admin/v1/secrets/rotate").then().statusCode(200).body("reencrypted", equalTo(0));
    }

    @Test
    void theOAuthSigningKeyIsStoredSealedAndRotatedWithTheVendorSecrets() throws Exception {
        String stored = signingKeyColumn();
        String plain = secrets.openJson(dev.patchbay.store.OAuthSigningKey.SECRET_SCOPE, "privateKey", stored)
                .orElseThrow();
        assertTrue(stored.startsWith("{") && stored.contains("\"$enc\"") && !stored.contains(plain.substring(0, 32)),
                "the private key column holds an envelope, not the PKCS#8 key: " + stored);
        // Sealed under the retired key, as if written before a rotation.
        SecretCipher oldKey = new SecretCipher(KeyRing.parse(TEST_K1, Optional.empty()));
        updateSigningKeyColumn(objectMapper.writeValueAsString(oldKey.encrypt(
                dev.patchbay.store.OAuthSigningKey.SECRET_SCOPE, objectMapper.writeValueAsBytes(plain))));
        admin().post("/admin/v1/secrets/rotate").then().statusCode(200).body("reencrypted", greaterThanOrEqualTo(1));
        String rotated = signingKeyColumn();
        assertTrue(rotated.contains("\"kid\":\"k2\""), rotated);
        assertEquals(plain, secrets.openJson(dev.patchbay.store.OAuthSigningKey.SECRET_SCOPE, "privateKey", rotated)
                .orElseThrow());
    }

    private String signingKeyColumn() throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement("select private_key from oauth_signing_key");
                ResultSet rows = statement.executeQuery()) {
            assertTrue(rows.next(), "the signing key is made at start-up");
            return rows.getString(1);
        }
    }

    private void updateSigningKeyColumn(String value) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement("update oauth_signing_key set private_key = ?")) {
            statement.setString(1, value);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private Map<String, Object> opened(String id) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = objectMapper.readValue(rawSettings(id), Map.class);
        return secrets.open(id, stored);
    }

    private int countPlaintextSecretsOf(String id) throws Exception {
        String raw = rawSettings(id);
        return (raw.contains("legacy-key") ? 1 : 0) + (raw.contains("legacy-pw") ? 1 : 0);
    }

    private String rawSettings(String id) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement("select settings::text from connection where id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "no connection " + id);
                return rows.getString(1);
            }
        }
    }

    private void insert(String id, String settingsJson) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement("""
                insert into connection (id, vendor, display_name, settings, created_at, updated_at)
                values (?, 'genesys', 'Legacy', ?::jsonb, now(), now())""")) {
            statement.setString(1, id);
            statement.setString(2, settingsJson);
            statement.executeUpdate();
        }
    }
}
