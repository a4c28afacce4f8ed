package dev.patchbay.secrets;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that protect secret settings, each under a key id, and the active one that new
 * values are encrypted with. Written as {@code kid:base64[,kid:base64...]}, or a bare base64 key (kid
 * {@value #DEFAULT_KID}); the first key is active unless another is named.
 */
public record KeyRing(Map<String, SecretKey> keys, String activeKid) {

    public static final String DEFAULT_KID = "default";
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final int KEY_BYTES = 32;

    public KeyRing {
        keys = Map.copyOf(keys);
        if (!keys.containsKey(activeKid)) {
            throw new IllegalArgumentException("The active secrets key '" + activeKid + "' is not among the configured keys "
                    + keys.keySet());
        }
    }

    public SecretKey active() {
        return keys.get(activeKid);
    }

    public Optional<SecretKey> key(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    /** Parses the configured keys; the message of a failure names the setting and never a key. */
    public static KeyRing parse(String spec, Optional<String> activeKid) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String kid = colon < 0 ? DEFAULT_KID : trimmed.substring(0, colon).strip();
            String encoded = colon < 0 ? trimmed : trimmed.substring(colon + 1).strip();
            if (!KID.matcher(kid).matches()) {
                throw new IllegalArgumentException("patchbay.secrets.key: key id '" + kid
                        + "' must be 1-32 letters, digits, '_', '.' or '-'");
            }
            if (keys.containsKey(kid)) {
                throw new IllegalArgumentException("patchbay.secrets.key: key id '" + kid + "' appears twice");
            }
            keys.put(kid, decode(kid, encoded));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("patchbay.secrets.key is empty");
        }
        return new KeyRing(keys, activeKid.filter(kid -> !kid.isBlank()).orElse(keys.keySet().iterator().next()));
    }

    public static SecretKey decode(String kid, String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("patchbay.secrets.key: key '" + kid + "' is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("patchbay.secrets.key: key '" + kid + "' must be " + KEY_BYTES
                    + " bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
