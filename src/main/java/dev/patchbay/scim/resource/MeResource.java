package dev.patchbay.scim.resource;

import dev.patchbay.scim.error.ScimException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** {@code /Me} (RFC 7644 §3.11): a connection's token stands for an IdP application, not a user. */
@Path("/scim/v2/{connection}/Me")
public class MeResource {

    private static final String DETAIL = "/Me is not supported: the bearer token identifies an IdP connection, not a user";

    @GET
    public void get() {
        throw notImplemented();
    }

    @POST
    public void post() {
        throw notImplemented();
    }

    @PUT
    public void put() {
        throw notImplemented();
    }

    @PATCH
    public void patch() {
        throw notImplemented();
    }

    @DELETE
    public void delete() {
        throw notImplemented();
    }

    private static ScimException notImplemented() {
        return new ScimException(501, null, DETAIL);
    }
}
