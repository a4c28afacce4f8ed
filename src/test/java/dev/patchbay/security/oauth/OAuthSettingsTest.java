package dev.patchbay.security.oauth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings checked at start: the global token lifetime and a configured signing key file. */
class OAuthSettingsTest {

    @TempDir
    Path dir;

    static OAuthSettings settings(Duration lifetime, Optional<String> keyLocation) {
        return new OAuthSettings() {
            @Override
            public String issuer() {
                return "patchbay";
            }

            @Override
            public Duration tokenLifetime() {
                return lifetime;
            }

            @Override
            public Optional<String> signingKeyLocation() {
                return keyLocation;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT60M", "PT2H", "PT6H"})
    void lifetimesFromOneToSixHoursStart(String lifetime) {
        AccessTokens tokens = new AccessTokens(null, settings(Duration.parse(lifetime), Optional.empty()), null, null);
        assertDoesNotThrow(() -> tokens.checkSettings(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT59M", "PT6H1M", "PT0S", "PT90M30S"})
    void otherLifetimesStopTheStart(String lifetime) {
        AccessTokens tokens = new AccessTokens(null, settings(Duration.parse(lifetime), Optional.empty()), null, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tokens.checkSettings(null));
        assertTrue(e.getMessage().contains("patchbay.oauth.token-lifetime"), e.getMessage());
    }

    @Test
    void configuredPemKeyIsUsedWithItsPublicHalf() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        Path pem = dir.resolve("signing.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        SigningKeys.SigningKey key = new SigningKeys(settings(Duration.ofHours(1), Optional.of(pem.toString())),
                null, null, null).current();

        assertEquals(pair.getPublic(), key.publicKey());
        assertEquals(pair.getPrivate(), key.privateKey());
        assertEquals(16, key.keyId().length());
    }

    @Test
    void unreadableKeyFileStopsTheStartWithItsName() throws Exception {
        Path pem = dir.resolve("broken.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        SigningKeys keys = new SigningKeys(settings(Duration.ofHours(1), Optional.of(pem.toString())), null, null, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, keys::current);
        assertTrue(e.getMessage().contains("signing-key-location") && e.getMessage().contains("broken.pem"),
                e.getMessage());
    }
}
