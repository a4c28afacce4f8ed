package dev.patchbay.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.jboss.logging.Logger;

/**
 * Decides where the secrets keys come from:
 * <ol>
 * <li>{@code patchbay.secrets.key} when set (plus, on the embedded database, a key generated earlier
 * into the data directory, so values under it still decrypt until they are rotated);</li>
 * <li>else, on the embedded database, a key generated once into {@code <data-dir>/secrets.key} (in memory
 * only when the database itself is thrown away at exit);</li>
 * <li>else, on an external database, no encryption only if {@code patchbay.secrets.allow-plaintext=true};
 * otherwise the gateway refuses to start.</li>
 * </ol>
 */
public final class KeyRingSource {

    private static final Logger LOG = Logger.getLogger(KeyRingSource.class);

    private KeyRingSource() {
    }

    /** The keys, or empty when secrets are to be stored in plain text. */
    public static Optional<KeyRing> resolve(Optional<String> configured, Optional<String> activeKid, boolean embedded,
            boolean ephemeral, Path dataDir, boolean allowPlaintext) {
        Optional<String> spec = configured.filter(value -> !value.isBlank());
        try {
            if (spec.isPresent()) {
                KeyRing ring = KeyRing.parse(spec.get(), activeKid);
                if (embedded && !ephemeral && LocalKeyFile.exists(dataDir)) {
                    ring = withLocalKey(ring, LocalKeyFile.loadOrCreate(dataDir));
                }
                return Optional.of(ring);
            }
            if (embedded && ephemeral) {
                return Optional.of(temporary());
            }
            if (embedded) {
                boolean created = !LocalKeyFile.exists(dataDir);
                KeyRing ring = LocalKeyFile.loadOrCreate(dataDir);
                LOG.infof("%s the key that encrypts vendor credentials: %s (keep it with backups of the data; "
                        + "set PATCHBAY_SECRETS_KEY to use your own)", created ? "Generated" : "Using",
                        LocalKeyFile.path(dataDir).toAbsolutePath());
                return Optional.of(ring);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key file " + LocalKeyFile.path(dataDir), e);
        }
        if (allowPlaintext) {
            LOG.warn("No secrets key is configured (PATCHBAY_SECRETS_KEY): vendor credentials are stored in plain text "
                    + "because patchbay.secrets.allow-plaintext=true");
            return Optional.empty();
        }
        throw new IllegalStateException("Patchbay refuses to start: vendor credentials must be encrypted in the external "
                + "database, but no key is configured. Set PATCHBAY_SECRETS_KEY (patchbay.secrets.key) to a base64 "
                + "AES-256 key, e.g. `openssl rand -base64 32`, or set patchbay.secrets.allow-plaintext=true to store "
                + "them unencrypted");
    }

    private static KeyRing withLocalKey(KeyRing configured, KeyRing local) {
        if (configured.keys().containsKey(LocalKeyFile.KID)) {
            return configured;
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>(configured.keys());
        keys.put(LocalKeyFile.KID, local.keys().get(LocalKeyFile.KID));
        return new KeyRing(keys, configured.activeKid());
    }

    private static KeyRing temporary() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return new KeyRing(Map.of("temporary", generator.generateKey()), "temporary");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is part of every JVM", e);
        }
    }
}
