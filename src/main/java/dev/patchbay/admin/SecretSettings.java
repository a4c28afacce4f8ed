package dev.patchbay.admin;

import dev.patchbay.secrets.ConnectionSecrets;
import dev.patchbay.secrets.SecretKeyNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connection settings whose key names a secret (passwords, client secrets, API keys, tokens) are
 * write-only: never returned, kept when an update leaves them out, removed by an explicit null.
 */
final class SecretSettings {

    private SecretSettings() {
    }

    static boolean isSecretKey(String key) {
        return SecretKeyNames.isSecretKey(key);
    }

    /** The settings without their secrets. */
    static Map<String, Object> withoutSecrets(Map<String, Object> settings) {
        Map<String, Object> visible = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (!isSecretKey(key)) {
                visible.put(key, value instanceof Map<?, ?> nested ? withoutSecrets(cast(nested)) : value);
            }
        });
        return visible;
    }

    /** Dotted paths of the secrets that are set, so an admin can see what is configured. */
    static List<String> secretPaths(Map<String, Object> settings) {
        List<String> paths = new ArrayList<>();
        collectSecretPaths("", settings, paths);
        paths.sort(null);
        return paths;
    }

    /**
     * The settings an update stores: the incoming ones, plus each stored secret the update did not
     * mention. A secret the update sets to null is removed; other nulls are dropped.
     */
    static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> incoming) {
        Map<String, Object> merged = new LinkedHashMap<>();
        incoming.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                Object storedNested = stored.get(key);
                merged.put(key, merge(storedNested instanceof Map<?, ?> map ? cast(map) : Map.of(), cast(nested)));
            } else if (value != null) {
                merged.put(key, value);
            }
        });
        stored.forEach((key, value) -> {
            if (isSecretKey(key) && !incoming.containsKey(key)) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** The dotted path of the first secret value sent in encrypted form, which only the gateway may write. */
    static Optional<String> encryptedValue(String prefix, Map<String, Object> settings) {
        for (Map.Entry<String, Object> entry : settings.entrySet()) {
            if (ConnectionSecrets.isEncrypted(entry.getValue())) {
                return Optional.of(prefix + entry.getKey());
            }
            if (entry.getValue() instanceof Map<?, ?> nested) {
                Optional<String> found = encryptedValue(prefix + entry.getKey() + ".", cast(nested));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Settings as first stored: nulls dropped. */
    static Map<String, Object> withoutNulls(Map<String, Object> settings) {
        return merge(Map.of(), settings);
    }

    private static void collectSecretPaths(String prefix, Map<String, Object> settings, List<String> paths) {
        settings.forEach((key, value) -> {
            if (isSecretKey(key)) {
                paths.add(prefix + key);
            } else if (value instanceof Map<?, ?> nested) {
                collectSecretPaths(prefix + key + ".", cast(nested), paths);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
