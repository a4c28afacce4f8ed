package dev.patchbay.sandbox.vbc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.BasicAuthorization;
import dev.patchbay.sandbox.kit.FormBody;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST api.vonage.com/token} (form-encoded): the password grant of an integration user and the
 * refresh-token grant. The client is the developer app's consumer key and secret, in the form or as
 * HTTP Basic. Every grant answers a new access token (86,400 s) and a new refresh token (7 days); a refresh
 * token works once: spending it again, or after it expired, is {@code invalid_grant}.
 */
@Path("/sandbox/vbc/token")
public class VbcTokenResource {

    private final VbcSettings settings;
    private final VbcAccount account;
    private final VbcGate gate;

    public VbcTokenResource(VbcSettings settings, VbcAccount account, VbcGate gate) {
        this.settings = settings;
        this.account = account;
        this.gate = gate;
    }

    @POST
    public Response token(@Context HttpHeaders headers, String body) {
        return gate.token(() -> {
            Map<String, String> form = FormBody.parse(body);
            String clientId = form.get("client_id");
            String clientSecret = form.get("client_secret");
            var basic = BasicAuthorization.parse(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (basic.isPresent()) {
                clientId = basic.get().user();
                clientSecret = basic.get().password();
            }
            if (!settings.clientId().equals(clientId) || !settings.clientSecret().equals(clientSecret)) {
                return error(401, "invalid_client", "Client Authentication failed.");
            }
            String grant = form.get("grant_type");
            if ("password".equals(grant)) {
                if (!settings.username().equals(form.get("username")) || !settings.password().equals(form.get("password"))) {
                    return error(400, "invalid_grant", "Authentication failed for " + form.get("username"));
                }
                return issued(form.getOrDefault("scope", "openid"));
            }
            if ("refresh_token".equals(grant)) {
                if (!account.spend(form.get("refresh_token"))) {
                    return error(400, "invalid_grant", "Persisted access token data not found");
                }
                return issued("openid");
            }
            return error(400, "unsupported_grant_type", "Unsupported grant_type value");
        });
    }

    private Response.ResponseBuilder issued(String scope) {
        String[] tokens = account.issue();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("access_token", tokens[0]);
        answer.put("refresh_token", tokens[1]);
        answer.put("scope", scope);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", settings.accessTokenSeconds());
        return gate.json(200, answer);
    }

    private Response.ResponseBuilder error(int status, String error, String description) {
        return gate.json(status, JsonNodeFactory.instance.objectNode().put("error", error)
                .put("error_description", description));
    }
}
