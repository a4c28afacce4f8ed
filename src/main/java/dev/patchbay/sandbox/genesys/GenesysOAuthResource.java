package dev.patchbay.sandbox.genesys;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** {@code login.{region}/oauth/token}: the client-credentials grant with HTTP Basic client authentication. */
@Path("/sandbox/genesys/oauth/token")
public class GenesysOAuthResource {

    private final GenesysSettings settings;
    private final GenesysGate gate;

    public GenesysOAuthResource(GenesysSettings settings, GenesysGate gate) {
        this.settings = settings;
        this.gate = gate;
    }

    @POST
    public Uni<Response> token(@Context HttpHeaders headers, String body) {
        return gate.oauth(() -> {
            if (!clientAuthenticated(headers.getHeaderString(HttpHeaders.AUTHORIZATION))) {
                return oauthError(401, "invalid_client", "client not found or bad client secret")
                        .header("WWW-Authenticate", "Basic realm=\"oauth\"");
            }
            String grantType = form(body).get("grant_type");
            if (grantType == null) {
                return oauthError(400, "invalid_request", "grant_type is required");
            }
            if (!"client_credentials".equals(grantType)) {
                return oauthError(400, "unsupported_grant_type", "grant type " + grantType + " is not supported");
            }
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("access_token", gate.issueToken());
            answer.put("token_type", "bearer");
            answer.put("expires_in", settings.tokenLifetimeSeconds());
            return gate.json(200, answer);
        });
    }

    private boolean clientAuthenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(0, colon).equals(settings.clientId())
                && decoded.substring(colon + 1).equals(settings.clientSecret());
    }

    private Response.ResponseBuilder oauthError(int status, String error, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", error);
        body.put("description", description);
        body.put("error_description", description);
        return gate.json(status, body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        if (body == null) {
            return values;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
