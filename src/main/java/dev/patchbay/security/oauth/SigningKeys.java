package dev.patchbay.security.oauth;

import dev.patchbay.secrets.ConnectionSecrets;
import dev.patchbay.security.Secrets;
import dev.patchbay.store.OAuthSigningKey;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair OAuth access tokens are signed with (RS256): a PKCS#8 PEM file at
 * {@code patchbay.oauth.signing-key-location}, or else generated on the first start and kept in
 * PostgreSQL, its private key encrypted like the vendor secrets, so that every replica signs and
 * verifies with the same key.
 */
@ApplicationScoped
public class SigningKeys {

    public static final String ALGORITHM = "RS256";

    public record SigningKey(String keyId, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
    }

    private final Optional<String> location;
    private final ConnectionSecrets secrets;
    private final EntityManager entityManager;
    private final Clock clock;
    private volatile SigningKey current;

    public SigningKeys(OAuthSettings settings, ConnectionSecrets secrets, EntityManager entityManager, Clock clock) {
        this.location = settings.signingKeyLocation().filter(value -> !value.isBlank());
        this.secrets = secrets;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        current();
    }

    public SigningKey current() {
        SigningKey key = current;
        if (key == null) {
            synchronized (this) {
                if (current == null) {
                    current = location.isPresent() ? fromFile(Path.of(location.get())) : fromDatabase();
                }
                key = current;
            }
        }
        return key;
    }

    @Transactional
    SigningKey fromDatabase() {
        KeyPair generated = generate();
        // Several replicas may start at once: the insert that loses the race changes nothing.
        entityManager.createNativeQuery("""
                insert into oauth_signing_key (id, key_id, algorithm, private_key, public_key, created_at)
                values (:id, :kid, :alg, :private, :public, :now) on conflict (id) do nothing""")
                .setParameter("id", OAuthSigningKey.SINGLE_ROW)
                .setParameter("kid", keyId((RSAPublicKey) generated.getPublic()))
                .setParameter("alg", ALGORITHM)
                .setParameter("private", secrets.sealJson(OAuthSigningKey.SECRET_SCOPE,
                        Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded())))
                .setParameter("public", Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()))
                .setParameter("now", clock.instant())
                .executeUpdate();
        OAuthSigningKey stored = OAuthSigningKey.current().orElseThrow();
        String privateKey = secrets.openJson(OAuthSigningKey.SECRET_SCOPE, "privateKey", stored.privateKey).orElseThrow();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new SigningKey(stored.keyId,
                    (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))),
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored OAuth signing key cannot be read", e);
        }
    }

    private static SigningKey fromFile(Path file) {
        try {
            String pem = Files.readString(file)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new SigningKey(keyId(publicKey), privateKey, publicKey);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("patchbay.oauth.signing-key-location must name a PEM file with an "
                    + "unencrypted PKCS#8 RSA private key ('BEGIN PRIVATE KEY'): " + file, e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JVM", e);
        }
    }

    private static String keyId(RSAPublicKey publicKey) {
        return Secrets.sha256Hex(Base64.getEncoder().encodeToString(publicKey.getEncoded())).substring(0, 16);
    }
}
