package dev.patchbay.security.oauth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the OAuth 2.0 token endpoint. */
@ConfigMapping(prefix = "patchbay.oauth")
public interface OAuthSettings {

    int MIN_LIFETIME_MINUTES = 60;
    int MAX_LIFETIME_MINUTES = 360;

    /** The {@code iss} of the access tokens Patchbay issues. */
    @WithDefault("patchbay")
    String issuer();

    /** Lifetime of access tokens of clients that do not set their own; 60 to 360 minutes. */
    @WithDefault("60m")
    Duration tokenLifetime();

    /** A PEM file with an unencrypted PKCS#8 RSA private key; unset = a key pair kept in PostgreSQL. */
    Optional<String> signingKeyLocation();

    static boolean isAllowedLifetime(long minutes) {
        return minutes >= MIN_LIFETIME_MINUTES && minutes <= MAX_LIFETIME_MINUTES;
    }
}
