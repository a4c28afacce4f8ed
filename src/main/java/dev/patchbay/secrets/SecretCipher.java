package dev.patchbay.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit IV per value and the connection id as associated data, so a value
 * copied to another connection does not decrypt. The stored form is an envelope
 * {@code {"$enc":"v1","kid":…,"iv":…,"ct":…}} (base64; the ciphertext ends with the 128-bit tag).
 */
public final class SecretCipher {

    public static final String MARKER = "$enc";
    static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRing keys;

    public SecretCipher(KeyRing keys) {
        this.keys = keys;
    }

    public String activeKid() {
        return keys.activeKid();
    }

    /** Whether a settings value is an encrypted envelope. */
    public static boolean isEnvelope(Object value) {
        return value instanceof Map<?, ?> map && map.containsKey(MARKER);
    }

    public static String kidOf(Object envelope) {
        return String.valueOf(((Map<?, ?>) envelope).get("kid"));
    }

    public Map<String, Object> encrypt(String connectionId, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put(MARKER, VERSION);
            envelope.put("kid", keys.activeKid());
            envelope.put("iv", Base64.getEncoder().encodeToString(iv));
            envelope.put("ct", Base64.getEncoder().encodeToString(ciphertext));
            return envelope;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /** The plaintext; {@code where} names the value (connection and setting) in error messages. */
    public byte[] decrypt(String connectionId, Map<?, ?> envelope, String where) {
        if (!VERSION.equals(envelope.get(MARKER))) {
            throw new SecretDecryptionException(where + " is encrypted in an unknown format '" + envelope.get(MARKER) + "'");
        }
        String kid = String.valueOf(envelope.get("kid"));
        SecretKey key = keys.key(kid).orElseThrow(() -> new SecretDecryptionException(where
                + " is encrypted with key '" + kid + "', which is not configured: add it to patchbay.secrets.key"
                + " (configured: " + keys.keys().keySet() + ")"));
        try {
            byte[] iv = Base64.getDecoder().decode(String.valueOf(envelope.get("iv")));
            byte[] ciphertext = Base64.getDecoder().decode(String.valueOf(envelope.get("ct")));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException(where + " cannot be decrypted with key '" + kid
                    + "': the key is wrong or the stored value was altered or copied from another connection");
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretDecryptionException(where + " is a damaged encrypted value: " + e.getMessage());
        }
    }
}
