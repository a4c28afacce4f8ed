package dev.patchbay.admin;

import dev.patchbay.secrets.ConnectionSecrets;
import dev.patchbay.web.ApiException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Key rotation for the encrypted connection secrets. */
@Path("/admin/v1/secrets")
@Produces(MediaType.APPLICATION_JSON)
public class SecretsResource {

    public record Rotation(int reencrypted, String activeKey) {
    }

    private final ConnectionSecrets secrets;

    public SecretsResource(ConnectionSecrets secrets) {
        this.secrets = secrets;
    }

    /** Re-encrypts every secret setting that is not under the active key; values under it are left alone. */
    @POST
    @Path("rotate")
    public Rotation rotate() {
        String active = secrets.activeKeyId().orElseThrow(() -> new ApiException(409, "no_key",
                "No secrets key is configured (patchbay.secrets.key), so there is nothing to rotate to"));
        return new Rotation(secrets.rotate(), active);
    }
}
