package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.BatchItem;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.VendorRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Genesys Cloud licenses: one tier license per user (the others are given up), and the license as the
 * ceiling of the user's roles ({@code license/infer} tells which license a role needs).
 */
final class GenesysLicenses {

    /** UNVERIFIED: Genesys documents no ceiling of users per license batch; this many go in one call. */
    static final int USERS_PER_CALL = 100;

    private final GenesysApi api;

    GenesysLicenses(GenesysApi api) {
        this.api = api;
    }

    /**
     * Assigns the license and gives up the user's other tier licenses. Going down a tier first takes
     * back the roles the lower license does not cover (the license is the roles' ceiling); the roles
     * step that follows grants what the policy wants within it.
     */
    void assign(VendorRef ref, String license) {
        List<String> held = held(ref);
        List<String> giveUp = held.stream()
                .filter(id -> !id.equals(license) && api.settings().licenseTiers().contains(id)).toList();
        boolean downgrade = giveUp.stream().anyMatch(id -> api.settings().rank(id) > api.settings().rank(license));
        if (downgrade) {
            revokeRolesAbove(ref, license);
        }
        ObjectNode request = GenesysHttp.JSON.createObjectNode();
        ArrayNode assignments = request.putArray("assignments");
        if (license != null && !held.contains(license)) {
            assignments.addObject().put("licenseId", license).putArray("userIdsAdd").add(ref.id());
        }
        giveUp.forEach(id -> assignments.addObject().put("licenseId", id).putArray("userIdsRemove").add(ref.id()));
        if (assignments.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (JsonNode result : api.http().send("POST", "/license/organization", request).body()) {
            if (!"success".equalsIgnoreCase(result.path("result").asText(result.path("status").asText()))) {
                failures.add(result.path("licenseId").asText() + ": "
                        + result.path("errors").path(0).path("message").asText("refused"));
            }
        }
        if (!failures.isEmpty()) {
            throw new ConnectorException.Rejected("Genesys Cloud refused license changes for " + ref.id() + ": "
                    + String.join("; ", failures));
        }
    }

    /**
     * Licenses of many users in calls of {@link #USERS_PER_CALL}: each user gets its license and gives up
     * the tier Patchbay assigned it before. A downgrade (which first takes back roles above the new
     * license) goes one user at a time. Each user's outcome is its own, from Genesys' per-user statuses.
     */
    Map<Long, ConnectorException> assignMany(List<BatchItem> items) {
        Map<Long, ConnectorException> failures = new LinkedHashMap<>();
        List<BatchItem> together = new ArrayList<>();
        for (BatchItem item : items) {
            String license = String.valueOf(item.value());
            String previous = item.previous() == null ? null : String.valueOf(item.previous());
            if (previous != null && api.settings().rank(previous) > api.settings().rank(license)) {
                try {
                    assign(item.ref(), license);
                } catch (ConnectorException e) {
                    failures.put(item.id(), e);
                }
            } else {
                together.add(item);
            }
        }
        for (int start = 0; start < together.size(); start += USERS_PER_CALL) {
            failures.putAll(assignTogether(together.subList(start, Math.min(together.size(), start + USERS_PER_CALL))));
        }
        return failures;
    }

    private Map<Long, ConnectorException> assignTogether(List<BatchItem> items) {
        Map<String, ArrayNode> adds = new LinkedHashMap<>();
        Map<String, ArrayNode> removes = new LinkedHashMap<>();
        Map<String, BatchItem> byUser = new LinkedHashMap<>();
        for (BatchItem item : items) {
            String license = String.valueOf(item.value());
            byUser.put(item.ref().id(), item);
            adds.computeIfAbsent(license, id -> GenesysHttp.JSON.createArrayNode()).add(item.ref().id());
            String previous = item.previous() == null ? null : String.valueOf(item.previous());
            if (previous != null && !previous.equals(license) && api.settings().licenseTiers().contains(previous)) {
                removes.computeIfAbsent(previous, id -> GenesysHttp.JSON.createArrayNode()).add(item.ref().id());
            }
        }
        ObjectNode request = GenesysHttp.JSON.createObjectNode();
        ArrayNode assignments = request.putArray("assignments");
        adds.forEach((license, users) -> assignments.addObject().put("licenseId", license).set("userIdsAdd", users));
        removes.forEach((license, users) -> assignments.addObject().put("licenseId", license)
                .set("userIdsRemove", users));
        Map<Long, ConnectorException> failures = new LinkedHashMap<>();
        for (JsonNode result : api.http().send("POST", "/license/organization", request).body()) {
            BatchItem item = byUser.get(result.path("userId").asText());
            if (item != null && !"success".equalsIgnoreCase(result.path("result").asText(result.path("status").asText()))) {
                failures.put(item.id(), new ConnectorException.Rejected("Genesys Cloud refused license "
                        + result.path("licenseId").asText() + " for " + item.ref().id() + ": "
                        + result.path("errors").path(0).path("message").asText("refused")));
            }
        }
        return failures;
    }

    private void revokeRolesAbove(VendorRef ref, String license) {
        ArrayNode revoke = GenesysHttp.JSON.createArrayNode();
        for (JsonNode grant : GenesysApi.require(api.http().send("GET", "/authorization/subjects/" + ref.id(), null), ref)
                .path("grants")) {
            String roleId = grant.path("role").path("id").asText();
            if (!covered(requiredLicenses(List.of(roleId)), license)) {
                revoke.addObject().put("roleId", roleId).put("divisionId", grant.path("division").path("id").asText());
            }
        }
        if (!revoke.isEmpty()) {
            ObjectNode body = GenesysHttp.JSON.createObjectNode();
            body.set("grants", revoke);
            api.http().send("POST", "/authorization/subjects/" + ref.id() + "/bulkremove?subjectType=PC_USER", body);
        }
    }

    List<String> held(VendorRef ref) {
        List<String> held = new ArrayList<>();
        GenesysApi.require(api.http().send("GET", "/license/users/" + ref.id(), null), ref).path("licenses")
                .forEach(license -> held.add(license.isTextual() ? license.asText() : license.path("id").asText()));
        return held;
    }

    Optional<String> highestTier(List<String> held) {
        return held.stream().max(Comparator.comparingInt(api.settings()::rank));
    }

    /** The licenses the roles need; a role's answer is kept with the listings. */
    private List<String> requiredLicenses(Collection<String> roleIds) {
        List<String> required = new ArrayList<>();
        for (String roleId : roleIds) {
            List<String> known = api.catalog().listings().requiredLicenses(roleId, api.catalog().now());
            if (known == null) {
                ArrayNode body = GenesysHttp.JSON.createArrayNode().add(roleId);
                List<String> inferred = new ArrayList<>();
                api.http().send("POST", "/license/infer", body).body()
                        .forEach(license -> inferred.add(license.asText()));
                api.catalog().listings().putRequiredLicenses(roleId, inferred, api.catalog().now());
                known = inferred;
            }
            known.stream().filter(license -> !required.contains(license)).forEach(required::add);
        }
        return required;
    }

    /** The user's licenses: the one Patchbay last applied when it knows it (no call), else read. */
    List<String> heldOrApplied(VendorRef ref, Object applied) {
        return applied == null ? held(ref) : List.of(applied.toString());
    }

    /** Whether {@code license} is at or above every required tier (licenses outside the tiers need themselves). */
    private boolean covered(List<String> required, String license) {
        return required.stream().allMatch(need -> need.equals(license)
                || api.settings().rank(need) >= 0 && api.settings().rank(license) >= api.settings().rank(need));
    }

    /** The roles (by the names given) whose license the user's {@code held} licenses do not reach, with that license. */
    Map<String, String> uncoveredRoles(List<String> held, Collection<String> roles) {
        Optional<String> license = highestTier(held);
        Map<String, String> uncovered = new LinkedHashMap<>();
        for (String role : roles) {
            int at = role.lastIndexOf('@');
            String roleId = api.catalog().roleId(at > 0 ? role.substring(0, at) : role);
            for (String needed : requiredLicenses(List.of(roleId))) {
                if (!covered(List.of(needed), license.orElse(null))) {
                    uncovered.put(role, needed);
                }
            }
        }
        return uncovered;
    }
}
