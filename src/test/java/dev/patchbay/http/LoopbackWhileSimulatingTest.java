package dev.patchbay.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** With the simulators on, the gateway listens on the loopback interface unless told otherwise. */
@QuarkusTest
class LoopbackWhileSimulatingTest {

    @Test
    void theSimulatorsAreOnWhenSaidSoOrWhenTheDatabaseIsEmbedded() {
        assertTrue(LoopbackWhileSimulatingConfigSourceFactory.simulating(null, null), "embedded database");
        assertFalse(LoopbackWhileSimulatingConfigSourceFactory.simulating(null, "jdbc:postgresql://db/patchbay"));
        assertTrue(LoopbackWhileSimulatingConfigSourceFactory.simulating("true", "jdbc:postgresql://db/patchbay"));
        assertFalse(LoopbackWhileSimulatingConfigSourceFactory.simulating("false", null));
    }

    @Test
    void thisGatewayWithItsSimulatorsListensOnLoopback() {
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.host", String.class));
    }
}
