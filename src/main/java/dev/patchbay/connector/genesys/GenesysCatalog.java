package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.SeatField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names to ids for the org's roles, divisions, routing skills and queues, as admins and policies name
 * them. Each listing is paged through once and kept for a few minutes for all of the connection's jobs,
 * since every call counts against the org's rate limit.
 */
final class GenesysCatalog {

    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    record Entry(String id, String name, JsonNode raw) {
    }

    /**
     * Listings shared by the connectors of one connection; and the licenses each role needs (kept as long),
     * and the division of each user this gateway created or moved (the last {@link #USERS_KEPT}, each for
     * {@code divisionsKeptFor}: a person may move a user in the Genesys admin UI), so that a wave reads none
     * of them once per user.
     */
    static final class Listings {
        static final int USERS_KEPT = 20_000;

        /** A user's division as this gateway last knew it, and since when. */
        private record Known(String divisionId, Instant at) {
        }

        private final Duration divisionsKeptFor;
        private final Map<String, List<Entry>> entries = new HashMap<>();
        private final Map<String, Instant> readAt = new HashMap<>();
        private final Map<String, List<String>> required = new HashMap<>();
        private final Map<String, Instant> requiredAt = new HashMap<>();
        private final Map<String, Known> divisions = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > USERS_KEPT;
            }
        };

        Listings(Duration divisionsKeptFor) {
            this.divisionsKeptFor = divisionsKeptFor;
        }

        synchronized List<String> requiredLicenses(String roleId, Instant now) {
            Instant read = requiredAt.get(roleId);
            return read == null || read.plus(KEPT_FOR).isBefore(now) ? null : required.get(roleId);
        }

        synchronized void putRequiredLicenses(String roleId, List<String> licenses, Instant now) {
            required.put(roleId, List.copyOf(licenses));
            requiredAt.put(roleId, now);
        }

        /** The user's division while it is kept; null once it is older than {@code divisionsKeptFor}. */
        synchronized String divisionOf(String userId, Instant now) {
            Known known = divisions.get(userId);
            if (known == null) {
                return null;
            }
            if (known.at().plus(divisionsKeptFor).isBefore(now)) {
                divisions.remove(userId);
                return null;
            }
            return known.divisionId();
        }

        synchronized void putDivision(String userId, String divisionId, Instant now) {
            divisions.put(userId, new Known(divisionId, now));
        }

        synchronized List<Entry> get(String path, Instant now) {
            Instant read = readAt.get(path);
            return read == null || read.plus(KEPT_FOR).isBefore(now) ? null : entries.get(path);
        }

        synchronized void put(String path, List<Entry> listing, Instant now) {
            entries.put(path, listing);
            readAt.put(path, now);
        }
    }

    private final GenesysHttp http;
    private final Listings listings;
    private final Clock clock;

    GenesysCatalog(GenesysHttp http, Listings listings, Clock clock) {
        this.http = http;
        this.listings = listings;
        this.clock = clock;
    }

    /** The shared listings, for what the parts keep besides them. */
    Listings listings() {
        return listings;
    }

    Instant now() {
        return clock.instant();
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

    /** The names the org knows: roles, routing skills, queues and divisions. */
    Map<SeatField, Set<String>> names() {
        Map<SeatField, Set<String>> names = new EnumMap<>(SeatField.class);
        names.put(SeatField.ROLES, namesOf("/authorization/roles"));
        names.put(SeatField.SKILLS, namesOf("/routing/skills"));
        names.put(SeatField.QUEUES, namesOf("/routing/queues"));
        names.put(SeatField.DIVISION, namesOf("/authorization/divisions"));
        return names;
    }

    private Set<String> namesOf(String listing) {
        return list(listing).stream().map(Entry::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
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
        String id = find(listing, name);
        if (id == null) {
            // Created in Genesys since the listing was read?
            listings.put(listing, null, Instant.EPOCH);
            id = find(listing, name);
        }
        if (id == null) {
            throw new ConnectorException.Rejected("Genesys Cloud has no " + kind + " named '" + name + "'");
        }
        return id;
    }

    private String find(String listing, String name) {
        List<Entry> entries = list(listing);
        for (Entry entry : entries) {
            if (entry.name().equals(name) || entry.id().equals(name)) {
                return entry.id();
            }
        }
        List<Entry> loose = entries.stream().filter(entry -> entry.name().equalsIgnoreCase(name)).toList();
        return loose.size() == 1 ? loose.get(0).id() : null;
    }

    private List<Entry> list(String path) {
        List<Entry> cached = listings.get(path, clock.instant());
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
        List<Entry> listing = List.copyOf(entries);
        listings.put(path, listing, clock.instant());
        return listing;
    }
}
