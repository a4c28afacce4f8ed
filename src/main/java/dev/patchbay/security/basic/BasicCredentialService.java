package dev.patchbay.security.basic;

import dev.patchbay.security.CredentialCache;
import dev.patchbay.security.Secrets;
import dev.patchbay.store.ScimBasicCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, lists, revokes and checks the HTTP Basic credentials of connections. */
@ApplicationScoped
public class BasicCredentialService {

    static final String PASSWORD_PREFIX = "pbp_";

    private final Clock clock;

    private final CredentialCache cache;

    public BasicCredentialService(Clock clock, CredentialCache cache) {
        this.clock = clock;
        this.cache = cache;
    }

    /** A new credential; a null password gets a generated one. The password is in the result and nowhere else. */
    @Transactional
    public IssuedCredential create(String connectionId, String username, String password, String description) {
        String secret = password != null ? password : Secrets.newToken(PASSWORD_PREFIX);
        ScimBasicCredential credential = new ScimBasicCredential();
        credential.id = UUID.randomUUID();
        credential.connectionId = connectionId;
        credential.username = username;
        credential.passwordHash = PasswordHasher.hash(secret);
        credential.description = description;
        credential.createdAt = now();
        credential.persist();
        return new IssuedCredential(credential, secret);
    }

    @Transactional
    public boolean hasLiveUsername(String connectionId, String username) {
        return ScimBasicCredential.findLive(connectionId, username).isPresent();
    }

    @Transactional
    public List<ScimBasicCredential> list(String connectionId, boolean includeRevoked) {
        return ScimBasicCredential.listForConnection(connectionId, includeRevoked);
    }

    @Transactional
    public boolean revoke(String connectionId, UUID id) {
        Optional<ScimBasicCredential> credential = ScimBasicCredential.<ScimBasicCredential>findByIdOptional(id)
                .filter(found -> found.connectionId.equals(connectionId) && found.revokedAt == null);
        credential.ifPresent(found -> found.revokedAt = now());
        cache.invalidateAfterTransaction();
        return credential.isPresent();
    }

    /** The live credential of {@code connectionId} with this username and password; an unknown user costs the same time. */
    @Transactional
    public Optional<ScimBasicCredential> authenticate(String connectionId, String username, String password) {
        Optional<ScimBasicCredential> credential = ScimBasicCredential.findLive(connectionId, username);
        if (credential.isEmpty()) {
            PasswordHasher.decoy(password);
            return Optional.empty();
        }
        return credential.filter(found -> PasswordHasher.matches(password, found.passwordHash));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public record IssuedCredential(ScimBasicCredential credential, String password) {
    }
}
