package dev.patchbay.security.issuer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * An OIDC issuer for tests, on a random local port: it serves {@code /.well-known/openid-configuration}
 * and {@code /jwks}, signs tokens with its own RSA key, and mints them over HTTP ({@code POST /mint}
 * with the claims as JSON) for tests that cannot share the object with the code that started it. Admins
 * sign in at it through the browser too: see {@link SignInProvider}.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String KEY_ID = "test-key-1";
    public static final String ROTATED_KEY_ID = "test-key-2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final KeyPair key = newRsaKey();
    private volatile KeyPair rotatedKey;
    private final AtomicInteger jwksFetches = new AtomicInteger();

    private TestIssuer(HttpServer server) {
        this.server = server;
    }

    public static TestIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server);
            server.createContext("/.well-known/openid-configuration", exchange -> issuer.reply(exchange,
                    JSON.writeValueAsString(Map.of("issuer", issuer.url(), "jwks_uri", issuer.jwksUrl(),
                            "authorization_endpoint", issuer.url() + SignInProvider.AUTHORIZE,
                            "token_endpoint", issuer.url() + SignInProvider.TOKEN))));
            server.createContext("/jwks", exchange -> {
                issuer.jwksFetches.incrementAndGet();
                issuer.reply(exchange, issuer.jwks());
            });
            server.createContext("/mint", exchange -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> claims = JSON.readValue(exchange.getRequestBody(), Map.class);
                issuer.reply(exchange, issuer.sign(claims));
            });
            new SignInProvider(issuer).serve(server);
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwksUrl() {
        return url() + "/jwks";
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** iss, aud, sub, iat and exp (five minutes from now); add or override the rest. */
    public Map<String, Object> claims(String audience) {
        Map<String, Object> claims = new HashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", url());
        claims.put("aud", audience);
        claims.put("sub", "subject-1");
        claims.put("iat", now);
        claims.put("exp", now + 300);
        return claims;
    }

    public String sign(Map<String, Object> claims) {
        return sign(claims, key.getPrivate(), KEY_ID);
    }

    /** Publishes a second key under {@link #ROTATED_KEY_ID} and signs with it. */
    public String signWithRotatedKey(Map<String, Object> claims) {
        if (rotatedKey == null) {
            rotatedKey = newRsaKey();
        }
        return sign(claims, rotatedKey.getPrivate(), ROTATED_KEY_ID);
    }

    /** Same {@code kid}, another key: the signature cannot be verified with the published JWKS. */
    public String signWithAnotherKey(Map<String, Object> claims) {
        return sign(claims, newRsaKey().getPrivate(), KEY_ID);
    }

    /** Asks a running issuer at {@code issuerUrl} to sign {@code claims}. */
    public static String mint(String issuerUrl, Map<String, Object> claims) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuerUrl + "/mint"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(claims))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sign(Map<String, Object> claims, PrivateKey privateKey, String keyId) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(JSON.writeValueAsString(claims));
            jws.setKey(privateKey);
            jws.setKeyIdHeaderValue(keyId);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        JsonWebKeySet jwks = new JsonWebKeySet(jwk(key, KEY_ID));
        if (rotatedKey != null) {
            jwks.addJsonWebKey(jwk(rotatedKey, ROTATED_KEY_ID));
        }
        return jwks.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static RsaJsonWebKey jwk(KeyPair pair, String keyId) {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        jwk.setKeyId(keyId);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jwk;
    }

    void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
