package dev.patchbay.connector.vbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Health;
import dev.patchbay.connector.RotatingSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VBC's single-use refresh tokens: the rotated pair is stored encrypted in PostgreSQL, a restarted gateway
 * goes on from it (not from the spent token in the settings), and two gateway instances renewing at the
 * same moment take turns under the advisory lock, so that no refresh token is ever presented twice.
 */
@QuarkusTest
class VbcTokensTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    RotatingSecrets secrets;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void reset() {
        VbcSandbox.reset();
    }

    /** A gateway instance: its own factory, and so its own in-memory tokens, over the shared database. */
    private VbcConnectorFactory instance(Duration ahead) {
        return new VbcConnectorFactory(secrets, Clock.offset(Clock.systemUTC(), ahead));
    }

    private static Health check(VbcConnectorFactory instance, String connection, Map<String, Object> settings) {
        return instance.connect(connection, settings).check(new CallContext(connection, settings, "tokens"));
    }

    private String stored(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "select cast(value as text) from connector_secret where connection_id = :c and name = 'vbc.oauth'")
                .setParameter("c", connection).getResultList().stream().findFirst().orElse(null));
    }

    @Test
    void theRotatedRefreshTokenIsStoredEncryptedAndARestartGoesOnFromIt() {
        String seed = VbcSandbox.refreshToken();
        String connection = "vbc-rotation-" + System.nanoTime();
        Map<String, Object> settings = VbcSandbox.refreshTokenSettings(seed);

        assertEquals(Health.State.UP, check(instance(Duration.ZERO), connection, settings).state());
        assertEquals(1, VbcSandbox.state().getInt("refreshGrants"), "the seed was spent once");
        String row = stored(connection);
        assertTrue(row.contains("$enc"), "stored encrypted: " + row);
        assertFalse(row.contains("refreshToken"), "no token in plain text");

        // A day later a restarted gateway (a new instance, the same settings with their spent seed) renews
        // from the stored refresh token.
        VbcSandbox.advanceClock(DAY.toMillis());
        assertEquals(Health.State.UP, check(instance(DAY), connection, settings).state());
        assertEquals(2, VbcSandbox.state().getInt("refreshGrants"));
        assertEquals(0, VbcSandbox.state().getInt("refreshRefused"), "the spent seed was never presented again");
    }

    @Test
    void twoInstancesRenewingAtOnceNeverSpendTheSameRefreshToken() throws Exception {
        String connection = "vbc-race-" + System.nanoTime();
        Map<String, Object> settings = VbcSandbox.refreshTokenSettings(VbcSandbox.refreshToken());
        assertEquals(Health.State.UP, check(instance(Duration.ZERO), connection, settings).state());
        VbcSandbox.advanceClock(DAY.toMillis());
        // The token endpoint is slow, so both instances are renewing at the same time.
        VbcSandbox.fault("{\"type\":\"latency\",\"api\":\"token\",\"millis\":700,\"count\":2}");

        List<VbcConnectorFactory> instances = List.of(instance(DAY), instance(DAY));
        CyclicBarrier start = new CyclicBarrier(instances.size());
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<Health>> checks = new ArrayList<>();
            for (VbcConnectorFactory gateway : instances) {
                checks.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return check(gateway, connection, settings);
                }));
            }
            for (Future<Health> health : checks) {
                assertEquals(Health.State.UP, health.get(30, TimeUnit.SECONDS).state());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, VbcSandbox.state().getInt("refreshRefused"), "no refresh token was presented twice");
        assertEquals(2, VbcSandbox.state().getInt("refreshGrants"),
                "one renewal for both: the second instance used the token the first one stored");

        // And the chain goes on: the next renewal works too.
        VbcSandbox.advanceClock(DAY.toMillis());
        assertEquals(Health.State.UP, check(instance(DAY.multipliedBy(2)), connection, settings).state());
        assertEquals(0, VbcSandbox.state().getInt("refreshRefused"));
    }

    @Test
    void aSpentRefreshTokenWithoutAPasswordIsRefusedCredentialsWithWhatToDo() {
        String seed = VbcSandbox.refreshToken();
        assertEquals(Health.State.UP, check(instance(Duration.ZERO), "vbc-elsewhere-" + System.nanoTime(),
                VbcSandbox.refreshTokenSettings(seed)).state());
        // Another connection given the same, now spent, token.
        Health refused = check(instance(Duration.ZERO), "vbc-spent-" + System.nanoTime(),
                VbcSandbox.refreshTokenSettings(seed));
        assertEquals(Health.State.CREDENTIALS_REJECTED, refused.state());
        assertTrue(refused.detail().contains("'refreshToken' setting"), refused.detail());
    }

    @Test
    void aNewRefreshTokenInTheSettingsReplacesTheStoredChain() {
        String connection = "vbc-new-seed-" + System.nanoTime();
        assertEquals(Health.State.UP, check(instance(Duration.ZERO), connection,
                VbcSandbox.refreshTokenSettings(VbcSandbox.refreshToken())).state());
        String before = stored(connection);
        VbcSandbox.reset(); // the account revoked everything: the stored chain is dead
        Map<String, Object> fixed = VbcSandbox.refreshTokenSettings(VbcSandbox.refreshToken());
        assertEquals(Health.State.UP, check(instance(Duration.ZERO), connection, fixed).state());
        assertEquals(1, VbcSandbox.state().getInt("refreshGrants"));
        assertFalse(before.equals(stored(connection)), "the new chain is stored");
    }

    @Test
    void thePasswordGrantIsTheFallbackWhenTheStoredChainDied() {
        String connection = "vbc-password-" + System.nanoTime();
        assertEquals(Health.State.UP, check(instance(Duration.ZERO), connection, VbcSandbox.settings()).state());
        VbcSandbox.reset();
        VbcSandbox.advanceClock(DAY.toMillis());
        assertEquals(Health.State.UP, check(instance(DAY), connection, VbcSandbox.settings()).state());
        assertEquals(1, VbcSandbox.state().getInt("refreshRefused"), "the dead refresh token was tried once");
        assertEquals(1, VbcSandbox.state().getInt("accessTokensIssued"));
    }
}
