package dev.patchbay.security.issuer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The authorization-code flow of {@link TestIssuer}, for the console's sign-in: {@code GET /authorize} shows a
 * one-field form (a user name), its {@code POST} sends the browser back with a code (or, with "Deny",
 * {@code error=access_denied}); {@code POST /token} redeems codes (client secret and PKCE S256 checked, once
 * each) and refresh tokens. Access tokens carry the user's roles as they are now in {@code realm_access/roles}
 * and audience {@link #ADMIN_AUDIENCE}; ID tokens the nonce, audience {@link #CLIENT_ID}. Tests register users
 * ({@code POST /users}) and revoke their refresh tokens ({@code POST /revoke}) over HTTP.
 */
public final class SignInProvider {

    public static final String CLIENT_ID = "patchbay-console";
    public static final String CLIENT_SECRET = "console-client-secret";
    public static final String ADMIN_AUDIENCE = "patchbay-admin";
    static final String AUTHORIZE = "/authorize";
    static final String TOKEN = "/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Grant(String username, String redirectUri, String nonce, String codeChallenge) {
    }

    private final TestIssuer issuer;
    private final Map<String, List<String>> users = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile boolean tamperNextNonce;

    SignInProvider(TestIssuer issuer) {
        this.issuer = issuer;
    }

    void serve(HttpServer server) {
        server.createContext(AUTHORIZE, exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                signIn(exchange, form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            } else {
                Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                String problem = authorizationProblem(query);
                if (problem != null) {
                    html(exchange, 400, "<p id=\"problem\">" + problem + "</p>");
                } else {
                    html(exchange, 200, signInForm(query, null));
                }
            }
        });
        server.createContext(TOKEN, this::token);
        server.createContext("/users", exchange -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> user = JSON.readValue(exchange.getRequestBody(), Map.class);
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) user.get("roles");
            users.put((String) user.get("username"), List.copyOf(roles));
            issuer.reply(exchange, "{}");
        });
        server.createContext("/revoke", exchange -> {
            String username = (String) JSON.readValue(exchange.getRequestBody(), Map.class).get("username");
            refreshTokens.values().removeIf(username::equals);
            issuer.reply(exchange, "{}");
        });
        server.createContext("/tamper-next-nonce", exchange -> {
            tamperNextNonce = true;
            issuer.reply(exchange, "{}");
        });
        server.createContext("/refreshes", exchange -> issuer.reply(exchange, String.valueOf(refreshes.get())));
    }

    /** Registers (or changes the roles of) a user who may sign in at the provider running at {@code issuerUrl}. */
    public static void user(String issuerUrl, String username, String... roles) {
        post(issuerUrl + "/users", Map.of("username", username, "roles", List.of(roles)));
    }

    /** Revokes every refresh token the user holds: the next refresh is refused with invalid_grant. */
    public static void revoke(String issuerUrl, String username) {
        post(issuerUrl + "/revoke", Map.of("username", username));
    }

    /** The next ID token the provider issues carries another nonce than the authorization request's. */
    public static void tamperNextNonce(String issuerUrl) {
        post(issuerUrl + "/tamper-next-nonce", Map.of());
    }

    /** How many refresh-token grants the provider has answered so far (granted or refused). */
    public static int refreshes(String issuerUrl) {
        return Integer.parseInt(post(issuerUrl + "/refreshes", Map.of()));
    }

    private String authorizationProblem(Map<String, String> query) {
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            return "unknown client_id";
        }
        if (!"code".equals(query.get("response_type"))) {
            return "response_type must be code";
        }
        if (!String.valueOf(query.get("scope")).contains("openid")) {
            return "scope must include openid";
        }
        if (!"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            return "PKCE S256 is required";
        }
        if (query.get("redirect_uri") == null || query.get("state") == null || query.get("nonce") == null) {
            return "redirect_uri, state and nonce are required";
        }
        return null;
    }

    private void signIn(HttpExchange exchange, Map<String, String> form) throws IOException {
        String problem = authorizationProblem(form);
        if (problem != null) {
            html(exchange, 400, "<p id=\"problem\">" + problem + "</p>");
            return;
        }
        String back = form.get("redirect_uri") + (form.get("redirect_uri").contains("?") ? "&" : "?");
        String state = "state=" + URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8);
        if (form.containsKey("deny")) {
            redirect(exchange, back + "error=access_denied&" + state);
            return;
        }
        String username = form.getOrDefault("username", "").strip();
        if (!users.containsKey(username)) {
            html(exchange, 200, signInForm(form, "No user named '" + escape(username) + "' here."));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(username, form.get("redirect_uri"), form.get("nonce"), form.get("code_challenge")));
        redirect(exchange, back + "code=" + code + "&" + state);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, form)) {
            tokenError(exchange, 401, "invalid_client");
            return;
        }
        if ("authorization_code".equals(form.get("grant_type"))) {
            Grant grant = codes.remove(String.valueOf(form.get("code")));
            if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                    || !grant.codeChallenge().equals(challenge(form.get("code_verifier")))) {
                tokenError(exchange, 400, "invalid_grant");
                return;
            }
            String refreshToken = "rt-" + UUID.randomUUID();
            refreshTokens.put(refreshToken, grant.username());
            Map<String, Object> idToken = issuer.claims(CLIENT_ID);
            idToken.put("sub", grant.username());
            idToken.put("nonce", tamperNextNonce ? "n_tampered" : grant.nonce());
            tamperNextNonce = false;
            Map<String, Object> answer = tokens(grant.username());
            answer.put("id_token", issuer.sign(idToken));
            answer.put("refresh_token", refreshToken);
            issuer.reply(exchange, JSON.writeValueAsString(answer));
        } else if ("refresh_token".equals(form.get("grant_type"))) {
            refreshes.incrementAndGet();
            String username = refreshTokens.get(String.valueOf(form.get("refresh_token")));
            if (username == null || !users.containsKey(username)) {
                tokenError(exchange, 400, "invalid_grant");
                return;
            }
            issuer.reply(exchange, JSON.writeValueAsString(tokens(username)));
        } else {
            tokenError(exchange, 400, "unsupported_grant_type");
        }
    }

    private Map<String, Object> tokens(String username) {
        Map<String, Object> access = issuer.claims(ADMIN_AUDIENCE);
        access.put("sub", username);
        access.put("preferred_username", username);
        access.put("realm_access", Map.of("roles", users.getOrDefault(username, List.of())));
        Map<String, Object> answer = new HashMap<>();
        answer.put("access_token", issuer.sign(access));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        return answer;
    }

    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
            return pair.equals(CLIENT_ID + ":" + CLIENT_SECRET);
        }
        return CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
    }

    private static String challenge(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signInForm(Map<String, String> request, String error) {
        StringBuilder hidden = new StringBuilder();
        for (String field : Set.of("client_id", "response_type", "scope", "redirect_uri", "state", "nonce",
                "code_challenge", "code_challenge_method")) {
            hidden.append("<input type=\"hidden\" name=\"").append(field).append("\" value=\"")
                    .append(escape(request.get(field))).append("\">");
        }
        return "<h1>Test identity provider</h1>" + (error == null ? "" : "<p id=\"problem\">" + error + "</p>")
                + "<form method=\"post\" action=\"" + AUTHORIZE + "\">" + hidden
                + "<label for=\"username\">User name</label> <input id=\"username\" name=\"username\" autofocus>"
                + " <button type=\"submit\" id=\"provider-sign-in\">Sign in</button>"
                + " <button type=\"submit\" name=\"deny\" value=\"1\" id=\"provider-deny\">Deny</button></form>";
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Test identity provider</title>"
                + "</head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void tokenError(HttpExchange exchange, int status, String error) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(Map.of("error", error));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String post(String url, Map<String, Object> body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
