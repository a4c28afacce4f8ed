package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.connector.ConnectorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names to ids for the org's roles, divisions, routing skills and queues, as admins and policies name
 * them. Each listing is read once per connector and paged through.
 */
final class GenesysCatalog {

    record Entry(String id, String name, JsonNode raw) {
    }

    private final GenesysHttp http;
    private final Map<String, List<Entry>> listings = new HashMap<>();

    GenesysCatalog(GenesysHttp http) {
        this.http = http;
    }

    String roleId(String name) {
        return idOf("/authorization/roles", "role", name);
    }

    String skillId(String name) {
        return idOf("/routing/skills", "routing skill", name);
    }

    String queueId(String name) {
        return idOf("/routing/queues", "queue", name);
    }

    /** The named division, or the home division when none is named. */
    String divisionId(String name) {
        if (name == null || name.isBlank()) {
            return list("/authorization/divisions").stream()
                    .filter(entry -> entry.raw().path("homeDivision").asBoolean(false))
                    .map(Entry::id).findFirst()
                    .orElseThrow(() -> new ConnectorException.Rejected("Genesys Cloud reports no home division"));
        }
        return idOf("/authorization/divisions", "division", name);
    }

    String roleName(String id) {
        return nameOf("/authorization/roles", id);
    }

    String divisionName(String id) {
        return nameOf("/authorization/divisions", id);
    }

    private String nameOf(String listing, String id) {
        return list(listing).stream().filter(entry -> entry.id().equals(id)).map(Entry::name).findFirst().orElse(id);
    }

    /** An exact name, else the one name that matches ignoring case, else an id; otherwise a refusal. */
    private String idOf(String listing, String kind, String name) {
        List<Entry> entries = list(listing);
        for (Entry entry : entries) {
            if (entry.name().equals(name) || entry.id().equals(name)) {
                return entry.id();
            }
        }
        List<Entry> loose = entries.stream().filter(entry -> entry.name().equalsIgnoreCase(name)).toList();
        if (loose.size() == 1) {
            return loose.get(0).id();
        }
        throw new ConnectorException.Rejected("Genesys Cloud has no " + kind + " named '" + name + "'");
    }

    private List<Entry> list(String path) {
        List<Entry> cached = listings.get(path);
        if (cached != null) {
            return cached;
        }
        List<Entry> entries = new ArrayList<>();
        int pageCount = 1;
        for (int page = 1; page <= pageCount && page <= 50; page++) {
            JsonNode body = http.send("GET", path + "?pageSize=100&pageNumber=" + page, null).body();
            if (body == null) {
                break;
            }
            body.path("entities").forEach(entity -> entries.add(new Entry(entity.path("id").asText(),
                    entity.path("name").asText(), entity)));
            pageCount = body.path("pageCount").asInt(1);
        }
        listings.put(path, List.copyOf(entries));
        return listings.get(path);
    }
}
