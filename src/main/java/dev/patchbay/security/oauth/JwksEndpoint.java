package dev.patchbay.security.oauth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.Use;

/** The public key of the access tokens Patchbay issues, as a JWKS, for anyone who wants to check them. */
@Path("/oauth2/jwks")
public class JwksEndpoint {

    private final SigningKeys keys;

    public JwksEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        SigningKeys.SigningKey key = keys.current();
        RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
        jwk.setKeyId(key.keyId());
        jwk.setAlgorithm(SigningKeys.ALGORITHM);
        jwk.setUse(Use.SIGNATURE);
        return Map.of("keys", List.of(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
    }
}
