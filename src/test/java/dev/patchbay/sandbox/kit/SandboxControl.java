package dev.patchbay.sandbox.kit;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;

/** Drives a simulator's {@code _control} API over HTTP: {@code new SandboxControl("/sandbox/genesys")}. */
public final class SandboxControl {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String control;

    public SandboxControl(String simulatorPath) {
        this.control = simulatorPath + "/_control";
    }

    /** The URL path of a control endpoint, e.g. {@code path("licenses")}. */
    public String path(String endpoint) {
        return control + "/" + endpoint;
    }

    public void reset() {
        given().post(path("reset")).then().statusCode(204);
    }

    public JsonPath state() {
        return given().get(path("state")).then().statusCode(200).extract().jsonPath();
    }

    /** Changes some tunables until the next reset and answers them all. */
    public JsonPath settings(Map<String, ?> changes) {
        return put("settings", changes).then().statusCode(200).extract().jsonPath();
    }

    public JsonPath settings() {
        return given().get(path("settings")).then().statusCode(200).extract().jsonPath();
    }

    /** Moves the simulator's clock forward and answers its new time. */
    public String advanceClock(long millis) {
        return post("clock", Map.of("advanceMs", millis)).then().statusCode(200).extract().path("now");
    }

    /** Queues one fault (a map) or several (a list), in order. */
    public void fault(Object faultOrFaults) {
        post("faults", faultOrFaults).then().statusCode(200);
    }

    public JsonPath faults() {
        return given().get(path("faults")).then().statusCode(200).extract().jsonPath();
    }

    public void clearFaults() {
        given().delete(path("faults")).then().statusCode(204);
    }

    /** POSTs {@code body} (a JSON string, or a value to serialise) to a control endpoint, status unchecked. */
    public Response post(String endpoint, Object body) {
        return given().contentType("application/json").body(json(body)).post(path(endpoint));
    }

    public Response put(String endpoint, Object body) {
        return given().contentType("application/json").body(json(body)).put(path(endpoint));
    }

    private static String json(Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
