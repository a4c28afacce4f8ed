package dev.patchbay.console.oidc;

import java.util.Optional;

/** What the provider's token endpoint answered; refresh answers may leave out the ID and refresh tokens. */
public record ProviderTokens(String accessToken, Optional<String> idToken, Optional<String> refreshToken,
        Optional<Long> expiresInSeconds) {
}
