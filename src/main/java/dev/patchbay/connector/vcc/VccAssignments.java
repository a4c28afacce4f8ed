package dev.patchbay.connector.vcc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.VendorRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user's skills (with levels), agent groups and add-on licenses. VCC replaces the whole skill or group
 * list with each call, so the connector reads it, merges and writes it back: what a person added by hand
 * in VCC stays, unless the connection makes the IdP authoritative for that list ({@code idpAuthoritative})
 * or names the entry as one Patchbay manages ({@code managedSkills}, {@code managedAgentGroups}), which
 * the IdP then also takes away.
 */
final class VccAssignments {

    static final String ANALYTICS_CREATOR = "analytics-creator";
    static final String ANALYTICS_VIEWER = "analytics-viewer";
    static final String NOISE_CANCELLATION = "noise-cancellation";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration CATALOGUE_AGE = Duration.ofMinutes(5);

    private final VccSettings settings;
    private final VccHttp http;
    private final VccSession session;

    VccAssignments(VccSettings settings, VccHttp http, VccSession session) {
        this.settings = settings;
        this.http = http;
        this.session = session;
    }

    /** Skill name → level as VCC holds them. */
    Map<String, Integer> skillsOf(VendorRef ref) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        JsonNode answer = require(http.send("GET", "/users/" + ref.id() + "/skills", null), ref);
        answer.path("agentSkills").forEach(skill -> skills.put(skill.path("skillName").asText(),
                skill.path("agentSkillLevel").asInt()));
        return skills;
    }

    Set<String> groupsOf(VendorRef ref) {
        Set<String> groups = new TreeSet<>();
        JsonNode answer = require(http.send("GET", "/users/" + ref.id() + "/groups", null), ref);
        answer.path("agentGroups").forEach(group -> groups.add(group.path("groupName").asText()));
        return groups;
    }

    /** {@code patchbays}: the skills Patchbay set before; one the IdP no longer grants goes, a hand-made one stays. */
    void setSkills(VendorRef ref, Object value, Set<String> patchbays) {
        Map<String, Integer> desired = levels(value);
        boolean authoritative = settings.idpAuthoritativeFor("skills");
        JsonNode current = require(http.send("GET", "/users/" + ref.id() + "/skills", null), ref);
        Map<String, Integer> before = new LinkedHashMap<>();
        Map<String, Integer> after = new LinkedHashMap<>();
        for (JsonNode skill : current.path("agentSkills")) {
            String id = skill.path("skillId").asText();
            String name = skill.path("skillName").asText();
            before.put(id, skill.path("agentSkillLevel").asInt());
            if (!authoritative && !desired.containsKey(name) && !settings.managedSkills().contains(name)
                    && !patchbays.contains(name)) {
                after.put(id, skill.path("agentSkillLevel").asInt());
            }
        }
        desired.forEach((name, level) -> after.put(id(true, name), level));
        if (after.equals(before)) {
            return;
        }
        ArrayNode list = JSON.arrayNode();
        after.forEach((id, level) -> list.addObject().put("skillId", id).put("agentSkillLevel", level));
        ObjectNode body = JSON.objectNode();
        body.set("agentSkills", list);
        replace(ref, "skills", body);
    }

    /** {@code patchbays}: the agent groups Patchbay set before; as for skills. */
    void setGroups(VendorRef ref, Object value, Set<String> patchbays) {
        Set<String> desired = new LinkedHashSet<>(VccUsers.strings(value));
        boolean authoritative = settings.idpAuthoritativeFor("agentGroups");
        JsonNode current = require(http.send("GET", "/users/" + ref.id() + "/groups", null), ref);
        Set<String> before = new LinkedHashSet<>();
        Set<String> after = new LinkedHashSet<>();
        for (JsonNode group : current.path("agentGroups")) {
            String id = group.path("groupId").asText();
            String name = group.path("groupName").asText();
            before.add(id);
            if (!authoritative && !desired.contains(name) && !settings.managedAgentGroups().contains(name)
                    && !patchbays.contains(name)) {
                after.add(id);
            }
        }
        desired.forEach(name -> after.add(id(false, name)));
        if (after.equals(before)) {
            return;
        }
        ArrayNode list = JSON.arrayNode();
        after.forEach(id -> list.addObject().put("groupId", id));
        ObjectNode body = JSON.objectNode();
        body.set("agentGroups", list);
        replace(ref, "groups", body);
    }

    /** The add-on licenses as one seat license: "analytics-viewer+noise-cancellation"; null for none. */
    void setLicense(VendorRef ref, Object value) {
        Set<String> parts = new LinkedHashSet<>();
        if (value != null) {
            for (String part : value.toString().split("\\+")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        for (String part : parts) {
            if (!List.of(ANALYTICS_CREATOR, ANALYTICS_VIEWER, NOISE_CANCELLATION).contains(part)) {
                throw new ConnectorException.Rejected("Vonage Contact Center has no add-on license '" + part
                        + "' (licenses: " + String.join(", ", licenses()) + ")");
            }
        }
        String analytics = parts.contains(ANALYTICS_CREATOR) ? "creator" : parts.contains(ANALYTICS_VIEWER) ? "viewer"
                : "none";
        ObjectNode body = JSON.objectNode();
        body.putObject("licenseTypes").put("analytics", analytics)
                .put("krispnoisecancellation", parts.contains(NOISE_CANCELLATION) ? "enabled" : "none");
        VccHttp.Answer answer = http.exchange("PATCH", "/users/" + ref.id() + "/licenses", body);
        if (answer.notFound()) {
            throw new ConnectorException.NotFound("VCC has no user " + ref.id());
        }
        if (!answer.ok()) {
            throw VccUsers.refusal("set the add-on licenses", answer);
        }
    }

    static String license(JsonNode user) {
        List<String> parts = new ArrayList<>();
        String analytics = user.path("licenseTypes").path("analytics").asText("none");
        if (!"none".equals(analytics)) {
            parts.add("analytics-" + analytics);
        }
        if ("enabled".equals(user.path("licenseTypes").path("krispnoisecancellation").asText("none"))) {
            parts.add(NOISE_CANCELLATION);
        }
        return parts.isEmpty() ? null : String.join("+", parts);
    }

    static Set<String> licenses() {
        return Set.of(ANALYTICS_CREATOR, ANALYTICS_VIEWER, NOISE_CANCELLATION, ANALYTICS_CREATOR + "+" + NOISE_CANCELLATION,
                ANALYTICS_VIEWER + "+" + NOISE_CANCELLATION);
    }

    Set<String> skillNames() {
        return Set.copyOf(catalogue(true, false).keySet());
    }

    Set<String> groupNames() {
        return Set.copyOf(catalogue(false, false).keySet());
    }

    /** The id of the skill named {@code name} (the catalogue read again once if it is not known). */
    String skillId(String name) {
        return id(true, name);
    }

    private String id(boolean skill, String name) {
        String id = catalogue(skill, false).get(name);
        if (id == null) {
            id = catalogue(skill, true).get(name);
        }
        if (id == null) {
            throw new ConnectorException.Rejected("Vonage Contact Center has no " + (skill ? "skill" : "agent group")
                    + " named '" + name + "'");
        }
        return id;
    }

    private Map<String, String> catalogue(boolean skills, boolean refresh) {
        return session.catalogue(skills, CATALOGUE_AGE, refresh, () -> names("/skills", "skillName", "skillId"),
                () -> names("/groups", "groupName", "groupId"));
    }

    private Map<String, String> names(String path, String nameField, String idField) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int page = 1; page <= 1000; page++) {
            JsonNode answer = http.send("GET", path + "?page=" + page + "&limit=1000", null).body();
            answer.path("items").forEach(item -> names.put(item.path(nameField).asText(), item.path(idField).asText()));
            if (page >= answer.path("meta").path("pageCount").asInt(1) || answer.path("items").isEmpty()) {
                break;
            }
        }
        return names;
    }

    private void replace(VendorRef ref, String list, ObjectNode body) {
        VccHttp.Answer answer = http.exchange("PUT", "/users/" + ref.id() + "/" + list, body);
        if (answer.notFound()) {
            throw new ConnectorException.NotFound("VCC has no user " + ref.id());
        }
        if (!answer.ok() && "skills".equals(list) && answer.message().toLowerCase(java.util.Locale.ROOT)
                .contains("only be assigned to agents")) {
            throw new ConnectorException.NeedsAction(answer.message(), VccCapabilities.SKILLS_NEED_AGENT);
        }
        if (!answer.ok()) {
            throw VccUsers.refusal("replace the user's " + list, answer);
        }
    }

    private static JsonNode require(VccHttp.Answer answer, VendorRef ref) {
        if (answer.notFound()) {
            throw new ConnectorException.NotFound("VCC has no user " + ref.id());
        }
        return answer.body();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Integer> levels(Object value) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).forEach((name, level) -> levels.put(String.valueOf(name),
                    level instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(level))));
        } else if (value instanceof Collection<?> names) {
            names.forEach(name -> levels.put(String.valueOf(name), 5));
        }
        return levels;
    }
}
