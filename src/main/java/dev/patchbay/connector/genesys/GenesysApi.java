package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.VendorRef;

/** What the parts of a Genesys Cloud connector share: the connection's settings, its HTTP client and catalogue. */
record GenesysApi(GenesysSettings settings, GenesysHttp http, GenesysCatalog catalog) {

    /** The answer's body; a 404 means the user is gone. */
    static JsonNode require(GenesysHttp.Answer answer, VendorRef ref) {
        if (answer.notFound()) {
            throw new ConnectorException.NotFound("Genesys Cloud has no user " + ref.id());
        }
        return answer.body();
    }

    JsonNode user(VendorRef ref) {
        return require(http.send("GET", "/users/" + ref.id(), null), ref);
    }
}
