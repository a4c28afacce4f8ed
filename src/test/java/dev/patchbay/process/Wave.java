package dev.patchbay.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * A wave of users pushed the way Okta does, to a gateway process whose Genesys connection points at the
 * Genesys sandbox of another gateway process (so that killing the first leaves the vendor running).
 */
final class Wave {

    static final String ADMIN_TOKEN = "pba_process-test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTENSION = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";
    private static final Set<String> FINAL = Set.of("provisioned", "needs_action", "failed");

    private final String connection;
    private final String scimToken;
    private final String prefix;
    private GatewayProcess gateway;

    private Wave(GatewayProcess gateway, String connection, String scimToken, String prefix) {
        this.gateway = gateway;
        this.connection = connection;
        this.scimToken = scimToken;
        this.prefix = prefix;
    }

    /** A connection of {@code gateway} to the Genesys sandbox that {@code vendor} serves, and a SCIM token for it. */
    static Wave to(GatewayProcess gateway, GatewayProcess vendor, String prefix) throws Exception {
        String connection = prefix + "-genesys";
        String sandbox = vendor.baseUrl() + "/sandbox/genesys";
        String settings = """
                {"id":"%s","vendor":"genesys","displayName":"Genesys in another process",
                 "settings":{"apiBaseUrl":"%s","loginBaseUrl":"%s","clientId":"sandbox-genesys-client",
                             "clientSecret":"sandbox-genesys-secret","requestTimeoutSeconds":5}}"""
                .formatted(connection, sandbox, sandbox);
        expect(201, send(gateway, "POST", "/admin/v1/connections", "Bearer " + ADMIN_TOKEN, settings));
        String token = JSON.readTree(expect(201, send(gateway, "POST", "/admin/v1/connections/" + connection
                + "/tokens", "Bearer " + ADMIN_TOKEN, "{}")).body()).path("token").asText();
        return new Wave(gateway, connection, token, prefix);
    }

    /** The same connection on a restarted gateway. */
    void runsOn(GatewayProcess restarted) {
        this.gateway = restarted;
    }

    void push(int users) throws Exception {
        for (int i = 0; i < users; i++) {
            String userName = prefix + i + "@example.com";
            expect(201, send(gateway, "POST", "/scim/v2/" + connection + "/Users", "Bearer " + scimToken, """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%1$s",
                     "name":{"givenName":"Wave","familyName":"User %2$d"},"displayName":"Wave User %2$d",
                     "emails":[{"primary":true,"value":"%1$s","type":"work"}],"active":true}"""
                    .formatted(userName, i)));
        }
    }

    /** How many of the wave's users have reached a final state (provisioned, needs_action or failed). */
    int finalUsers() throws Exception {
        int count = 0;
        for (JsonNode user : users()) {
            count += FINAL.contains(state(user)) ? 1 : 0;
        }
        return count;
    }

    int provisionedUsers() throws Exception {
        JsonNode resources = users();
        int provisioned = 0;
        for (JsonNode user : resources) {
            provisioned += "provisioned".equals(state(user)) ? 1 : 0;
        }
        return provisioned;
    }

    /** Waits until {@code users} are provisioned or {@code timeout} passed; returns how long it took. */
    Duration awaitProvisioned(int users, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (provisionedUsers() >= users) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException | IllegalStateException e) {
                // the gateway is restarting its database: ask again
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Only " + provisionedUsers() + " of " + users + " users provisioned after " + timeout);
    }

    /** Waits until {@code users} are final or {@code timeout} passed; returns how long it took. */
    Duration awaitFinal(int users, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (finalUsers() >= users) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException | IllegalStateException e) {
                // the gateway is restarting its database: ask again
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Only " + finalUsers() + " of " + users + " users final after " + timeout);
    }

    /** The vendor's accounts for this wave's users, as the sandbox in the other process holds them. */
    static int vendorAccounts(GatewayProcess vendor, String prefix) throws Exception {
        JsonNode state = JSON.readTree(expect(200, send(vendor, "GET", "/sandbox/genesys/_control/state", null, null))
                .body());
        int accounts = 0;
        for (JsonNode user : state.path("users")) {
            accounts += user.path("email").asText().startsWith(prefix) ? 1 : 0;
        }
        return accounts;
    }

    /** Every Genesys API call of the next {@code calls} takes {@code millis} longer, as a loaded vendor would. */
    static void slowVendor(GatewayProcess vendor, int millis, int calls) throws Exception {
        expect(200, send(vendor, "POST", "/sandbox/genesys/_control/faults", null,
                "{\"type\":\"latency\",\"millis\":%d,\"api\":\"api\",\"count\":%d}".formatted(millis, calls)));
    }

    private JsonNode users() throws Exception {
        HttpResponse<String> answer = send(gateway, "GET", "/scim/v2/" + connection + "/Users?count=1000&filter="
                + java.net.URLEncoder.encode("userName sw \"" + prefix + "\"", java.nio.charset.StandardCharsets.UTF_8),
                "Bearer " + scimToken, null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("SCIM list answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("Resources");
    }

    private static String state(JsonNode user) {
        return user.path(EXTENSION).path("provisioning").path("state").asText();
    }

    static HttpResponse<String> send(GatewayProcess gateway, String method, String path, String authorization,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", path.startsWith("/scim/") ? "application/scim+json" : "application/json");
        }
        // The request timeout covers only the answer's headers: a body that never completes (seen once for a
        // read that met the database being killed) must not hang the test, so the whole answer is bounded.
        try {
            return HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .get(45, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException("no complete answer to " + method + " " + path + " in 45 s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }
}
