package dev.patchbay.sandbox.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The simulated Genesys Cloud org: users (soft-deleted, versioned), licenses, role/division grants, routing
 * skills and queue members, plus seeded catalogues. Every method is synchronized: one org, one lock.
 */
@ApplicationScoped
public class GenesysOrg {

    static final String HOME_DIVISION = "00000000-0000-4000-8000-000000000001";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String API = "/api/v2";

    record Division(String id, String name) {
    }

    record Role(String id, String name, String requiredLicense) {
    }

    record Skill(String id, String name) {
    }

    record Queue(String id, String name) {
    }

    record Grant(String roleId, String divisionId, Instant madeAt) {
    }

    static final class User {
        final String id;
        String name;
        String email;
        String title;
        String department;
        String divisionId;
        String state;
        int version = 1;

        User(String id) {
            this.id = id;
        }
    }

    private final GenesysSettings settings;
    private final GenesysClock clock;
    private final Map<String, Division> divisions = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Skill> skills = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Set<String>> licenses = new LinkedHashMap<>();
    private final Map<String, List<Grant>> grants = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> userSkills = new LinkedHashMap<>();
    private final Map<String, Set<String>> queueMembers = new LinkedHashMap<>();

    public GenesysOrg(GenesysSettings settings, GenesysClock clock) {
        this.settings = settings;
        this.clock = clock;
        reset();
    }

    synchronized void reset() {
        bulkCalls.clear();
        divisions.clear();
        roles.clear();
        skills.clear();
        queues.clear();
        users.clear();
        licenses.clear();
        grants.clear();
        userSkills.clear();
        queueMembers.clear();
        divisions.put(HOME_DIVISION, new Division(HOME_DIVISION, "Home"));
        division("00000000-0000-4000-8000-000000000002", "Support");
        division("00000000-0000-4000-8000-000000000003", "Sales");
        List<String> ids = settings.licenseIds();
        role("10000000-0000-4000-8000-000000000001", "Agent", ids.get(0));
        role("10000000-0000-4000-8000-000000000002", "Supervisor", ids.get(Math.min(1, ids.size() - 1)));
        role("10000000-0000-4000-8000-000000000003", "Admin", ids.get(Math.min(2, ids.size() - 1)));
        skill("20000000-0000-4000-8000-000000000001", "Billing");
        skill("20000000-0000-4000-8000-000000000002", "Sales");
        skill("20000000-0000-4000-8000-000000000003", "Technical");
        skill("20000000-0000-4000-8000-000000000004", "French");
        queue("30000000-0000-4000-8000-000000000001", "Support");
        queue("30000000-0000-4000-8000-000000000002", "Sales");
        queue("30000000-0000-4000-8000-000000000003", "Escalations");
    }

    private void division(String id, String name) {
        divisions.put(id, new Division(id, name));
    }

    private void role(String id, String name, String license) {
        roles.put(id, new Role(id, name, license));
    }

    synchronized void addSkills(List<String> names) {
        for (String name : names) {
            if (name.isBlank() || skills.values().stream().anyMatch(skill -> skill.name().equals(name))) {
                throw GenesysFailure.badRequest("Skill name '" + name + "' is empty or taken");
            }
        }
        names.forEach(name -> skill(UUID.randomUUID().toString(), name));
    }

    private void skill(String id, String name) {
        skills.put(id, new Skill(id, name));
    }

    private void queue(String id, String name) {
        queues.put(id, new Queue(id, name));
        queueMembers.put(id, new LinkedHashSet<>());
    }

    // ---- users ----

    synchronized ObjectNode createUser(ObjectNode body) {
        String name = requiredText(body, "name");
        String email = requiredText(body, "email");
        String divisionId = optionalText(body, "divisionId");
        if (divisionId == null) {
            divisionId = HOME_DIVISION;
        } else if (!divisions.containsKey(divisionId)) {
            throw GenesysFailure.badRequest("The division " + divisionId + " does not exist");
        }
        String state = optionalText(body, "state");
        if (state == null) {
            state = "active";
        } else if (!state.equals("active") && !state.equals("inactive")) {
            throw GenesysFailure.badRequest("state must be active or inactive");
        }
        emailFree(email, null);
        User user = new User(UUID.randomUUID().toString());
        user.name = name;
        user.email = email;
        user.title = optionalText(body, "title");
        user.department = optionalText(body, "department");
        user.divisionId = divisionId;
        user.state = state;
        users.put(user.id, user);
        return userJson(user);
    }

