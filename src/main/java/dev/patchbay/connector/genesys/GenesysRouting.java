package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.patchbay.connector.BatchItem;
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

    /**
     * Queue memberships of many users: each joins the queues it should be in and leaves those Patchbay
     * put it in before ({@code previous}), at most 100 users per queue per call. A call Genesys refuses
     * as a whole (a user it cannot add) is repeated one user at a time, so that only that user fails.
     */
    Map<Long, ConnectorException> setQueuesMany(List<BatchItem> items) {
        Map<Long, ConnectorException> failures = new LinkedHashMap<>();
        Map<String, List<BatchItem>> joins = new LinkedHashMap<>();
        Map<String, List<BatchItem>> leaves = new LinkedHashMap<>();
        for (BatchItem item : items) {
            try {
                Set<String> wanted = new LinkedHashSet<>();
                for (String queue : names(item.value())) {
                    wanted.add(api.catalog().queueId(queue));
                }
                Set<String> before = new LinkedHashSet<>();
                for (String queue : names(item.previous())) {
                    try {
                        before.add(api.catalog().queueId(queue));
                    } catch (ConnectorException.Rejected gone) {
                        // a queue deleted since: nothing to leave
                    }
                }
                wanted.stream().filter(id -> !before.contains(id))
                        .forEach(id -> joins.computeIfAbsent(id, key -> new ArrayList<>()).add(item));
                before.stream().filter(id -> !wanted.contains(id))
                        .forEach(id -> leaves.computeIfAbsent(id, key -> new ArrayList<>()).add(item));
            } catch (ConnectorException e) {
                failures.put(item.id(), e);
            }
        }
        joins.forEach((queueId, members) -> membersEach(queueId, members, false, failures));
        leaves.forEach((queueId, members) -> membersEach(queueId, members, true, failures));
        return failures;
    }

    private void membersEach(String queueId, List<BatchItem> items, boolean delete,
            Map<Long, ConnectorException> failures) {
        List<BatchItem> live = items.stream().filter(item -> !failures.containsKey(item.id())).toList();
        for (int start = 0; start < live.size(); start += MEMBERS_PER_CALL) {
            List<BatchItem> chunk = live.subList(start, Math.min(live.size(), start + MEMBERS_PER_CALL));
            try {
                members(queueId, chunk.stream().map(item -> item.ref().id()).toList(), delete);
            } catch (ConnectorException.Rejected refused) {
                if (chunk.size() == 1) {
                    failures.put(chunk.get(0).id(), refused);
                    continue;
                }
                for (BatchItem item : chunk) {
                    try {
                        members(queueId, List.of(item.ref().id()), delete);
                    } catch (ConnectorException e) {
                        failures.put(item.id(), e);
                    }
                }
            } catch (ConnectorException e) {
                chunk.forEach(item -> failures.put(item.id(), e));
            }
        }
    }

    private static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof java.util.Collection<?> values) {
            values.forEach(name -> names.add(String.valueOf(name)));
        } else if (value != null) {
            names.add(value.toString());
        }
        return names;
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
