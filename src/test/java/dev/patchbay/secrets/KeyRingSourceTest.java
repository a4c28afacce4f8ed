package dev.patchbay.secrets;

import static dev.patchbay.secrets.Texts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingSourceTest {

    @TempDir
    Path dataDir;

    @Test
    void anExternalDatabaseWithoutAKeyRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyRingSource.resolve(Optional.empty(), Optional.empty(), false, false, dataDir, false));
        assertContains(e.getMessage(), "refuses to start", "PATCHBAY_SECRETS_KEY", "patchbay.secrets.allow-plaintext");
    }

    @Test
    void plaintextOnlyWhenAllowedExplicitly() {
        assertTrue(KeyRingSource.resolve(Optional.of(" "), Optional.empty(), false, false, dataDir, true).isEmpty());
    }

    @Test
    void theEmbeddedDatabaseGeneratesAnOwnerOnlyKeyFileOnceAndReusesIt() throws Exception {
        KeyRing first = KeyRingSource.resolve(Optional.empty(), Optional.empty(), true, false, dataDir, false).orElseThrow();
        Path file = dataDir.resolve("secrets.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        KeyRing second = KeyRingSource.resolve(Optional.empty(), Optional.empty(), true, false, dataDir, false).orElseThrow();
        assertEquals("local", second.activeKid());
        assertEquals(first.active(), second.active());
    }

    @Test
    void aConfiguredKeyBecomesActiveAndTheGeneratedOneStillDecrypts() {
        KeyRingSource.resolve(Optional.empty(), Optional.empty(), true, false, dataDir, false);
        KeyRing ring = KeyRingSource.resolve(Optional.of(SecretCipherTest.K2), Optional.empty(), true, false, dataDir, false)
                .orElseThrow();
        assertEquals("k2", ring.activeKid());
        assertTrue(ring.key("local").isPresent());
    }

    @Test
    void anEphemeralDatabaseGetsAKeyInMemoryOnly() {
        assertTrue(KeyRingSource.resolve(Optional.empty(), Optional.empty(), true, true, dataDir, false).isPresent());
        assertTrue(Files.notExists(dataDir.resolve("secrets.key")));
    }
}
