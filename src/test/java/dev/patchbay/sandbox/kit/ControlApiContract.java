package dev.patchbay.sandbox.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code _control} API every simulator shares. A simulator's test extends it (as a
 * {@code @QuarkusTest}) and names its path and one of its tunables.
 */
public abstract class ControlApiContract {

    /** The simulator's path, e.g. {@code /sandbox/genesys}. */
    protected abstract String simulatorPath();

    /** A tunable of the simulator that accepts the value 7. */
    protected abstract String someTunable();

    /** One of the simulator's API names for {@code "api"} in a fault. */
    protected abstract String someApi();

    protected final SandboxControl control() {
        return new SandboxControl(simulatorPath());
    }

    @BeforeEach
    void resetSimulator() {
        control().reset();
    }

    @Test
    void settingsChangeUntilReset() {
        long initial = control().settings().getLong(someTunable());
        assertEquals(7, control().settings(Map.of(someTunable(), 7)).getInt(someTunable()));
        assertEquals(7, control().state().getInt("settings." + someTunable()));
        control().reset();
        assertEquals(initial, control().settings().getLong(someTunable()));
    }

    @Test
    void badSettingsChangeNothing() {
        long initial = control().settings().getLong(someTunable());
        control().put("settings", Map.of(someTunable(), 7, "noSuchSetting", 1)).then().statusCode(400)
                .body("status", equalTo(400)).body("code", equalTo("bad.request"))
                .body("errors.field", hasItem("noSuchSetting"));
        control().put("settings", Map.of(someTunable(), -1)).then().statusCode(400)
                .body("errors.field", equalTo(List.of(someTunable())));
        control().put("settings", "not json").then().statusCode(400);
        assertEquals(initial, control().settings().getLong(someTunable()));
    }

    @Test
    void faultsAreQueuedListedAndCleared() {
        control().fault(List.of(Map.of("type", "status", "status", 503, "count", 2, "retryAfterSeconds", 5),
                Map.of("type", "latency", "millis", 10, "api", someApi())));
        JsonPath faults = control().faults();
        assertEquals(List.of("status", "latency"), faults.getList("faults.type"));
        assertEquals(List.of("any", someApi()), faults.getList("faults.api"));
        assertEquals(2, faults.getInt("faults[0].count"));
        assertEquals(5, faults.getInt("faults[0].retryAfterSeconds"));
        assertEquals(2, control().state().getList("faults").size());
        control().clearFaults();
        assertTrue(control().faults().getList("faults").isEmpty());
    }

    @Test
    void badFaultsAreRefusedWhole() {
        for (Object bad : List.of(Map.of("type", "bogus"), Map.of("type", "latency"),
                Map.of("type", "status", "status", 200), Map.of("type", "timeout", "api", "nowhere"),
                Map.of("type", "timeout", "count", 0), List.of(Map.of("type", "timeout"), "not a fault"))) {
            control().post("faults", bad).then().statusCode(400).body("code", equalTo("bad.request"));
        }
        assertTrue(control().faults().getList("faults").isEmpty());
    }

    @Test
    void resetClearsFaults() {
        control().fault(Map.of("type", "timeout"));
        control().reset();
        assertTrue(control().state().getList("faults").isEmpty());
    }

    @Test
    void theClockOnlyMovesForward() {
        Instant before = Instant.parse(control().state().getString("now"));
        Instant after = Instant.parse(control().advanceClock(3_600_000));
        assertTrue(!after.isBefore(before.plus(Duration.ofHours(1))), before + " → " + after);
        control().post("clock", Map.of("advanceMs", -1)).then().statusCode(400);
        control().post("clock", Map.of()).then().statusCode(400);
        given().contentType("application/json").post(control().path("clock")).then().statusCode(400);
    }
}
