package dev.patchbay.connector.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.patchbay.connector.ConnectorException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit's OAuth client-credentials token source against a token endpoint of the test's own. */
@QuarkusTest
class ClientCredentialsTokensTest {

    @Inject
    OidcClients clients;

    private HttpServer server;
    private final Map<String, String> lastForm = new ConcurrentHashMap<>();
    private volatile String lastAuthorization;
    private final AtomicInteger issued = new AtomicInteger();

    @BeforeEach
    void tokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastForm.clear();
            for (String pair : form.split("&")) {
                String[] parts = pair.split("=", 2);
                lastForm.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean good = "s3cret".equals(lastForm.get("client_secret")) || lastAuthorization != null;
            byte[] body = (good ? "{\"access_token\":\"token-" + issued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":7200}" : "{\"error\":\"invalid_client\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(good ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ClientCredentialsTokens tokens(String secret, List<String> scopes, boolean basic) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/connect/token");
        return new ClientCredentialsTokens(clients, new ClientCredentialsTokens.Client("Vendor X", url, "client-1",
                secret, scopes, basic, Duration.ofSeconds(5)), "kit-test-" + System.nanoTime(), Clock.systemUTC());
    }

    @Test
    void scopesAreSentSpaceSeparatedAndOneTokenServesEveryCall() {
        try (ClientCredentialsTokens tokens = tokens("s3cret", List.of("users:read", "users:write"), false)) {
            String first = tokens.accessToken();
            assertEquals(first, tokens.accessToken(), "the token is shared until it is refused or expires");
            assertEquals("client_credentials", lastForm.get("grant_type"));
            assertEquals("users:read users:write", lastForm.get("scope"));
            assertEquals("client-1", lastForm.get("client_id"));
            assertEquals(1, issued.get());

            tokens.rejected(first);
            assertNotEquals(first, tokens.accessToken(), "a refused token is replaced");
            assertEquals(2, issued.get());
        }
    }

    @Test
    void theSecretGoesInABasicHeaderWhenTheVendorWantsItAndNoScopeWithoutOne() {
        try (ClientCredentialsTokens tokens = tokens("basic-secret", List.of(), true)) {
            tokens.accessToken();
            assertTrue(lastAuthorization.startsWith("Basic "), lastAuthorization);
            assertTrue(!lastForm.containsKey("scope"), lastForm.toString());
            assertTrue(!lastForm.containsKey("client_secret"), "the secret is not in the form as well");
        }
    }

    @Test
    void aRefusalAtTheTokenEndpointMeansWrongCredentials() {
        try (ClientCredentialsTokens tokens = tokens("wrong", List.of("users:read"), false)) {
            ConnectorException.AuthFailed refused = assertThrows(ConnectorException.AuthFailed.class, tokens::accessToken);
            assertTrue(refused.getMessage().startsWith("Vendor X refused the OAuth client client-1"), refused.getMessage());
            assertTrue(refused.getMessage().contains("[users:read]"), refused.getMessage());
        }
    }
}
