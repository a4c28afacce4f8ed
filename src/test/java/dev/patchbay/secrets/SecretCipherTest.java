package dev.patchbay.secrets;

import static dev.patchbay.secrets.Texts.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private static final byte[] SECRET = "s3cret-api-key".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsWithARandomIvAndTheActiveKeyId() {
        SecretCipher cipher = new SecretCipher(KeyRing.parse(K2 + "," + K1, Optional.empty()));
        Map<String, Object> first = cipher.encrypt("conn-a", SECRET);
        Map<String, Object> second = cipher.encrypt("conn-a", SECRET);
        assertEquals("v1", first.get("$enc"));
        assertEquals("k2", first.get("kid"));
        assertEquals(12, Base64.getDecoder().decode((String) first.get("iv")).length);
        assertNotEquals(first.get("iv"), second.get("iv"));
        assertNotEquals(first.get("ct"), second.get("ct"));
        assertFalse(first.toString().contains("s3cret"));
        assertArrayEquals(SECRET, cipher.decrypt("conn-a", first, "x"));
        assertTrue(SecretCipher.isEnvelope(first));
    }

    @Test
    void anOldKeyStillDecrypts() {
        Map<String, Object> underK1 = new SecretCipher(KeyRing.parse(K1, Optional.empty())).encrypt("c", SECRET);
        SecretCipher rotated = new SecretCipher(KeyRing.parse(K2 + "," + K1, Optional.empty()));
        assertArrayEquals(SECRET, rotated.decrypt("c", underK1, "x"));
    }

    @Test
    void anotherConnectionsValueDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(KeyRing.parse(K1, Optional.empty()));
        Map<String, Object> envelope = cipher.encrypt("conn-a", SECRET);
        SecretDecryptionException e = assertThrows(SecretDecryptionException.class,
                () -> cipher.decrypt("conn-b", envelope, "Setting 'apiKey' of connection 'conn-b'"));
        assertContains(e.getMessage(), "'apiKey'", "key 'k1'", "wrong");
    }

    @Test
    void aWrongKeyUnderTheSameIdGivesAClearError() {
        Map<String, Object> envelope = new SecretCipher(KeyRing.parse(K1, Optional.empty())).encrypt("c", SECRET);
        String otherK1 = "k1:" + Base64.getEncoder().encodeToString("ffffffffffffffffffffffffffffffff".getBytes());
        SecretDecryptionException e = assertThrows(SecretDecryptionException.class,
                () -> new SecretCipher(KeyRing.parse(otherK1, Optional.empty())).decrypt("c", envelope, "Setting 'apiKey'"));
        assertEquals("Setting 'apiKey' cannot be decrypted with key 'k1': the key is wrong or "
                + "the stored value was altered or copied from another connection", e.getMessage());
    }

    @Test
    void anUnknownKeyIdNamesTheMissingKey() {
        Map<String, Object> envelope = new SecretCipher(KeyRing.parse(K1, Optional.empty())).encrypt("c", SECRET);
        SecretDecryptionException e = assertThrows(SecretDecryptionException.class,
                () -> new SecretCipher(KeyRing.parse(K2, Optional.empty())).decrypt("c", envelope, "Setting 'apiKey'"));
        assertContains(e.getMessage(), "key 'k1', which is not configured", "patchbay.secrets.key", "[k2]");
    }

    @Test
    void keySpecificationsAreCheckedWithoutEchoingTheKey() {
        assertEquals("default", KeyRing.parse(Base64.getEncoder().encodeToString(new byte[32]), Optional.empty()).activeKid());
        assertEquals("k1", KeyRing.parse(K2 + "," + K1, Optional.of("k1")).activeKid());
        String tooShort = assertThrows(IllegalArgumentException.class,
                () -> KeyRing.parse("k1:c2hvcnQ=", Optional.empty())).getMessage();
        assertContains(tooShort, "must be 32 bytes");
        assertFalse(tooShort.contains("c2hvcnQ"));
        assertContains(assertThrows(IllegalArgumentException.class, () -> KeyRing.parse("k1:@@@", Optional.empty()))
                .getMessage(), "not valid base64");
        assertContains(assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(K1 + "," + K1, Optional.empty()))
                .getMessage(), "appears twice");
        assertContains(assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(K1, Optional.of("k9")))
                .getMessage(), "'k9' is not among");
    }
}
