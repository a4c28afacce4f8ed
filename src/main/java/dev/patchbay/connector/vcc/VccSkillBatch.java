package dev.patchbay.connector.vcc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.BatchItem;
import dev.patchbay.connector.ConnectorException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Skill memberships of many users, one call per skill: {@code PUT /skills/{skillId}/users} replaces the
 * skill's whole user list, so the list is read first, the batch's users are set on it or taken off, and
 * everyone else on it stays (hand-made assignments, users Patchbay does not manage). A user is taken off
 * a skill Patchbay gave it before, or one the connection names as managed, once the IdP no longer grants
 * it. A call VCC refuses as a whole (one user is not an agent, or gone) is made again one user at a time,
 * through the user's own skills, so that only that user fails; one VCC could not take (5xx, 429) fails
 * each of its users, to retry on their own. With the IdP authoritative for skills, a user's hand-made
 * skills are known only from its own list: each user then goes on its own.
 */
final class VccSkillBatch {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final VccSettings settings;
    private final VccHttp http;
    private final VccAssignments assignments;

    VccSkillBatch(VccSettings settings, VccHttp http, VccAssignments assignments) {
        this.settings = settings;
        this.http = http;
        this.assignments = assignments;
    }

    Map<Long, ConnectorException> apply(List<BatchItem> items) {
        Map<Long, ConnectorException> failures = new HashMap<>();
        if (settings.idpAuthoritativeFor("skills")) {
            items.forEach(item -> alone(item, failures));
            return failures;
        }
        Map<String, Set<BatchItem>> bySkill = new LinkedHashMap<>();
        for (BatchItem item : items) {
            Set<String> touched = new TreeSet<>(VccAssignments.levels(item.value()).keySet());
            touched.addAll(taken(item));
            touched.forEach(skill -> bySkill.computeIfAbsent(skill, name -> new LinkedHashSet<>()).add(item));
        }
        Set<BatchItem> oneByOne = new LinkedHashSet<>();
        bySkill.forEach((skill, users) -> {
            try {
                replace(skill, users);
            } catch (ConnectorException.Rejected | ConnectorException.NotFound | ConnectorException.NeedsAction refused) {
                oneByOne.addAll(users);
            } catch (ConnectorException failed) {
                users.forEach(item -> failures.putIfAbsent(item.id(), failed));
            }
        });
        oneByOne.stream().filter(item -> !failures.containsKey(item.id())).forEach(item -> alone(item, failures));
        return failures;
    }

    /** The skills to take from the user: Patchbay's before and the managed ones, which the IdP no longer grants. */
    private Set<String> taken(BatchItem item) {
        Set<String> granted = VccAssignments.levels(item.value()).keySet();
        Set<String> taken = new TreeSet<>(VccAssignments.levels(item.previous()).keySet());
        taken.addAll(settings.managedSkills());
        taken.removeAll(granted);
        return taken;
    }

    /** One skill's user list, read and written back with the batch's users set or taken off. */
    private void replace(String skill, Set<BatchItem> users) {
        String skillId = assignments.skillId(skill);
        VccHttp.Answer current = http.send("GET", "/skills/" + skillId + "/users", null);
        if (current.notFound()) {
            throw new ConnectorException.Rejected("Vonage Contact Center has no skill named '" + skill + "'");
        }
        Map<String, Integer> before = new LinkedHashMap<>();
        current.body().path("users").forEach(user -> before.put(user.path("userId").asText(),
                user.path("agentSkillLevel").asInt()));
        Map<String, Integer> after = new LinkedHashMap<>(before);
        for (BatchItem item : users) {
            Integer level = VccAssignments.levels(item.value()).get(skill);
            if (level != null) {
                after.put(item.ref().id(), level);
            } else {
                after.remove(item.ref().id());
            }
        }
        if (after.equals(before)) {
            return;
        }
        ArrayNode list = JSON.arrayNode();
        after.forEach((userId, level) -> list.addObject().put("userId", userId).put("agentSkillLevel", level));
        ObjectNode body = JSON.objectNode();
        body.set("users", list);
        VccHttp.Answer answer = http.exchange("PUT", "/skills/" + skillId + "/users", body);
        if (!answer.ok()) {
            throw VccUsers.refusal("replace the users of skill '" + skill + "'", answer);
        }
    }

    /** The user's skills through its own list, as for a user synced alone. */
    private void alone(BatchItem item, Map<Long, ConnectorException> failures) {
        try {
            assignments.setSkills(item.ref(), item.value(), VccAssignments.levels(item.previous()).keySet());
        } catch (ConnectorException failed) {
            failures.put(item.id(), failed);
        }
    }
}
