package dev.patchbay.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The HTTP floor of the benchmarks: the same server answering without authentication, filters' work or data. */
@Path("/bench/noop")
public class NoOpResource {

    @GET
    @Produces({"application/scim+json", "application/json"})
    public String noOp() {
        return "{}";
    }
}
