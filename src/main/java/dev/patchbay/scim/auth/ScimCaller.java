package dev.patchbay.scim.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** Who is calling the SCIM API in this request: the connection and the token it authenticated with. */
@RequestScoped
public class ScimCaller {

    private String connectionId;
    private UUID tokenId;

    public void authenticated(String connectionId, UUID tokenId) {
        this.connectionId = connectionId;
        this.tokenId = tokenId;
    }

    public String connectionId() {
        if (connectionId == null) {
            throw new IllegalStateException("SCIM request was not authenticated");
        }
        return connectionId;
    }

    public UUID tokenId() {
        return tokenId;
    }
}
