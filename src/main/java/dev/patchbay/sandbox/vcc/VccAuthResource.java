package dev.patchbay.sandbox.vcc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.BasicAuthorization;
import dev.patchbay.sandbox.kit.FormBody;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /Auth/connect/token}: the client credentials grant with the API credential's id and secret in the
 * form (or HTTP Basic) and the scopes asked for, space-separated; tokens live 7,200 s.
 */
@Path("/sandbox/vcc/Auth/connect/token")
public class VccAuthResource {

    private final VccSandboxSettings settings;
    private final VccGate gate;

    public VccAuthResource(VccSandboxSettings settings, VccGate gate) {
        this.settings = settings;
        this.gate = gate;
    }

    @POST
    public Response token(@Context HttpHeaders headers, String body) {
        return gate.auth(() -> {
            Map<String, String> form = FormBody.parse(body);
            Optional<BasicAuthorization> basic = BasicAuthorization.parse(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
            String clientId = basic.map(BasicAuthorization::user).orElse(form.get("client_id"));
            String secret = basic.map(BasicAuthorization::password).orElse(form.get("client_secret"));
            if (!settings.clientId().equals(clientId) || !settings.clientSecret().equals(secret)) {
                return oauthError(401, "invalid_client");
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                return oauthError(400, form.get("grant_type") == null ? "invalid_request" : "unsupported_grant_type");
            }
            String scope = form.getOrDefault("scope", "").trim();
            List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split("\\s+"));
            if (scopes.isEmpty() || !settings.scopes().containsAll(scopes)) {
                return oauthError(400, "invalid_scope");
            }
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("access_token", gate.issueToken(scopes));
            answer.put("expires_in", gate.tokenLifetimeSeconds());
            answer.put("token_type", "Bearer");
            answer.put("scope", String.join(" ", scopes));
            return Response.ok(answer.toString(), "application/json");
        });
    }

    private static Response.ResponseBuilder oauthError(int status, String error) {
        return Response.status(status).type("application/json")
                .entity(JsonNodeFactory.instance.objectNode().put("error", error).toString());
    }
}
