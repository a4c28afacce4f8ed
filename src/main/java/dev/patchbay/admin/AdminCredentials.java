package dev.patchbay.admin;

import dev.patchbay.security.AdminBootstrap;
import dev.patchbay.security.AdminOidc;
import dev.patchbay.security.AdminOidc.AdminIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who an admin token belongs to: the bootstrap token is {@code bootstrap} with role {@code admin}; an access
 * token of the admin OIDC provider is its subject with the strongest of its roles (null when it has none).
 * The admin API's filter and the console's sign-in both ask here.
 */
@ApplicationScoped
public class AdminCredentials {

    private final AdminBootstrap bootstrap;
    private final AdminOidc oidc;

    public AdminCredentials(AdminBootstrap bootstrap, AdminOidc oidc) {
        this.bootstrap = bootstrap;
        this.oidc = oidc;
    }

    /** Empty when the token is neither the bootstrap token nor a valid admin access token. */
    public Optional<AdminIdentity> identify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        if (bootstrap.accepts(token)) {
            return Optional.of(new AdminIdentity("bootstrap", "admin"));
        }
        return oidc.authenticate(token);
    }

    /** Whether {@code role} may send {@code method} to the admin API's {@code path} (see {@link AdminPermissions}). */
    public static boolean allows(String role, String method, String path) {
        return AdminPermissions.allows(role, method, path);
    }
}
