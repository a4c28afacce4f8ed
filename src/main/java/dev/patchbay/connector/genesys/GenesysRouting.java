package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.VendorRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Genesys Cloud routing: skills with proficiency 0–5 (at most 50 a call) and queue memberships (at most 100 a call). */
final class GenesysRouting {

    static final int SKILLS_PER_CALL = 50;
    static final int MEMBERS_PER_CALL = 100;

    private final GenesysApi api;

    GenesysRouting(GenesysApi api) {
        this.api = api;
    }

    /** Replaces the user's skills: the first call replaces, further calls of at most 50 add. */
    void setSkills(VendorRef ref, Object value) {
        ArrayNode all = GenesysHttp.JSON.createArrayNode();
        if (value instanceof Map<?, ?> skills) {
            for (Map.Entry<?, ?> skill : new TreeMap<>(skills).entrySet()) {
                double proficiency = skill.getValue() instanceof Number number ? number.doubleValue()
                        : Double.parseDouble(String.valueOf(skill.getValue()));
                if (proficiency < 0 || proficiency > 5) {
                    throw new ConnectorException.Rejected("Genesys Cloud proficiency of skill '" + skill.getKey()
                            + "' must be from 0 to 5, got " + skill.getValue());
                }
                all.addObject().put("id", api.catalog().skillId(skill.getKey().toString())).put("proficiency", proficiency);
            }
        }
        List<ArrayNode> chunks = chunks(all, SKILLS_PER_CALL);
        for (int i = 0; i < Math.max(1, chunks.size()); i++) {
            ArrayNode chunk = chunks.isEmpty() ? all : chunks.get(i);
            GenesysApi.require(api.http().send(i == 0 ? "PUT" : "PATCH", "/users/" + ref.id() + "/routingskills/bulk", chunk), ref);
        }
    }

    /** Joins the queues the user should be in and leaves the others; Genesys keeps them otherwise. */
    void setQueues(VendorRef ref, Set<String> queues) {
        Map<String, String> current = queuesOf(ref);
        Set<String> wanted = new LinkedHashSet<>();
        for (String queue : queues) {
            wanted.add(api.catalog().queueId(queue));
        }
        for (String queueId : wanted) {
            if (!current.containsKey(queueId)) {
                members(queueId, List.of(ref.id()), false);
            }
        }
        for (String queueId : current.keySet()) {
            if (!wanted.contains(queueId)) {
                members(queueId, List.of(ref.id()), true);
            }
        }
    }

    private void members(String queueId, List<String> userIds, boolean delete) {
        ArrayNode all = GenesysHttp.JSON.createArrayNode();
        userIds.forEach(id -> all.addObject().put("id", id));
        for (ArrayNode chunk : chunks(all, MEMBERS_PER_CALL)) {
            GenesysHttp.Answer answer = api.http().send("POST", "/routing/queues/" + queueId + "/members"
                    + (delete ? "?delete=true" : ""), chunk);
            if (answer.notFound()) {
                throw new ConnectorException.Rejected("Genesys Cloud queue " + queueId + " no longer exists");
            }
        }
    }

    /** Queue id to name of every queue the user is a member of. */
    Map<String, String> queuesOf(VendorRef ref) {
        Map<String, String> queues = new LinkedHashMap<>();
        int pageCount = 1;
        for (int page = 1; page <= pageCount && page <= 50; page++) {
            JsonNode body = GenesysApi.require(api.http().send("GET", "/users/" + ref.id() + "/queues?pageSize=100&pageNumber=" + page,
                    null), ref);
            body.path("entities").forEach(queue -> queues.put(queue.path("id").asText(), queue.path("name").asText()));
            pageCount = body.path("pageCount").asInt(1);
        }
        return queues;
    }

    static List<ArrayNode> chunks(ArrayNode all, int size) {
        List<ArrayNode> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += size) {
            ArrayNode chunk = GenesysHttp.JSON.createArrayNode();
            for (int i = start; i < Math.min(all.size(), start + size); i++) {
                chunk.add(all.get(i));
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The user's skills by name and proficiency. */
    Map<String, Integer> skillsOf(VendorRef ref) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (JsonNode skill : GenesysApi.require(api.http().send("GET", "/users/" + ref.id()
                + "/routingskills?pageSize=100", null), ref).path("entities")) {
            skills.put(skill.path("name").asText(), (int) Math.round(skill.path("proficiency").asDouble()));
        }
        return skills;
    }
}
