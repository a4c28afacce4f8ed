package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.Health;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.TaskCheck;
import dev.patchbay.connector.VendorRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Genesys Cloud through the Platform API v2. Users are patched with their current version (a stale
 * version is re-read and the change re-applied); the follow-ups are license assignment, role grants
 * with divisions (never above the license's tier), routing skills (at most 50 a call, proficiency 0–5)
 * and queue memberships (at most 100 members a call). A create that collides with an inactive or
 * deleted user of the same email restores that user: a rehire.
 */
final class GenesysConnector implements Connector {

    static final int SKILLS_PER_CALL = 50;
    static final int MEMBERS_PER_CALL = 100;
    private static final int VERSION_ATTEMPTS = 4;

    private final Map<String, Object> rawSettings;
    private final Function<GenesysSettings, GenesysSession> sessions;
    private final Clock clock;
    private GenesysSettings settings;
    private GenesysHttp http;
    private GenesysCatalog catalog;

    /** Settings are checked on the first vendor call, so capabilities (dry-runs) need none. */
    GenesysConnector(Map<String, Object> rawSettings, Function<GenesysSettings, GenesysSession> sessions,
            Clock clock) {
        this.rawSettings = rawSettings;
        this.sessions = sessions;
        this.clock = clock;
    }

    private synchronized GenesysHttp http() {
        if (http == null) {
            settings = GenesysSettings.from(rawSettings);
            GenesysSession session = sessions.apply(settings);
            http = new GenesysHttp(settings, session.tokens());
            catalog = new GenesysCatalog(http, session.listings(), clock);
        }
        return http;
    }

    private GenesysCatalog catalog() {
        http();
        return catalog;
    }

    @Override
    public Capabilities capabilities() {
        return GenesysCapabilities.capabilities();
    }

    @Override
    public VendorRef create(Seat seat, CallContext context) {
        ObjectNode user = GenesysHttp.JSON.createObjectNode();
        user.put("name", name(seat));
        user.put("email", seat.text(SeatField.USER_NAME));
        user.put("divisionId", catalog().divisionId(seat.text(SeatField.DIVISION)));
        user.put("state", "active");
        try {
            return new VendorRef(http().send("POST", "/users", user).body().path("id").asText());
        } catch (ConnectorException.Conflict e) {
            return rehire(seat).orElseThrow(() -> e);
        }
    }

    /**
     * Genesys keeps an email for good, deleted users included: the returning user's old account is
     * restored and brought up to date. Its license, roles, skills and queues come back with the follow-ups.
     */
    private Optional<VendorRef> rehire(Seat seat) {
        List<JsonNode> previous = search(seat.text(SeatField.USER_NAME), List.of("inactive", "deleted"));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        JsonNode user = previous.get(0);
        VendorRef ref = new VendorRef(user.path("id").asText());
        String state = user.path("state").asText();
        patchUser(ref, "deleted".equals(state) ? "deleted" : null, body -> body.put("state", "active"));
        patchUser(ref, null, body -> body.put("name", name(seat)).put("email", seat.text(SeatField.USER_NAME)));
        return Optional.of(ref);
    }

    @Override
    public Optional<Seat> read(VendorRef ref, CallContext context) {
        GenesysHttp.Answer answer = http().send("GET", "/users/" + ref.id(), null);
        if (answer.notFound() || "deleted".equals(answer.body().path("state").asText())) {
            return Optional.empty();
        }
        JsonNode user = answer.body();
        String division = user.path("division").path("id").asText();
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        fields.put(SeatField.USER_NAME, user.path("email").asText());
        fields.put(SeatField.DISPLAY_NAME, user.path("name").asText());
        fields.put(SeatField.DIVISION, catalog().divisionName(division));
        highestTier(licenses(ref)).ifPresent(license -> fields.put(SeatField.LICENSE, license));
        Set<String> roles = new TreeSet<>();
        for (JsonNode grant : require(http().send("GET", "/authorization/subjects/" + ref.id(), null), ref)
                .path("grants")) {
            String role = grant.path("role").path("name").asText();
            String grantDivision = grant.path("division").path("id").asText();
            roles.add(grantDivision.equals(division) ? role : role + "@" + grant.path("division").path("name").asText());
        }
        putNonEmpty(fields, SeatField.ROLES, roles);
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (JsonNode skill : require(http().send("GET", "/users/" + ref.id() + "/routingskills?pageSize=100", null), ref)
                .path("entities")) {
            skills.put(skill.path("name").asText(), (int) Math.round(skill.path("proficiency").asDouble()));
        }
        if (!skills.isEmpty()) {
            fields.put(SeatField.SKILLS, Map.copyOf(skills));
        }
        Set<String> queues = new TreeSet<>();
        queuesOf(ref).values().forEach(queues::add);
        putNonEmpty(fields, SeatField.QUEUES, queues);
        return Optional.of(new Seat("active".equals(user.path("state").asText()), fields));
    }

    /** An active user with the key's email (Genesys' user name); inactive and deleted ones are rehires. */
    @Override
    public Optional<VendorRef> find(MatchKey key, CallContext context) {
        String email = key.userName() != null ? key.userName() : key.email();
        if (email == null) {
            return Optional.empty();
        }
        return search(email, List.of("active")).stream().findFirst()
                .map(user -> new VendorRef(user.path("id").asText()));
    }

    @Override
    public void apply(VendorRef ref, Step step, CallContext context) {
        if (step instanceof Step.Update update) {
            patchUser(ref, null, body -> identity(body, update.changes()));
        } else if (step instanceof Step.Apply apply) {
            switch (apply.field()) {
                case LICENSE -> assignLicense(ref, apply.value() == null ? null : apply.value().toString());
                case ROLES -> grantRoles(ref, strings(apply.value()));
                case SKILLS -> setSkills(ref, apply.value());
                case QUEUES -> setQueues(ref, strings(apply.value()));
                default -> throw new IllegalArgumentException("Genesys Cloud has no follow-up call for " + apply.field());
            }
        } else if (step instanceof Step.Deactivate) {
            patchUser(ref, null, body -> body.put("state", "inactive"));
        } else if (step instanceof Step.Reactivate) {
            patchUser(ref, null, body -> body.put("state", "active"));
        } else if (step instanceof Step.Delete) {
            require(http().send("DELETE", "/users/" + ref.id(), null), ref);
        } else {
            throw new IllegalArgumentException("Genesys Cloud cannot execute " + step);
        }
    }

    @Override
    public Health check(CallContext context) {
        try {
            http().send("GET", "/authorization/divisions?pageSize=1", null);
            return new Health(true, "Genesys Cloud Platform API answers");
        } catch (ConnectorException e) {
            return new Health(false, e.getMessage());
        }
    }

    /** A license-ceiling task ("roles:[A, B]") is done once the user's license covers those roles. */
    @Override
    public Optional<Boolean> isDone(VendorRef ref, TaskCheck task, CallContext context) {
        if (!GenesysCapabilities.LICENSE_CEILING.kind().equals(task.kind()) || task.field() == null
                || !task.field().startsWith("roles:")) {
            return Optional.empty();
        }
        String list = task.field().substring("roles:".length()).replace("[", "").replace("]", "");
        Set<String> roles = new LinkedHashSet<>();
        for (String role : list.split(",")) {
            if (!role.isBlank()) {
                roles.add(role.trim());
            }
        }
        return Optional.of(uncoveredRoles(licenses(ref), roles).isEmpty());
    }

    // ---- identity ----

    /**
     * PATCHes with the user's current version; when someone else changed the user in between, the
     * change is re-applied to a fresh read.
     */
    private void patchUser(VendorRef ref, String stateParam, UnaryOperator<ObjectNode> change) {
        for (int attempt = 1; ; attempt++) {
            JsonNode current = require(http().send("GET", "/users/" + ref.id()
                    + (stateParam == null ? "" : "?state=" + stateParam), null), ref);
            ObjectNode body = change.apply(GenesysHttp.JSON.createObjectNode());
            if (body.isEmpty()) {
                return;
            }
            body.put("version", current.path("version").asInt());
            try {
                require(http().send("PATCH", "/users/" + ref.id(), body), ref);
                return;
            } catch (GenesysHttp.VersionMismatch e) {
                if (attempt >= VERSION_ATTEMPTS) {
                    throw new ConnectorException.Retryable("Genesys Cloud user " + ref.id()
                            + " kept changing while it was updated: " + e.getMessage(), null);
                }
            }
        }
    }

    private static ObjectNode identity(ObjectNode body, Map<SeatField, Object> changes) {
        changes.forEach((field, value) -> {
            switch (field) {
                case USER_NAME -> body.put("email", value == null ? null : value.toString());
                case DISPLAY_NAME -> {
                    if (value != null) {
                        body.put("name", value.toString());
                    }
                }
                default -> {
                    // not a Genesys user attribute
                }
            }
        });
        return body;
    }

    /** Genesys has one name: the display name, else given and family name, else the user name. */
    private static String name(Seat seat) {
        if (seat.has(SeatField.DISPLAY_NAME)) {
            return seat.text(SeatField.DISPLAY_NAME);
        }
        String given = seat.text(SeatField.GIVEN_NAME);
        String family = seat.text(SeatField.FAMILY_NAME);
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        return joined.isEmpty() ? seat.text(SeatField.USER_NAME) : joined;
    }

    private List<JsonNode> search(String email, List<String> states) {
        ObjectNode request = GenesysHttp.JSON.createObjectNode();
        request.put("pageSize", 25).put("pageNumber", 1);
        ArrayNode query = request.putArray("query");
        query.addObject().put("type", "EXACT").put("value", email).putArray("fields").add("email");
        ObjectNode state = query.addObject().put("type", "EXACT");
        state.putArray("fields").add("state");
        ArrayNode values = state.putArray("values");
        states.forEach(values::add);
        List<JsonNode> results = new ArrayList<>();
        JsonNode answer = http().send("POST", "/users/search", request).body();
        if (answer != null) {
            answer.path("results").forEach(results::add);
        }
        return results;
    }

    // ---- license ----

    /**
     * Assigns the license and gives up the user's other tier licenses. Going down a tier first takes
     * back the roles the lower license does not cover (the license is the roles' ceiling); the roles
     * step that follows grants what the policy wants within it.
     */
    private void assignLicense(VendorRef ref, String license) {
        List<String> held = licenses(ref);
        List<String> giveUp = held.stream()
                .filter(id -> !id.equals(license) && settings.licenseTiers().contains(id)).toList();
        boolean downgrade = giveUp.stream().anyMatch(id -> settings.rank(id) > settings.rank(license));
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
        for (JsonNode result : http().send("POST", "/license/organization", request).body()) {
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

    private void revokeRolesAbove(VendorRef ref, String license) {
        ArrayNode revoke = GenesysHttp.JSON.createArrayNode();
        for (JsonNode grant : require(http().send("GET", "/authorization/subjects/" + ref.id(), null), ref)
                .path("grants")) {
            String roleId = grant.path("role").path("id").asText();
            if (!covered(requiredLicenses(List.of(roleId)), license)) {
                revoke.addObject().put("roleId", roleId).put("divisionId", grant.path("division").path("id").asText());
            }
        }
        if (!revoke.isEmpty()) {
            ObjectNode body = GenesysHttp.JSON.createObjectNode();
            body.set("grants", revoke);
            http().send("POST", "/authorization/subjects/" + ref.id() + "/bulkremove?subjectType=PC_USER", body);
        }
    }

    private List<String> licenses(VendorRef ref) {
        List<String> held = new ArrayList<>();
        require(http().send("GET", "/license/users/" + ref.id(), null), ref).path("licenses")
                .forEach(license -> held.add(license.isTextual() ? license.asText() : license.path("id").asText()));
        return held;
    }

    private Optional<String> highestTier(List<String> held) {
        return held.stream().max(Comparator.comparingInt(settings::rank));
    }

    private List<String> requiredLicenses(Collection<String> roleIds) {
        ArrayNode body = GenesysHttp.JSON.createArrayNode();
        roleIds.forEach(body::add);
        List<String> required = new ArrayList<>();
        http().send("POST", "/license/infer", body).body().forEach(license -> required.add(license.asText()));
        return required;
    }

    /** Whether {@code license} is at or above every required tier (licenses outside the tiers need themselves). */
    private boolean covered(List<String> required, String license) {
        return required.stream().allMatch(need -> need.equals(license)
                || settings.rank(need) >= 0 && settings.rank(license) >= settings.rank(need));
    }

    // ---- roles ----

    /** Role values are role names, granted in the user's division, or {@code Role@Division}. */
    private void grantRoles(VendorRef ref, Set<String> roles) {
        JsonNode user = require(http().send("GET", "/users/" + ref.id(), null), ref);
        String userDivision = user.path("division").path("id").asText();
        ArrayNode grants = GenesysHttp.JSON.createArrayNode();
        for (String role : roles) {
            int at = role.lastIndexOf('@');
            String roleName = at > 0 ? role.substring(0, at) : role;
            String division = at > 0 ? catalog().divisionId(role.substring(at + 1)) : userDivision;
            grants.addObject().put("roleId", catalog().roleId(roleName)).put("divisionId", division);
        }
        List<String> held = licenses(ref);
        Map<String, String> uncovered = uncoveredRoles(held, roles);
        if (!uncovered.isEmpty()) {
            throw new ConnectorException.NeedsAction("role(s) " + uncovered.keySet() + " need license "
                    + new TreeSet<>(uncovered.values()) + "; the user has " + held,
                    GenesysCapabilities.LICENSE_CEILING);
        }
        ObjectNode body = GenesysHttp.JSON.createObjectNode();
        body.set("grants", grants);
        try {
            http().send("POST", "/authorization/subjects/" + ref.id() + "/bulkreplace?subjectType=PC_USER", body);
        } catch (ConnectorException.Rejected e) {
            if (e.getMessage().contains("license")) {
                throw new ConnectorException.NeedsAction(e.getMessage(), GenesysCapabilities.LICENSE_CEILING);
            }
            throw e;
        }
    }

    /** The roles (by the names given) whose license the user's {@code held} licenses do not reach, with that license. */
    private Map<String, String> uncoveredRoles(List<String> held, Collection<String> roles) {
        Optional<String> license = highestTier(held);
        Map<String, String> uncovered = new LinkedHashMap<>();
        for (String role : roles) {
            int at = role.lastIndexOf('@');
            String roleId = catalog().roleId(at > 0 ? role.substring(0, at) : role);
            for (String needed : requiredLicenses(List.of(roleId))) {
                if (!covered(List.of(needed), license.orElse(null))) {
                    uncovered.put(role, needed);
                }
            }
        }
        return uncovered;
    }

    // ---- routing skills ----

    /** Replaces the user's skills: the first call replaces, further calls of at most 50 add. */
    private void setSkills(VendorRef ref, Object value) {
        ArrayNode all = GenesysHttp.JSON.createArrayNode();
        if (value instanceof Map<?, ?> skills) {
            for (Map.Entry<?, ?> skill : new TreeMap<>(skills).entrySet()) {
                double proficiency = skill.getValue() instanceof Number number ? number.doubleValue()
                        : Double.parseDouble(String.valueOf(skill.getValue()));
                if (proficiency < 0 || proficiency > 5) {
                    throw new ConnectorException.Rejected("Genesys Cloud proficiency of skill '" + skill.getKey()
                            + "' must be from 0 to 5, got " + skill.getValue());
                }
                all.addObject().put("id", catalog().skillId(skill.getKey().toString())).put("proficiency", proficiency);
            }
        }
        List<ArrayNode> chunks = chunks(all, SKILLS_PER_CALL);
        for (int i = 0; i < Math.max(1, chunks.size()); i++) {
            ArrayNode chunk = chunks.isEmpty() ? all : chunks.get(i);
            require(http().send(i == 0 ? "PUT" : "PATCH", "/users/" + ref.id() + "/routingskills/bulk", chunk), ref);
        }
    }

    // ---- queues ----

    /** Joins the queues the user should be in and leaves the others; Genesys keeps them otherwise. */
    private void setQueues(VendorRef ref, Set<String> queues) {
        Map<String, String> current = queuesOf(ref);
        Set<String> wanted = new LinkedHashSet<>();
        for (String queue : queues) {
            wanted.add(catalog().queueId(queue));
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
            GenesysHttp.Answer answer = http().send("POST", "/routing/queues/" + queueId + "/members"
                    + (delete ? "?delete=true" : ""), chunk);
            if (answer.notFound()) {
                throw new ConnectorException.Rejected("Genesys Cloud queue " + queueId + " no longer exists");
            }
        }
    }

    /** Queue id to name of every queue the user is a member of. */
    private Map<String, String> queuesOf(VendorRef ref) {
        Map<String, String> queues = new LinkedHashMap<>();
        int pageCount = 1;
        for (int page = 1; page <= pageCount && page <= 50; page++) {
            JsonNode body = require(http().send("GET", "/users/" + ref.id() + "/queues?pageSize=100&pageNumber=" + page,
                    null), ref);
            body.path("entities").forEach(queue -> queues.put(queue.path("id").asText(), queue.path("name").asText()));
            pageCount = body.path("pageCount").asInt(1);
        }
        return queues;
    }

    // ---- helpers ----

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

    private static Set<String> strings(Object value) {
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            values.forEach(item -> result.add(String.valueOf(item)));
        } else if (value != null) {
            result.add(value.toString());
        }
        return result;
    }

    private static void putNonEmpty(Map<SeatField, Object> fields, SeatField field, Set<String> values) {
        if (!values.isEmpty()) {
            fields.put(field, Set.copyOf(values));
        }
    }

    private static JsonNode require(GenesysHttp.Answer answer, VendorRef ref) {
        if (answer.notFound()) {
            throw new ConnectorException.NotFound("Genesys Cloud has no user " + ref.id());
        }
        return answer.body();
    }
}
