package dev.patchbay.scim.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Who is calling the SCIM API in this request: the connection and the credential it authenticated with.
 * {@link #principal()} names that credential for logs and the audit trail, never its secret.
 */
@RequestScoped
public class ScimCaller {

    private String connectionId;
    private UUID tokenId;
    private String principal;

    public void authenticated(String connectionId, UUID tokenId) {
        authenticated(connectionId, tokenId, "token:" + tokenId);
    }

    public void authenticated(String connectionId, UUID credentialId, String principal) {
        this.connectionId = connectionId;
        this.tokenId = credentialId;
        this.principal = principal;
    }

    public String connectionId() {
        if (connectionId == null) {
            throw new IllegalStateException("SCIM request was not authenticated");
        }
        return connectionId;
    }

    /** The id of the stored credential (token, client, password) that authenticated, if it is stored here. */
    public UUID tokenId() {
        return tokenId;
    }

    /** For example {@code token:<id>}; null before authentication. */
    public String principal() {
        return principal;
    }
}
