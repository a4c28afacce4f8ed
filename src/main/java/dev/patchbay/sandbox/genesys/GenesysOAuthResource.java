package dev.patchbay.sandbox.genesys;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.BasicAuthorization;
import dev.patchbay.sandbox.kit.FormBody;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

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
            String client = authenticatedClient(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (client == null) {
                return oauthError(401, "invalid_client", "client not found or bad client secret")
                        .header("WWW-Authenticate", "Basic realm=\"oauth\"");
            }
            String grantType = FormBody.parse(body).get("grant_type");
            if (grantType == null) {
                return oauthError(400, "invalid_request", "grant_type is required");
            }
            if (!"client_credentials".equals(grantType)) {
                return oauthError(400, "unsupported_grant_type", "grant type " + grantType + " is not supported");
            }
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("access_token", gate.issueToken(client));
            answer.put("token_type", "bearer");
            answer.put("expires_in", settings.tokenLifetimeSeconds());
            return gate.json(200, answer);
        });
    }

    /** The client the Basic credentials authenticate, or null. */
    private String authenticatedClient(String authorization) {
        return BasicAuthorization.parse(authorization)
                .filter(basic -> basic.password().equals(settings.clients().get(basic.user())))
                .map(basic -> basic.user()).orElse(null);
    }

    private Response.ResponseBuilder oauthError(int status, String error, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", error);
        body.put("description", description);
        body.put("error_description", description);
        return gate.json(status, body);
    }
}
