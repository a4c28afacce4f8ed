package dev.patchbay.security.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.patchbay.security.Secrets;
import dev.patchbay.security.Secrets.BasicCredentials;
import dev.patchbay.store.ScimOAuthClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** The OAuth 2.0 token endpoint for the client credentials grant (RFC 6749 §4.4, errors per §5.2). */
@Path("/oauth2/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenEndpoint {

    static final String CLIENT_CREDENTIALS = "client_credentials";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    public record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
    }

    private final OAuthClientService clients;
    private final AccessTokens tokens;

    public TokenEndpoint(OAuthClientService clients, AccessTokens tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType, @FormParam("client_id") String formClientId,
            @FormParam("client_secret") String formClientSecret) {
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", "grant_type is required");
        }
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            return error(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
        }
        Optional<BasicCredentials> basic = Secrets.basicCredentials(authorization);
        boolean formCredentials = formClientId != null || formClientSecret != null;
        if (basic.isPresent() && formCredentials) {
            return error(400, "invalid_request", "Send the client credentials either in the Authorization header or in the form, not both");
        }
        if (authorization != null && basic.isEmpty()) {
            return invalidClient();
        }
        String clientId = basic.map(BasicCredentials::username).orElse(formClientId);
        String secret = basic.map(BasicCredentials::password).orElse(formClientSecret);
        if (clientId == null || secret == null || clientId.indexOf('\0') >= 0) {
            return invalidClient(); // a NUL can match no stored client id (and PostgreSQL text refuses it)
        }
        Optional<ScimOAuthClient> client = clients.authenticate(clientId, secret);
        if (client.isEmpty()) {
            return invalidClient();
        }
        AccessTokens.AccessToken issued = tokens.issue(client.get());
        return noStore(Response.ok(new TokenResponse(issued.token(), "Bearer", issued.lifetime().toSeconds())));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response wrongContentType() {
        return error(400, "invalid_request", "The token request must be application/x-www-form-urlencoded");
    }

    private static Response invalidClient() {
        return Response.fromResponse(error(401, "invalid_client", "Client authentication failed"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"patchbay\"")
                .build();
    }

    private static Response error(int status, String code, String description) {
        return noStore(Response.status(status).type(MediaType.APPLICATION_JSON).entity(new OAuthError(code, description)));
    }

    private static Response noStore(Response.ResponseBuilder builder) {
        return builder.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
