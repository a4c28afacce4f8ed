package dev.patchbay.security;

import dev.patchbay.store.AdminBootstrapToken;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The admin bootstrap token: {@code patchbay.admin.bootstrap-token} when configured; otherwise one is
 * generated on the first start, printed once and kept only as a hash. Once admins sign in with OIDC,
 * {@code patchbay.admin.bootstrap.enabled=false} turns it off.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String TOKEN_PREFIX = "pba_";

    private final boolean enabled;
    private final Optional<String> configuredHash;
    private final EntityManager entityManager;
    private final Clock clock;

    public AdminBootstrap(@ConfigProperty(name = "patchbay.admin.bootstrap-token") Optional<String> configured,
            @ConfigProperty(name = "patchbay.admin.bootstrap.enabled", defaultValue = "true") boolean enabled,
            EntityManager entityManager, Clock clock) {
        this.enabled = enabled;
        this.configuredHash = configured.filter(token -> !token.isBlank()).map(Secrets::sha256Hex);
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled && configuredHash.isEmpty()) {
            generateIfAbsent().ifPresent(AdminBootstrap::announce);
        }
    }

    /** Generates and stores a token unless one was stored before; the secret is returned only here. */
    @Transactional
    public Optional<String> generateIfAbsent() {
        String secret = Secrets.newToken(TOKEN_PREFIX);
        // Several replicas may start at once: the insert that loses the race changes nothing.
        int inserted = entityManager.createNativeQuery("""
                insert into admin_bootstrap_token (id, token_hash, created_at) values (:id, :hash, :now)
                on conflict (id) do nothing""")
                .setParameter("id", AdminBootstrapToken.SINGLE_ROW)
                .setParameter("hash", Secrets.sha256Hex(secret))
                .setParameter("now", clock.instant())
                .executeUpdate();
        return inserted == 1 ? Optional.of(secret) : Optional.empty();
    }

    @Transactional
    public boolean accepts(String presentedToken) {
        if (!enabled) {
            return false;
        }
        String presentedHash = Secrets.sha256Hex(presentedToken);
        Optional<String> expected = configuredHash.isPresent()
                ? configuredHash
                : AdminBootstrapToken.current().map(stored -> stored.tokenHash);
        return expected.map(hash -> Secrets.constantTimeEquals(hash, presentedHash)).orElse(false);
    }

    private static void announce(String secret) {
        LOG.warnf("""

                ==================================================================
                 Patchbay generated the admin bootstrap token. It is shown once:

                     %s

                 Use it as 'Authorization: Bearer <token>' on /admin/v1. Only its
                 hash is stored. Set PATCHBAY_ADMIN_BOOTSTRAP_TOKEN to choose one.
                ==================================================================""", secret);
    }
}