    synchronized ObjectNode getUser(String id, String stateParam) {
        User user = users.get(id);
        if (user == null || ("deleted".equals(user.state) != "deleted".equals(stateParam))
                && !"any".equals(stateParam)) {
            throw GenesysFailure.notFound("The requested user " + id + " was not found");
        }
        return userJson(user);
    }

    synchronized ObjectNode patchUser(String id, ObjectNode body) {
        User user = users.get(id);
        if (user == null) {
            throw GenesysFailure.notFound("The requested user " + id + " was not found");
        }
        JsonNode version = body.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw GenesysFailure.badRequest("version is required and must be an integer");
        }
        if (version.intValue() != user.version) {
            throw GenesysFailure.conflict("version mismatch: the version supplied (" + version.intValue()
                    + ") does not match the current version of the user (" + user.version + ")");
        }
        String state = optionalText(body, "state");
        if (state != null) {
            // "If specified, it is the only modifiable field."
            if (!state.equals("active") && !state.equals("inactive")) {
                throw GenesysFailure.badRequest("state must be active or inactive; use DELETE to delete a user");
            }
            user.state = state;
        } else {
            if ("deleted".equals(user.state)) {
                throw GenesysFailure.badRequest("A deleted user can only be restored by setting its state");
            }
            String name = optionalText(body, "name");
            String email = optionalText(body, "email");
            if (email != null && !email.equalsIgnoreCase(user.email)) {
                emailFree(email, user.id);
            }
            if (body.has("name") && (name == null || name.isBlank())) {
                throw GenesysFailure.badRequest("name must not be empty");
            }
            if (name != null) {
                user.name = name;
            }
            if (email != null) {
                user.email = email;
            }
            if (body.has("title")) {
                user.title = optionalText(body, "title");
            }
            if (body.has("department")) {
                user.department = optionalText(body, "department");
            }
        }
        user.version++;
        return userJson(user);
    }

    /** Soft delete: the user stays (email taken), loses roles, skills, queue memberships and licenses. */
    synchronized void deleteUser(String id) {
        User user = liveUser(id);
        user.state = "deleted";
        user.version++;
        grants.remove(id);
        userSkills.remove(id);
        licenses.remove(id);
        queueMembers.values().forEach(members -> members.remove(id));
    }

    /**
     * {@code GET /api/v2/users}: a UserEntityListing page of the users in {@code state} (active by default;
     * {@code any} includes inactive and deleted ones), numbered from 1.
     */
    synchronized ObjectNode listUsers(String state, int pageSize, int pageNumber) {
        String wanted = state == null || state.isBlank() ? "active" : state;
        if (!Set.of("active", "inactive", "deleted", "any").contains(wanted)) {
            throw GenesysFailure.badRequest("state must be one of active, inactive, deleted, any");
        }
        if (pageSize < 1 || pageSize > 500 || pageNumber < 1) {
            throw GenesysFailure.badRequest("pageSize must be 1 to 500 and pageNumber 1 or more");
        }
        List<User> matches = users.values().stream()
                .filter(user -> "any".equals(wanted) || wanted.equals(user.state)).toList();
        ObjectNode answer = JSON.objectNode();
        ArrayNode entities = answer.putArray("entities");
        matches.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize)
                .forEach(user -> entities.add(userJson(user)));
        int pageCount = (matches.size() + pageSize - 1) / pageSize;
        answer.put("pageSize", pageSize);
        answer.put("pageNumber", pageNumber);
        answer.put("total", matches.size());
        answer.put("pageCount", pageCount);
        String query = API + "/users?pageSize=" + pageSize + "&state=" + wanted + "&pageNumber=";
        answer.put("selfUri", query + pageNumber);
        answer.put("firstUri", query + 1);
        if (pageNumber < pageCount) {
            answer.put("nextUri", query + (pageNumber + 1));
        }
        answer.put("lastUri", query + Math.max(1, pageCount));
        return answer;
    }

    synchronized ObjectNode search(ObjectNode body) {
        List<Predicate<User>> conditions = new ArrayList<>();
        boolean stateGiven = false;
        JsonNode query = body.get("query");
        if (query == null || !query.isArray() || query.isEmpty()) {
            throw GenesysFailure.badRequest("query is required");
        }
        for (JsonNode criterion : query) {
            String type = criterion.path("type").asText("");
            List<String> fields = new ArrayList<>();
            criterion.path("fields").forEach(field -> fields.add(field.asText()));
            if (criterion.hasNonNull("field")) {
                fields.add(criterion.get("field").asText());
            }
            List<String> values = new ArrayList<>();
            if (criterion.hasNonNull("value")) {
                values.add(criterion.get("value").asText());
            }
            criterion.path("values").forEach(value -> values.add(value.asText()));
            if (fields.isEmpty() || values.isEmpty()) {
                throw GenesysFailure.badRequest("A search criterion needs fields and a value or values");
            }
            for (String field : fields) {
                if (!Set.of("email", "name", "state", "id", "division.id", "title").contains(field)) {
                    throw GenesysFailure.badRequest("Unsupported search field " + field);
                }
            }
            stateGiven |= fields.contains("state");
            Predicate<User> condition = switch (type) {
                case "EXACT" -> user -> fields.stream().anyMatch(field -> values.stream()
                        .anyMatch(value -> value.equalsIgnoreCase(String.valueOf(field(user, field)))));
                case "STARTS_WITH" -> user -> fields.stream().anyMatch(field -> values.stream().anyMatch(
                        value -> lower(field(user, field)).startsWith(value.toLowerCase(Locale.ROOT))));
                case "CONTAINS" -> user -> fields.stream().anyMatch(field -> values.stream().anyMatch(
                        value -> lower(field(user, field)).contains(value.toLowerCase(Locale.ROOT))));
                default -> throw GenesysFailure.badRequest("The sandbox supports EXACT, STARTS_WITH and CONTAINS");
            };
            conditions.add(condition);
        }
        if (!stateGiven) {
            conditions.add(user -> !"deleted".equals(user.state));
        }
        int pageSize = Math.max(1, body.path("pageSize").asInt(25));
        int pageNumber = Math.max(1, body.path("pageNumber").asInt(1));
        List<User> matches = users.values().stream().filter(user -> conditions.stream().allMatch(c -> c.test(user)))
                .toList();
        ObjectNode answer = JSON.objectNode();
        answer.put("total", matches.size());
        answer.put("pageCount", (matches.size() + pageSize - 1) / pageSize);
        answer.put("pageSize", pageSize);
        answer.put("pageNumber", pageNumber);
        ArrayNode results = answer.putArray("results");
        matches.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize)
                .forEach(user -> results.add(userJson(user)));
        return answer;
    }

    private static String lower(Object value) {
        return value == null ? "" : value.toString().toLowerCase(Locale.ROOT);
    }

    private static Object field(User user, String field) {
        return switch (field) {
            case "email" -> user.email;
            case "name" -> user.name;
            case "state" -> user.state;
            case "id" -> user.id;
            case "division.id" -> user.divisionId;
            case "title" -> user.title;
            default -> null;
        };
    }

    private void emailFree(String email, String exceptId) {
        for (User other : users.values()) {
            if (!other.id.equals(exceptId) && other.email.equalsIgnoreCase(email)) {
                throw GenesysFailure.conflict("The email address " + email + " is already in use by another "
                        + ("deleted".equals(other.state) ? "(deleted) " : "") + "user");
            }
        }
    }

    private User liveUser(String id) {
        User user = users.get(id);
        if (user == null || "deleted".equals(user.state)) {
            throw GenesysFailure.notFound("The requested user " + id + " was not found");
        }
        return user;
    }

    ObjectNode userJson(User user) {
        ObjectNode node = JSON.objectNode();
        node.put("id", user.id);
        node.put("name", user.name);
        ObjectNode division = node.putObject("division");
        division.put("id", user.divisionId);
        division.put("name", divisions.get(user.divisionId).name());
        division.put("selfUri", API + "/authorization/divisions/" + user.divisionId);
        node.put("email", user.email);
        if (user.title != null) {
            node.put("title", user.title);
        }
        if (user.department != null) {
            node.put("department", user.department);
        }
        node.put("state", user.state);
        node.put("version", user.version);
        node.put("username", user.email);
        node.put("selfUri", API + "/users/" + user.id);
        return node;
    }

    // ---- licenses ----

    /** One result per (user, license, action); failures do not stop the batch. */
    synchronized ArrayNode licenseBatch(List<String[]> actions) {
        countBulk("licenseBatch", actions.stream().map(action -> action[0]).distinct().count());
        ArrayNode results = JSON.arrayNode();
        for (String[] action : actions) {
            String userId = action[0];
            String licenseId = action[1];
            String verb = action[2];
            String error = null;
            User user = users.get(userId);
            if (user == null || "deleted".equals(user.state)) {
                error = "User " + userId + " not found";
            } else if (!settings.licenseIds().contains(licenseId)) {
                error = "License " + licenseId + " not found";
            } else if (!verb.equals("add") && !verb.equals("remove")) {
                error = "action must be add or remove";
            } else if (verb.equals("add")) {
                licenses.computeIfAbsent(userId, id -> new LinkedHashSet<>()).add(licenseId);
            } else {
                Set<String> held = new LinkedHashSet<>(licenses.getOrDefault(userId, Set.of()));
                held.remove(licenseId);
                String missing = settings.licenseCeiling() ? uncoveredRole(userId, held) : null;
                if (missing != null) {
                    error = "Removing " + licenseId + " would leave role " + missing + " without its license";
                } else {
                    licenses.put(userId, held);
                }
            }
            ObjectNode result = results.addObject();
            result.put("userId", userId);
            result.put("licenseId", licenseId);
            result.put("action", verb);
            result.put("status", error == null ? "success" : "failure");
            result.put("result", error == null ? "success" : "failure");
            if (error != null) {
                result.putArray("errors").addObject().put("message", error).put("code", "bad.request");
            }
        }
        return results;
    }

    synchronized ObjectNode licenseUsers(int pageSize, int pageNumber) {
        List<User> live = users.values().stream().filter(user -> !"deleted".equals(user.state)).toList();
        ObjectNode answer = JSON.objectNode();
        ArrayNode entities = answer.putArray("entities");
        live.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize).forEach(user -> {
            ObjectNode entry = entities.addObject();
            entry.put("id", user.id);
            ArrayNode held = entry.putArray("licenses");
            licenses.getOrDefault(user.id, Set.of()).forEach(held::add);
            entry.put("selfUri", API + "/license/users/" + user.id);
        });
        answer.put("pageSize", pageSize);
        answer.put("pageNumber", pageNumber);
        answer.put("total", live.size());
        answer.put("pageCount", (live.size() + pageSize - 1) / pageSize);
        return answer;
    }

    synchronized ObjectNode licenseUser(String userId) {
        liveUser(userId);
        ObjectNode answer = JSON.objectNode();
        answer.put("id", userId);
        ArrayNode held = answer.putArray("licenses");
        licenses.getOrDefault(userId, Set.of()).forEach(id -> held.addObject().put("id", id)
                .put("selfUri", API + "/license/definitions/" + id));
        answer.put("selfUri", API + "/license/users/" + userId);
        return answer;
    }

    /** The name of a granted role whose required license is not covered by {@code held}, or null. */
    private String uncoveredRole(String userId, Set<String> held) {
        for (Grant grant : grants.getOrDefault(userId, List.of())) {
            Role role = roles.get(grant.roleId());
            if (!covers(held, role.requiredLicense())) {
                return role.name();
            }
        }
        return null;
    }

    private boolean covers(Set<String> held, String required) {
        List<String> tiers = settings.licenseIds();
        int needed = tiers.indexOf(required);
        return held.stream().anyMatch(license -> tiers.indexOf(license) >= needed);
    }

    /** The licenses the given roles need ({@code POST /api/v2/license/infer}). */
    synchronized ArrayNode inferLicenses(List<String> roleIds) {
        Set<String> needed = new LinkedHashSet<>();
        for (String roleId : roleIds) {
            Role role = roles.get(roleId);
            if (role == null) {
                throw GenesysFailure.notFound("Role " + roleId + " not found");
            }
            needed.add(role.requiredLicense());
        }
        ArrayNode answer = JSON.arrayNode();
        needed.forEach(answer::add);
        return answer;
    }

    // ---- roles and divisions ----

    /**
     * Moves users to a division, all or none. An unknown division is 404; unknown (or deleted) user ids are
     * 400. [INFERRED] The move bumps each user's version, as any other change of the user does.
     */
    synchronized void moveToDivision(String divisionId, List<String> userIds) {
        if (!divisions.containsKey(divisionId)) {
            throw GenesysFailure.notFound("Division " + divisionId + " not found");
        }
        List<String> unknown = userIds.stream()
                .filter(id -> !users.containsKey(id) || "deleted".equals(users.get(id).state)).toList();
        if (!unknown.isEmpty()) {
            throw GenesysFailure.badRequest("These objects do not exist: " + String.join(", ", unknown));
        }
        for (String id : userIds) {
            User user = users.get(id);
            if (!user.divisionId.equals(divisionId)) {
                user.divisionId = divisionId;
                user.version++;
            }
        }
    }

    synchronized void grants(String userId, String mode, List<String[]> pairs) {
        liveUser(userId);
        List<Grant> requested = new ArrayList<>();
        for (String[] pair : pairs) {
            if (!roles.containsKey(pair[0])) {
                throw GenesysFailure.notFound("Role " + pair[0] + " not found");
            }
            if (!divisions.containsKey(pair[1])) {
                throw GenesysFailure.notFound("Division " + pair[1] + " not found");
            }
            requested.add(new Grant(pair[0], pair[1], clock.now()));
        }
        List<Grant> current = new ArrayList<>(grants.getOrDefault(userId, List.of()));
        List<Grant> next = switch (mode) {
            case "bulkadd" -> {
                for (Grant grant : requested) {
                    if (current.stream().noneMatch(g -> same(g, grant))) {
                        current.add(grant);
                    }
                }
                yield current;
            }
            case "bulkremove" -> {
                current.removeIf(g -> requested.stream().anyMatch(r -> same(g, r)));
                yield current;
            }
            case "bulkreplace" -> {
                List<Grant> replaced = new ArrayList<>();
                for (Grant grant : requested) {
                    Grant kept = current.stream().filter(g -> same(g, grant)).findFirst().orElse(grant);
                    if (replaced.stream().noneMatch(g -> same(g, grant))) {
                        replaced.add(kept);
                    }
                }
                yield replaced;
            }
            default -> throw GenesysFailure.notFound("Unknown operation " + mode);
        };
        if (settings.licenseCeiling() && !"bulkremove".equals(mode)) {
            Set<String> held = licenses.getOrDefault(userId, Set.of());
            for (Grant grant : next) {
                Role role = roles.get(grant.roleId());
                if (!covers(held, role.requiredLicense())) {
                    throw GenesysFailure.badRequest("The role " + role.name() + " requires license "
                            + role.requiredLicense() + " which user " + userId + " does not have");
                }
            }
        }
        grants.put(userId, next);
    }

    private static boolean same(Grant a, Grant b) {
        return a.roleId().equals(b.roleId()) && a.divisionId().equals(b.divisionId());
    }

    synchronized ObjectNode subject(String userId) {
        User user = liveUser(userId);
        ObjectNode answer = JSON.objectNode();
        answer.put("id", user.id);
        answer.put("name", user.name);
        ArrayNode list = answer.putArray("grants");
        for (Grant grant : grants.getOrDefault(userId, List.of())) {
            ObjectNode node = list.addObject();
            node.put("subjectId", userId);
            Division division = divisions.get(grant.divisionId());
            node.putObject("division").put("id", division.id()).put("name", division.name());
            Role role = roles.get(grant.roleId());
            node.putObject("role").put("id", role.id()).put("name", role.name());
            node.put("grantMadeAt", grant.madeAt().toString());
        }
        answer.put("selfUri", API + "/authorization/subjects/" + userId);
        return answer;
    }

    synchronized ObjectNode rolesListing() {
        ArrayNode entities = JSON.arrayNode();
        roles.values().forEach(role -> entities.addObject().put("id", role.id()).put("name", role.name())
                .put("requiredLicense", role.requiredLicense())
                .put("selfUri", API + "/authorization/roles/" + role.id()));
        return listing(entities);
    }

    synchronized ObjectNode divisionsListing() {
        ArrayNode entities = JSON.arrayNode();
        divisions.values().forEach(division -> entities.addObject().put("id", division.id())
                .put("name", division.name()).put("homeDivision", division.id().equals(HOME_DIVISION))
                .put("selfUri", API + "/authorization/divisions/" + division.id()));
        return listing(entities);
    }

    // ---- routing skills ----

    synchronized ObjectNode setSkills(String userId, boolean replace, List<JsonNode> entries) {
        liveUser(userId);
        if (entries.size() > 50) {
            throw GenesysFailure.badRequest("At most 50 routing skills may be sent in one request, got "
                    + entries.size());
        }
        Map<String, Double> requested = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            String id = entry.path("id").asText(null);
            JsonNode proficiency = entry.get("proficiency");
            if (id == null || !entry.get("id").isTextual()) {
                throw GenesysFailure.badRequest("Every routing skill needs an id");
            }
            if (proficiency == null || !proficiency.isNumber() || proficiency.doubleValue() < 0
                    || proficiency.doubleValue() > 5) {
                throw GenesysFailure.badRequest("proficiency of skill " + id + " must be a number from 0 to 5");
            }
            if (!skills.containsKey(id)) {
                throw GenesysFailure.notFound("Routing skill " + id + " not found");
            }
            requested.put(id, proficiency.doubleValue());
        }
        Map<String, Double> current = replace ? new LinkedHashMap<>()
                : new LinkedHashMap<>(userSkills.getOrDefault(userId, Map.of()));
        current.putAll(requested);
        userSkills.put(userId, current);
        return skillsOf(userId);
    }

    synchronized ObjectNode skillsOf(String userId) {
        liveUser(userId);
        ArrayNode entities = JSON.arrayNode();
        userSkills.getOrDefault(userId, Map.of()).forEach((id, proficiency) -> entities.addObject()
                .put("id", id).put("name", skills.get(id).name()).put("proficiency", proficiency)
                .put("state", "active").put("skillUri", API + "/routing/skills/" + id)
                .put("selfUri", API + "/users/" + userId + "/routingskills/" + id));
        return listing(entities);
    }

    synchronized ObjectNode skillsListing() {
        ArrayNode entities = JSON.arrayNode();
        skills.values().forEach(skill -> entities.addObject().put("id", skill.id()).put("name", skill.name())
                .put("state", "active").put("selfUri", API + "/routing/skills/" + skill.id()));
        return listing(entities);
    }

    // ---- queues ----

    synchronized void queueMembers(String queueId, boolean delete, List<JsonNode> entries) {
        countBulk(delete ? "queueMembersDelete" : "queueMembersAdd", entries.size());
        Set<String> members = queueMembers.get(queueId);
        if (members == null) {
            throw GenesysFailure.notFound("Queue " + queueId + " not found");
        }
        if (entries.size() > 100) {
            throw GenesysFailure.badRequest("At most 100 queue members may be added or deleted at once, got "
                    + entries.size());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : entries) {
            String id = entry.path("id").asText("");
            if (id.isEmpty()) {
                throw GenesysFailure.badRequest("Every member needs an id");
            }
            if (!delete) {
                User user = users.get(id);
                if (user == null || "deleted".equals(user.state)) {
                    throw GenesysFailure.badRequest("User " + id + " not found");
                }
            }
            ids.add(id);
        }
        if (delete) {
            ids.forEach(members::remove);
        } else {
            members.addAll(ids);
        }
    }

    synchronized ObjectNode queueMembersListing(String queueId) {
        Set<String> members = queueMembers.get(queueId);
        if (members == null) {
            throw GenesysFailure.notFound("Queue " + queueId + " not found");
        }
        ArrayNode entities = JSON.arrayNode();
        members.forEach(id -> {
            User user = users.get(id);
            ObjectNode member = entities.addObject();
            member.put("id", id);
            member.put("name", user.name);
            member.putObject("user").put("id", id).put("name", user.name).put("selfUri", API + "/users/" + id);
            member.put("joined", false);
            member.put("memberBy", "user");
            member.put("selfUri", API + "/routing/queues/" + queueId + "/members/" + id);
        });
        return listing(entities);
    }

    /** The queues a user is a member of ({@code GET /api/v2/users/{id}/queues}). */
    synchronized ObjectNode queuesOf(String userId) {
        liveUser(userId);
        ArrayNode entities = JSON.arrayNode();
        queues.values().stream().filter(queue -> queueMembers.get(queue.id()).contains(userId))
                .forEach(queue -> entities.addObject().put("id", queue.id()).put("name", queue.name())
                        .put("joined", false).put("selfUri", API + "/routing/queues/" + queue.id()));
        return listing(entities);
    }

    synchronized ObjectNode queuesListing() {
        ArrayNode entities = JSON.arrayNode();
        queues.values().forEach(queue -> entities.addObject().put("id", queue.id()).put("name", queue.name())
                .put("memberCount", queueMembers.get(queue.id()).size())
                .put("selfUri", API + "/routing/queues/" + queue.id()));
        return listing(entities);
    }

    // ---- control ----

    /** Calls of the bulk endpoints since the last reset, and how many users the last of each carried. */
    private final Map<String, long[]> bulkCalls = new LinkedHashMap<>();

    private void countBulk(String endpoint, long users) {
        long[] counts = bulkCalls.computeIfAbsent(endpoint, key -> new long[2]);
        counts[0]++;
        counts[1] = users;
    }

    synchronized ObjectNode state() {
        ObjectNode state = JSON.objectNode();
        ObjectNode bulk = state.putObject("bulkCalls");
        bulkCalls.forEach((endpoint, counts) -> bulk.putObject(endpoint).put("calls", counts[0])
                .put("lastUsers", counts[1]));
        ArrayNode list = state.putArray("users");
        users.values().forEach(user -> {
            ObjectNode node = list.addObject();
            node.put("id", user.id);
            node.put("name", user.name);
            node.put("email", user.email);
            node.put("state", user.state);
            node.put("version", user.version);
            node.put("divisionId", user.divisionId);
            ArrayNode held = node.putArray("licenses");
            licenses.getOrDefault(user.id, Set.of()).forEach(held::add);
            ArrayNode granted = node.putArray("grants");
            grants.getOrDefault(user.id, List.of()).forEach(grant -> granted.addObject()
                    .put("roleId", grant.roleId()).put("role", roles.get(grant.roleId()).name())
                    .put("divisionId", grant.divisionId()));
            ArrayNode skillList = node.putArray("skills");
            userSkills.getOrDefault(user.id, Map.of()).forEach((id, proficiency) -> skillList.addObject()
                    .put("id", id).put("name", skills.get(id).name()).put("proficiency", proficiency));
        });
        ObjectNode queueNode = state.putObject("queueMembers");
        queueMembers.forEach((queueId, members) -> {
            ArrayNode ids = queueNode.putArray(queueId);
            members.forEach(ids::add);
        });
        state.set("roles", rolesListing().get("entities"));
        state.set("divisions", divisionsListing().get("entities"));
        state.set("skills", skillsListing().get("entities"));
        state.set("queues", queuesListing().get("entities"));
        ArrayNode licenseIds = state.putArray("licenseIds");
        settings.licenseIds().forEach(licenseIds::add);
        return state;
    }

    private static ObjectNode listing(ArrayNode entities) {
        ObjectNode answer = JSON.objectNode();
        answer.set("entities", entities);
        answer.put("pageSize", Math.max(25, entities.size()));
        answer.put("pageNumber", 1);
        answer.put("total", entities.size());
        answer.put("pageCount", 1);
        return answer;
    }

    private static String requiredText(ObjectNode body, String name) {
        String value = optionalText(body, name);
        if (value == null || value.isBlank()) {
            throw GenesysFailure.badRequest(name + " is required");
        }
        return value;
    }

    private static String optionalText(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw GenesysFailure.badRequest(name + " must be a string");
        }
        return value.textValue();
    }
}
