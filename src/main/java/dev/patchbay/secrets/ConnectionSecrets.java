package dev.patchbay.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.store.Connection;
import dev.patchbay.store.OAuthSigningKey;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Secret settings of connections at rest: encrypted when stored ({@link #seal}), decrypted only for the
 * code that calls the vendor ({@link #open}). Values stored in plain text before encryption existed, or
 * while no key was configured, are encrypted at startup; {@link #rotate} moves every value to the active key.
 */
@ApplicationScoped
public class ConnectionSecrets {

    private static final Logger LOG = Logger.getLogger(ConnectionSecrets.class);

    private final ObjectMapper objectMapper;
    private final Optional<SecretCipher> cipher;
    private final ConnectorRegistry vendors;

    public ConnectionSecrets(ObjectMapper objectMapper, ConnectorRegistry vendors,
            @ConfigProperty(name = "patchbay.secrets.key") Optional<String> key,
            @ConfigProperty(name = "patchbay.secrets.active-key") Optional<String> activeKey,
            @ConfigProperty(name = "patchbay.secrets.allow-plaintext", defaultValue = "false") boolean allowPlaintext,
            @ConfigProperty(name = "patchbay.database.embedded", defaultValue = "false") boolean embedded,
            @ConfigProperty(name = "patchbay.database.ephemeral", defaultValue = "false") boolean ephemeral,
            @ConfigProperty(name = "patchbay.data-dir") Path dataDir) {
        this.objectMapper = objectMapper;
        this.vendors = vendors;
        this.cipher = KeyRingSource.resolve(key, activeKey, embedded, ephemeral, dataDir, allowPlaintext)
                .map(SecretCipher::new);
    }

    void onStart(@Observes StartupEvent event) {
        int sealed = encryptPlaintext();
        if (sealed > 0) {
            LOG.infof("Encrypted %d secret connection setting(s) that were stored in plain text", sealed);
        }
        verifyAll();
    }

    /** Whether a value is an encrypted envelope (which an admin must not send in). */
    public static boolean isEncrypted(Object value) {
        return SecretCipher.isEnvelope(value);
    }

    /**
     * The settings to store: each plaintext value of a setting the vendor's schema marks secret is
     * encrypted; values already encrypted stay as they are.
     */
    public Map<String, Object> seal(String connectionId, String vendor, Map<String, Object> settings) {
        if (cipher.isEmpty()) {
            return settings;
        }
        Set<String> secret = secretNames(vendor);
        return transform(settings, (key, value) -> secret.contains(key) && !SecretCipher.isEnvelope(value),
                (path, value) -> encrypt(connectionId, value));
    }

    /** The settings with every secret decrypted, for a connector. Never log the result. */
    public Map<String, Object> open(String connectionId, Map<String, Object> settings) {
        return transform(settings, (key, value) -> SecretCipher.isEnvelope(value),
                (path, value) -> decrypt(connectionId, path, value));
    }

    /** The settings the vendor's schema marks secret (none for a vendor this gateway has no connector for). */
    public Set<String> secretNames(String vendor) {
        return vendors.secretNames(vendor);
    }

    /** One secret value given as the JSON text of its stored form (a string or an envelope). */
    public Optional<String> openJson(String connectionId, String path, String storedJson) {
        if (storedJson == null) {
            return Optional.empty();
        }
        try {
            Object value = decrypt(connectionId, path, objectMapper.readValue(storedJson, Object.class));
            return Optional.ofNullable(value).map(found -> found instanceof String text ? text : String.valueOf(found));
        } catch (JsonProcessingException e) {
            throw new SecretDecryptionException("Setting '" + path + "' of connection '" + connectionId + "' is not JSON");
        }
    }

    /**
     * A secret of Patchbay's own (not a connection's) in its stored form, as JSON text: an envelope bound
     * to {@code scope}, or the plain value when plaintext storage is allowed.
     */
    public String sealJson(String scope, String plaintext) {
        try {
            return objectMapper.writeValueAsString(cipher.isEmpty() ? plaintext : encrypt(scope, plaintext));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A secret cannot be written as JSON", e);
        }
    }

    /** Encrypts secrets stored in plain text; returns how many values were encrypted. */
    @Transactional
    public int encryptPlaintext() {
        return rewriteAll(false);
    }

    /** Re-encrypts every secret under the active key (and encrypts plaintext ones); returns how many changed. */
    @Transactional
    public int rotate() {
        if (cipher.isEmpty()) {
            throw new IllegalStateException("No secrets key is configured (patchbay.secrets.key)");
        }
        return rewriteAll(true);
    }

    public Optional<String> activeKeyId() {
        return cipher.map(SecretCipher::activeKid);
    }

    /** Every encrypted value decrypts with the configured keys; else startup fails with each problem named. */
    @Transactional
    public void verifyAll() {
        List<String> problems = undecryptable();
        if (!problems.isEmpty()) {
            throw new SecretDecryptionException("Stored vendor credentials cannot be decrypted with the configured "
                    + "secrets keys:\n  " + String.join("\n  ", problems));
        }
    }

    /** One message (naming the value, never the secret) per stored encrypted value the configured keys cannot open. */
    @Transactional
    public List<String> undecryptable() {
        List<String> problems = new ArrayList<>();
        for (Connection connection : Connection.<Connection>listAll()) {
            transform(connection.settings, (key, value) -> SecretCipher.isEnvelope(value), (path, value) -> {
                try {
                    decrypt(connection.id, path, value);
                } catch (SecretDecryptionException e) {
                    problems.add(e.getMessage());
                }
                return value;
            });
        }
        OAuthSigningKey.current().ifPresent(key -> {
            try {
                decrypt(OAuthSigningKey.SECRET_SCOPE, "privateKey", storedForm(key.privateKey));
            } catch (SecretDecryptionException e) {
                problems.add(e.getMessage());
            }
        });
        return problems;
    }

    private int rewriteAll(boolean rotate) {
        if (cipher.isEmpty()) {
            return 0;
        }
        String active = cipher.get().activeKid();
        int changed = 0;
        List<Connection> connections = Connection.<Connection>findAll().withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Connection connection : connections) {
            int[] count = {0};
            Set<String> secret = secretNames(connection.vendor);
            Map<String, Object> rewritten = transform(connection.settings,
                    (key, value) -> secret.contains(key) || SecretCipher.isEnvelope(value), (path, value) -> {
                if (!SecretCipher.isEnvelope(value)) {
                    count[0]++;
                    return encrypt(connection.id, value);
                }
                if (rotate && !active.equals(SecretCipher.kidOf(value))) {
                    count[0]++;
                    return encrypt(connection.id, decrypt(connection.id, path, value));
                }
                return value;
            });
            if (count[0] > 0) {
                connection.settings = rewritten;
                changed += count[0];
            }
        }
        return changed + rewriteSigningKey(rotate, active);
    }

    /** The OAuth signing key is Patchbay's own secret and is sealed and rotated with the rest. */
    private int rewriteSigningKey(boolean rotate, String active) {
        Optional<OAuthSigningKey> key = OAuthSigningKey.current();
        if (key.isEmpty()) {
            return 0;
        }
        Object stored = storedForm(key.get().privateKey);
        if (SecretCipher.isEnvelope(stored) && !(rotate && !active.equals(SecretCipher.kidOf(stored)))) {
            return 0;
        }
        Object plain = decrypt(OAuthSigningKey.SECRET_SCOPE, "privateKey", stored);
        key.get().privateKey = sealJson(OAuthSigningKey.SECRET_SCOPE, String.valueOf(plain));
        return 1;
    }

    private Object storedForm(String json) {
        try {
            return objectMapper.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new SecretDecryptionException("The stored OAuth signing key is not JSON");
        }
    }

    private Object encrypt(String connectionId, Object value) {
        try {
            return cipher.orElseThrow().encrypt(connectionId, objectMapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A secret setting cannot be written as JSON", e);
        }
    }

    private Object decrypt(String connectionId, String path, Object value) {
        if (!SecretCipher.isEnvelope(value)) {
            return value;
        }
        String where = "Setting '" + path + "' of connection '" + connectionId + "'";
        SecretCipher current = cipher.orElseThrow(() -> new SecretDecryptionException(where
                + " is encrypted, but no secrets key is configured (patchbay.secrets.key)"));
        try {
            return objectMapper.readValue(current.decrypt(connectionId, (Map<?, ?>) value, where), Object.class);
        } catch (java.io.IOException e) {
            throw new SecretDecryptionException(where + " decrypts to something that is not JSON");
        }
    }

    /**
     * A copy of the settings with {@code secret} applied to each non-null value {@code applies} to, by its
     * dotted path ("taskWebhook.secret"); nested objects are walked, encrypted envelopes are values.
     */
    private static Map<String, Object> transform(Map<String, Object> settings, BiPredicate<String, Object> applies,
            BiFunction<String, Object, Object> secret) {
        return transform(settings, "", applies, secret);
    }

    private static Map<String, Object> transform(Map<String, Object> settings, String prefix,
            BiPredicate<String, Object> applies, BiFunction<String, Object, Object> secret) {
        Map<String, Object> result = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> nested && !SecretCipher.isEnvelope(value)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> members = (Map<String, Object>) nested;
                result.put(key, transform(members, path + ".", applies, secret));
            } else {
                result.put(key, value != null && applies.test(path, value) ? secret.apply(path, value) : value);
            }
        });
        return result;
    }
}
