package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.VendorRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Genesys Cloud authorization: the user's division, and role grants in divisions ("Role" in the user's
 * division, "Role@Division" elsewhere), replaced as a whole and never above the user's license.
 */
final class GenesysAuthorization {

    private final GenesysApi api;
    private final GenesysLicenses licenses;

    GenesysAuthorization(GenesysApi api, GenesysLicenses licenses) {
        this.api = api;
        this.licenses = licenses;
    }

    /**
     * Moves the user to the division (the home division when none is named). Roles granted in the old
     * division are granted in the new one instead, so that "Agent" still means "Agent where the user is".
     */
    void moveToDivision(VendorRef ref, String name) {
        JsonNode user = api.user(ref);
        String from = user.path("division").path("id").asText();
        String to = api.catalog().divisionId(name);
        if (from.equals(to)) {
            api.catalog().listings().putDivision(ref.id(), to, api.catalog().now());
            return;
        }
        Set<String> roles = roleValues(ref, from);
        ArrayNode ids = GenesysHttp.JSON.createArrayNode().add(ref.id());
        if (api.http().send("POST", "/authorization/divisions/" + to + "/objects/USER", ids).notFound()) {
            throw new ConnectorException.Rejected("Genesys Cloud has no division '" + name + "'");
        }
        api.catalog().listings().putDivision(ref.id(), to, api.catalog().now());
        if (!roles.isEmpty()) {
            grantRoles(ref, roles, null);
        }
    }

    /** The user's roles as role names where granted in {@code division}, else as {@code Role@Division}. */
    Set<String> roleValues(VendorRef ref, String division) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode grant : GenesysApi.require(api.http().send("GET", "/authorization/subjects/" + ref.id(), null), ref)
                .path("grants")) {
            String role = grant.path("role").path("name").asText();
            String grantDivision = grant.path("division").path("id").asText();
            roles.add(grantDivision.equals(division) ? role : role + "@" + grant.path("division").path("name").asText());
        }
        return roles;
    }

    /**
     * Role values are role names, granted in the user's division, or {@code Role@Division}. The user's
     * division and license ({@code appliedLicense}, what Patchbay last applied; null to read it) are read
     * only when this gateway does not know them.
     */
    void grantRoles(VendorRef ref, Set<String> roles, Object appliedLicense) {
        String userDivision = api.catalog().listings().divisionOf(ref.id(), api.catalog().now());
        if (userDivision == null) {
            userDivision = api.user(ref).path("division").path("id").asText();
            api.catalog().listings().putDivision(ref.id(), userDivision, api.catalog().now());
        }
        ArrayNode grants = GenesysHttp.JSON.createArrayNode();
        for (String role : roles) {
            int at = role.lastIndexOf('@');
            String roleName = at > 0 ? role.substring(0, at) : role;
            String division = at > 0 ? api.catalog().divisionId(role.substring(at + 1)) : userDivision;
            grants.addObject().put("roleId", api.catalog().roleId(roleName)).put("divisionId", division);
        }
        List<String> held = licenses.heldOrApplied(ref, appliedLicense);
        Map<String, String> uncovered = licenses.uncoveredRoles(held, roles);
        if (!uncovered.isEmpty()) {
            throw new ConnectorException.NeedsAction("role(s) " + uncovered.keySet() + " need license "
                    + new TreeSet<>(uncovered.values()) + "; the user has " + held,
                    GenesysCapabilities.LICENSE_CEILING);
        }
        ObjectNode body = GenesysHttp.JSON.createObjectNode();
        body.set("grants", grants);
        try {
            api.http().send("POST", "/authorization/subjects/" + ref.id() + "/bulkreplace?subjectType=PC_USER", body);
        } catch (ConnectorException.Rejected e) {
            if (e.getMessage().contains("license")) {
                throw new ConnectorException.NeedsAction(e.getMessage(), GenesysCapabilities.LICENSE_CEILING);
            }
            throw e;
        }
    }
}
