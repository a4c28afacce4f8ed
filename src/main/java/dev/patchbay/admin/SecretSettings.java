package dev.patchbay.admin;

import dev.patchbay.secrets.ConnectionSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Connection settings the schema marks secret (passwords, client secrets, API keys, tokens), named by
 * their dotted paths ("taskWebhook.secret"), are write-only: never returned, kept when an update leaves
 * them out, removed by an explicit null.
 */
final class SecretSettings {

    private SecretSettings() {
    }

    /** The settings without their secrets. */
    static Map<String, Object> withoutSecrets(Map<String, Object> settings, Set<String> secretPaths) {
        return withoutSecrets("", settings, secretPaths);
    }

    private static Map<String, Object> withoutSecrets(String prefix, Map<String, Object> settings,
            Set<String> secretPaths) {
        Map<String, Object> visible = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (isSecret(prefix + key, value, secretPaths)) {
                return;
            }
            visible.put(key, value instanceof Map<?, ?> nested
                    ? withoutSecrets(prefix + key + ".", cast(nested), secretPaths) : value);
        });
        return visible;
    }

    /** The paths of the secrets that are set, so an admin can see what is configured. */
    static List<String> secretPaths(Map<String, Object> settings, Set<String> secretPaths) {
        List<String> paths = new ArrayList<>();
        collectSecretPaths("", settings, secretPaths, paths);
        paths.sort(null);
        return paths;
    }

    /**
     * The settings an update stores: the incoming ones, plus each stored secret the update did not
     * mention. A secret the update sets to null is removed; other nulls are dropped.
     */
    static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> incoming, Set<String> secretPaths) {
        return merge("", stored, incoming, secretPaths);
    }

    private static Map<String, Object> merge(String prefix, Map<String, Object> stored, Map<String, Object> incoming,
            Set<String> secretPaths) {
        Map<String, Object> merged = new LinkedHashMap<>();
        incoming.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                Object storedNested = stored.get(key);
                merged.put(key, merge(prefix + key + ".", storedNested instanceof Map<?, ?> map ? cast(map) : Map.of(),
                        cast(nested), secretPaths));
            } else if (value != null) {
                merged.put(key, value);
            }
        });
        stored.forEach((key, value) -> {
            if (isSecret(prefix + key, value, secretPaths) && !incoming.containsKey(key)) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** The path of the first value sent in encrypted form, which only the gateway may write. */
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
        return merge(Map.of(), settings, Set.of());
    }

    private static boolean isSecret(String path, Object value, Set<String> secretPaths) {
        return secretPaths.contains(path) || ConnectionSecrets.isEncrypted(value);
    }

    private static void collectSecretPaths(String prefix, Map<String, Object> settings, Set<String> secretPaths,
            List<String> paths) {
        settings.forEach((key, value) -> {
            if (value != null && isSecret(prefix + key, value, secretPaths)) {
                paths.add(prefix + key);
            } else if (value instanceof Map<?, ?> nested) {
                collectSecretPaths(prefix + key + ".", cast(nested), secretPaths, paths);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
