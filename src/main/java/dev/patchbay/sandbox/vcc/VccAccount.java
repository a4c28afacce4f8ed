package dev.patchbay.sandbox.vcc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One simulated VCC account: its users (as the User Admin API shows them), the skill, agent group and
 * telephony region catalogues, and the documented rules: required fields, the four roles, agent settings
 * for agents, usernames of letters, digits and '_' that are unique and never change, an agent display id
 * set once, "allow to act as agent" never revoked, agent licences (overages only when accepted), archiving
 * before deleting, skills and groups replaced whole.
 */
@ApplicationScoped
public class VccAccount {

    static final List<String> ROLES = List.of("Admin", "Supervisor", "Wallboard", "Agent");
    static final List<String> ANALYTICS = List.of("creator", "viewer", "none");
    static final List<String> KRISP = List.of("enabled", "none");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern USERNAME_EMAIL_STYLE = Pattern.compile("[A-Za-z0-9_@.\\-]+");

    private final VccSandboxSettings settings;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> skills = new LinkedHashMap<>();
    private final Map<String, String> groups = new LinkedHashMap<>();
    private final Map<String, String> regions = new LinkedHashMap<>();
    private int nextDisplayId;
    private int listings;
    private int skillUserReplacements;

    /** A user: the API's fields, and what the API shows elsewhere or not at all (API credentials, other accounts). */
    private static final class User {
        final String id;
        ObjectNode body;
        Map<String, Integer> skills = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>();
        String analytics = "none";
        String krisp = "none";
        int apiCredentials;
        boolean multipleAccounts;
        /** When the user last logged in (ISO-8601), null for never; set through the control API. */
        String lastLoginTime;

        User(String id, ObjectNode body) {
            this.id = id;
            this.body = body;
        }
    }

    public VccAccount(VccSandboxSettings settings) {
        this.settings = settings;
        reset();
    }

    synchronized void reset() {
        users.clear();
        skills.clear();
        groups.clear();
        regions.clear();
        nextDisplayId = 1001;
        listings = 0;
        skillUserReplacements = 0;
        int i = 1;
        for (String name : List.of("Billing", "Technical", "Sales", "Spanish")) {
            skills.put("51000000-0000-4000-8000-00000000000" + i++, name);
        }
        i = 1;
        for (String name : List.of("Tier 1", "Tier 2", "Escalations")) {
            groups.put("52000000-0000-4000-8000-00000000000" + i++, name);
        }
        for (String region : settings.telephonyRegions()) {
            int equals = region.indexOf('=');
            if (equals > 0) {
                regions.put(region.substring(equals + 1).trim(), region.substring(0, equals).trim());
            }
        }
    }

    // ---- users ----

    synchronized ObjectNode createUser(ObjectNode input, boolean allowOverages) {
        ObjectNode body = input.deepCopy();
        body.remove("userId");
        String username = requiredText(body, "username");
        requiredText(body, "name");
        requiredText(body, "email");
        Pattern allowed = settings.usernameEmailCharacters() ? USERNAME_EMAIL_STYLE : USERNAME;
        if (!allowed.matcher(username).matches()) {
            throw VccFailure.badRequest("Username can only contain alphanumeric characters and underscores");
        }
        for (User user : users.values()) {
            if (user.body.path("username").asText().equalsIgnoreCase(username)) {
                throw new VccFailure(409, "Duplicate username: " + username + " already exists");
            }
        }
        if (!body.has("active")) {
            body.put("active", true);
        }
        checkConfiguration(body, null);
        ObjectNode agent = agentConfiguration(body);
        if (agent != null && !agent.hasNonNull("agentDisplayId")) {
            agent.put("agentDisplayId", String.valueOf(nextFreeDisplayId()));
        }
        checkDisplayIdFree(body, null);
        if (chargeable(body) && !allowOverages && chargeableCount() >= settings.agentLicences()) {
            throw overage();
        }
        User user = new User(UUID.randomUUID().toString(), body);
        users.put(user.id, user);
        return view(user);
    }

    synchronized ObjectNode getUser(String id) {
        return view(user(id));
    }

    synchronized ObjectNode listUsers(String include, Integer page, Integer limit) {
        listings++;
        String which = include == null || include.isBlank() ? "Active" : include;
        if (!List.of("Active", "Archived", "All").contains(which)) {
            throw VccFailure.badRequest("include must be Active, Archived or All");
        }
        int size = limit == null ? 25 : limit;
        if (size < 1 || size > 5000) {
            throw VccFailure.badRequest("limit must be between 1 and 5000");
        }
        // The vendor's pages disagree whether the first page is 0 or 1: both are the first page.
        int number = page == null || page < 1 ? 1 : page;
        List<User> selected = users.values().stream().filter(user -> {
            boolean active = user.body.path("active").asBoolean(true);
            return which.equals("All") || (which.equals("Active") == active);
        }).toList();
        int from = Math.min((number - 1) * size, selected.size());
        int to = Math.min(from + size, selected.size());
        ObjectNode answer = JSON.objectNode();
        ArrayNode items = JSON.arrayNode();
        selected.subList(from, to).forEach(user -> items.add(view(user)));
        ObjectNode meta = answer.putObject("meta");
        meta.put("page", number);
        meta.put("count", items.size());
        meta.put("pageCount", Math.max(1, (selected.size() + size - 1) / size));
        meta.put("totalCount", selected.size());
        answer.set("items", items);
        return answer;
    }

    synchronized ObjectNode patchUser(String id, ObjectNode changes, boolean acceptArchiveInMultipleAccounts,
            boolean allowOverages) {
        User user = user(id);
        ObjectNode before = user.body;
        if (changes.has("username") && !changes.path("username").asText().equals(before.path("username").asText())) {
            throw VccFailure.badRequest("You cannot edit a username after the user is saved");
        }
        ObjectNode after = before.deepCopy();
        merge(after, changes);
        after.remove("userId");
        requiredText(after, "name");
        requiredText(after, "email");
        ObjectNode oldAgent = agentConfiguration(before);
        String oldDisplayId = oldAgent == null ? null : oldAgent.path("agentDisplayId").asText(null);
        ObjectNode newAgent = agentConfiguration(after);
        if (oldDisplayId != null && newAgent != null
                && !oldDisplayId.equals(newAgent.path("agentDisplayId").asText(oldDisplayId))) {
            throw VccFailure.badRequest("agentDisplayId can be set only once");
        }
        boolean wasAgent = isAgent(before);
        JsonNode actAsAgent = changes.path("userAccountConfiguration").get("actAsAgent");
        if (wasAgent && actAsAgent != null && !actAsAgent.asBoolean()) {
            throw VccFailure.badRequest("Allow to act as agent cannot be revoked");
        }
        if (wasAgent) {
            ((ObjectNode) after.get("userAccountConfiguration")).put("actAsAgent", true);
        }
        checkConfiguration(after, before);
        if (newAgent != null && !newAgent.hasNonNull("agentDisplayId")) {
            newAgent.put("agentDisplayId", String.valueOf(nextFreeDisplayId()));
        }
        checkDisplayIdFree(after, user.id);
        boolean archiving = before.path("active").asBoolean(true) && !after.path("active").asBoolean(true);
        if (archiving && user.multipleAccounts && !acceptArchiveInMultipleAccounts) {
            throw VccFailure.badRequest("The user is linked to multiple accounts: archiving needs"
                    + " acceptArchiveInMultipleAccounts=true");
        }
        if (chargeable(after) && !chargeable(before) && !allowOverages
                && chargeableCount() >= settings.agentLicences()) {
            throw overage();
        }
        user.body = after;
        return view(user);
    }

    synchronized void deleteUser(String id) {
        User user = user(id);
        if (user.body.path("active").asBoolean(true)) {
            throw VccFailure.badRequest("The target user must be archived before deletion.");
        }
        if (user.apiCredentials > 0) {
            // [INFERRED] the message is not documented.
            throw VccFailure.badRequest("The target user has API credentials: delete them before deleting the user.");
        }
        users.remove(id);
    }

    // ---- skills, groups, licenses ----

    synchronized ObjectNode skillsOf(String id) {
        User user = user(id);
        ObjectNode answer = JSON.objectNode();
        answer.putObject("meta").put("count", user.skills.size());
        answer.put("userId", user.id);
        ObjectNode agent = agentConfiguration(user.body);
        answer.put("agentDisplayId", agent == null ? null : agent.path("agentDisplayId").asText(null));
        ArrayNode list = answer.putArray("agentSkills");
        List<String> ids = new ArrayList<>(skills.keySet());
        user.skills.forEach((skillId, level) -> list.addObject().put("skillId", skillId)
                .put("skillDisplayId", ids.indexOf(skillId) + 1).put("skillName", skills.get(skillId))
                .put("agentSkillLevel", level));
        return answer;
    }

    synchronized ObjectNode replaceSkills(String id, ObjectNode body) {
        User user = user(id);
        JsonNode list = body.get("agentSkills");
        if (list == null || !list.isArray()) {
            throw VccFailure.badRequest("agentSkills must be an array");
        }
        // [INFERRED] skills route interactions to agents: VCC's pages show them on agents only.
        if (!isAgent(user.body) && !list.isEmpty()) {
            throw VccFailure.badRequest("Skills can only be assigned to agents");
        }
        Map<String, Integer> replaced = new LinkedHashMap<>();
        for (JsonNode skill : list) {
            String skillId = skill.path("skillId").asText("");
            if (!skills.containsKey(skillId)) {
                throw VccFailure.badRequest("Skill " + skillId + " does not exist");
            }
            JsonNode level = skill.get("agentSkillLevel");
            if (level == null || !level.isIntegralNumber() || level.intValue() < settings.skillLevelMin()
                    || level.intValue() > settings.skillLevelMax()) {
                throw VccFailure.badRequest("agentSkillLevel must be an integer from " + settings.skillLevelMin()
                        + " to " + settings.skillLevelMax());
            }
            replaced.put(skillId, level.intValue());
        }
        user.skills = replaced;
        return skillsOf(id);
    }

    /** {@code GET /skills/{skillId}/users}: the users holding the skill, with their levels. */
    synchronized ObjectNode skillUsers(String skillId) {
        requireSkill(skillId);
        ObjectNode answer = JSON.objectNode();
        answer.put("skillId", skillId);
        answer.put("skillName", skills.get(skillId));
        ArrayNode list = answer.putArray("users");
        users.values().stream().filter(user -> user.skills.containsKey(skillId))
                .forEach(user -> list.addObject().put("userId", user.id).put("agentSkillLevel", user.skills.get(skillId)));
        answer.putObject("meta").put("count", list.size());
        return answer;
    }

    /**
     * {@code PUT /skills/{skillId}/users}: the skill's whole user list is replaced, so a user left out of the
     * list loses the skill. Checked in full before anything changes: every user must exist and be an agent,
     * every level be in range.
     */
    synchronized ObjectNode replaceSkillUsers(String skillId, ObjectNode body) {
        requireSkill(skillId);
        JsonNode list = body.get("users");
        if (list == null || !list.isArray()) {
            throw VccFailure.badRequest("users must be an array");
        }
        Map<String, Integer> replaced = new LinkedHashMap<>();
        for (JsonNode entry : list) {
            String userId = entry.path("userId").asText("");
            User user = users.get(userId);
            if (user == null) {
                throw VccFailure.badRequest("User " + userId + " does not exist");
            }
            if (!isAgent(user.body)) {
                throw VccFailure.badRequest("Skills can only be assigned to agents (user " + userId + ")");
            }
            JsonNode level = entry.get("agentSkillLevel");
            if (level == null || !level.isIntegralNumber() || level.intValue() < settings.skillLevelMin()
                    || level.intValue() > settings.skillLevelMax()) {
                throw VccFailure.badRequest("agentSkillLevel must be an integer from " + settings.skillLevelMin()
                        + " to " + settings.skillLevelMax());
            }
            replaced.put(userId, level.intValue());
        }
        skillUserReplacements++;
        for (User user : users.values()) {
            Map<String, Integer> held = new LinkedHashMap<>(user.skills);
            if (replaced.containsKey(user.id)) {
                held.put(skillId, replaced.get(user.id));
            } else {
                held.remove(skillId);
            }
            user.skills = held;
        }
        return skillUsers(skillId);
    }

    private void requireSkill(String skillId) {
        if (!skills.containsKey(skillId)) {
            throw VccFailure.notFound("Skill " + skillId + " not found");
        }
    }

    /** [INFERRED] the read side of {@code PUT /users/{id}/groups}. */
    synchronized ObjectNode groupsOf(String id) {
        User user = user(id);
        ObjectNode answer = JSON.objectNode();
        answer.putObject("meta").put("count", user.groups.size());
        answer.put("userId", user.id);
        ArrayNode list = answer.putArray("agentGroups");
        user.groups.forEach(groupId -> list.addObject().put("groupId", groupId).put("groupName", groups.get(groupId)));
        return answer;
    }

    synchronized ObjectNode replaceGroups(String id, ObjectNode body) {
        User user = user(id);
        JsonNode list = body.get("agentGroups");
        if (list == null || !list.isArray()) {
            throw VccFailure.badRequest("agentGroups must be an array");
        }
        List<String> replaced = new ArrayList<>();
        for (JsonNode group : list) {
            String groupId = group.path("groupId").asText("");
            if (!groups.containsKey(groupId)) {
                throw VccFailure.badRequest("Group " + groupId + " does not exist");
            }
            if (!replaced.contains(groupId)) {
                replaced.add(groupId);
            }
        }
        user.groups = replaced;
        return groupsOf(id);
    }

    synchronized ObjectNode updateLicenses(String id, ObjectNode body) {
        User user = user(id);
        JsonNode types = body.get("licenseTypes");
        if (types == null || !types.isObject()) {
            throw VccFailure.badRequest("licenseTypes must be an object");
        }
        String analytics = types.has("analytics") ? types.path("analytics").asText() : user.analytics;
        String krisp = types.has("krispnoisecancellation") ? types.path("krispnoisecancellation").asText()
                : user.krisp;
        if (!ANALYTICS.contains(analytics)) {
            throw VccFailure.badRequest("analytics must be creator, viewer or none");
        }
        if (!KRISP.contains(krisp)) {
            throw VccFailure.badRequest("krispnoisecancellation must be enabled or none");
        }
        user.analytics = analytics;
        user.krisp = krisp;
        return view(user);
    }

    /** [INFERRED] the skill catalogue ({@code GET /skills}). */
    synchronized ObjectNode skillCatalogue() {
        ObjectNode answer = JSON.objectNode();
        ArrayNode items = answer.putArray("items");
        int displayId = 1;
        for (Map.Entry<String, String> skill : skills.entrySet()) {
            items.addObject().put("skillId", skill.getKey()).put("skillDisplayId", displayId++)
                    .put("skillName", skill.getValue());
        }
        answer.putObject("meta").put("count", items.size()).put("totalCount", items.size()).put("page", 1)
                .put("pageCount", 1);
        return answer;
    }

    /** [INFERRED] the agent group catalogue ({@code GET /groups}). */
    synchronized ObjectNode groupCatalogue() {
        ObjectNode answer = JSON.objectNode();
        ArrayNode items = answer.putArray("items");
        groups.forEach((groupId, name) -> items.addObject().put("groupId", groupId).put("groupName", name));
        answer.putObject("meta").put("count", items.size()).put("totalCount", items.size()).put("page", 1)
                .put("pageCount", 1);
        return answer;
    }

    // ---- what an admin does in the VCC Admin Portal (the simulator's control API) ----

    /** API credentials and other accounts the user is linked to: the portal's, not the API's. */
    synchronized ObjectNode setPortalFacts(String id, ObjectNode facts) {
        User user = user(id);
        if (facts.has("apiCredentials")) {
            user.apiCredentials = Math.max(0, facts.path("apiCredentials").asInt());
        }
        if (facts.has("multipleAccounts")) {
            user.multipleAccounts = facts.path("multipleAccounts").asBoolean();
        }
        if (facts.has("lastLoginTime")) {
            user.lastLoginTime = facts.path("lastLoginTime").isNull() ? null : facts.path("lastLoginTime").asText();
        }
        return view(user);
    }

    synchronized void addRegion(String id, String name) {
        regions.put(id, name);
    }

    synchronized ObjectNode state() {
        ObjectNode state = JSON.objectNode();
        ArrayNode list = state.putArray("users");
        for (User user : users.values()) {
            ObjectNode view = view(user);
            ObjectNode userSkills = view.putObject("skills");
            user.skills.forEach((skillId, level) -> userSkills.put(skills.get(skillId), level));
            ArrayNode userGroups = view.putArray("groups");
            user.groups.forEach(groupId -> userGroups.add(groups.get(groupId)));
            view.put("apiCredentials", user.apiCredentials);
            view.put("multipleAccounts", user.multipleAccounts);
            list.add(view);
        }
        state.put("agentLicences", settings.agentLicences());
        state.put("listings", listings);
        state.put("skillUserReplacements", skillUserReplacements);
        state.put("chargeableAgents", chargeableCount());
        ObjectNode skillNames = state.putObject("skillCatalogue");
        skills.forEach((skillId, name) -> skillNames.put(name, skillId));
        ObjectNode groupNames = state.putObject("groupCatalogue");
        groups.forEach((groupId, name) -> groupNames.put(name, groupId));
        ObjectNode regionNames = state.putObject("telephonyRegions");
        regions.forEach((regionId, name) -> regionNames.put(name, regionId));
        return state;
    }

    // ---- rules ----

    private void checkConfiguration(ObjectNode body, ObjectNode before) {
        JsonNode configuration = body.get("userAccountConfiguration");
        if (configuration == null || !configuration.isObject()) {
            throw VccFailure.badRequest("userAccountConfiguration.role is required");
        }
        String role = configuration.path("role").asText("");
        if (!ROLES.contains(role)) {
            throw VccFailure.badRequest("userAccountConfiguration.role must be Admin, Supervisor, Wallboard or Agent");
        }
        if ("Agent".equals(role)) {
            ((ObjectNode) configuration).put("actAsAgent", true);
        }
        JsonNode agent = configuration.get("agentConfiguration");
        if (isAgent(body) && (agent == null || !agent.isObject())) {
            throw VccFailure.badRequest("userAccountConfiguration.agentConfiguration is required for an agent");
        }
        if (agent != null && agent.isObject()) {
            JsonNode region = agent.path("telephonyAddress").get("outboundTelephonyRegion");
            if (region != null && !region.isNull() && !regions.containsKey(region.asText())) {
                throw VccFailure.badRequest("outboundTelephonyRegion " + region.asText() + " is not a telephony region");
            }
        }
    }

    private void checkDisplayIdFree(ObjectNode body, String self) {
        ObjectNode agent = agentConfiguration(body);
        if (agent == null) {
            return;
        }
        String displayId = agent.path("agentDisplayId").asText();
        for (User user : users.values()) {
            ObjectNode other = agentConfiguration(user.body);
            if (!user.id.equals(self) && other != null && displayId.equals(other.path("agentDisplayId").asText())) {
                throw VccFailure.badRequest("agentDisplayId " + displayId + " is already used");
            }
        }
    }

    private int nextFreeDisplayId() {
        while (true) {
            String candidate = String.valueOf(nextDisplayId++);
            boolean taken = users.values().stream().map(user -> agentConfiguration(user.body))
                    .anyMatch(agent -> agent != null && candidate.equals(agent.path("agentDisplayId").asText()));
            if (!taken) {
                return Integer.parseInt(candidate);
            }
        }
    }

    private static VccFailure overage() {
        return VccFailure.badRequest("All agent licences are in use: creating this agent exceeds the licensed agent"
                + " count; set allowOverages=true to accept the overage charge");
    }

    private int chargeableCount() {
        return (int) users.values().stream().filter(user -> chargeable(user.body)).count();
    }

    private static boolean chargeable(ObjectNode body) {
        return body.path("active").asBoolean(true) && isAgent(body);
    }

    private static boolean isAgent(ObjectNode body) {
        JsonNode configuration = body.path("userAccountConfiguration");
        return "Agent".equals(configuration.path("role").asText()) || configuration.path("actAsAgent").asBoolean(false);
    }

    private static ObjectNode agentConfiguration(ObjectNode body) {
        JsonNode agent = body.path("userAccountConfiguration").get("agentConfiguration");
        return agent instanceof ObjectNode object ? object : null;
    }

    private User user(String id) {
        User user = users.get(id);
        if (user == null) {
            throw VccFailure.notFound("User " + id + " not found");
        }
        return user;
    }

    private ObjectNode view(User user) {
        ObjectNode view = JSON.objectNode();
        view.put("userId", user.id);
        view.setAll(user.body.deepCopy());
        if (user.lastLoginTime == null) {
            view.putNull("lastLoginTime");
        } else {
            view.put("lastLoginTime", user.lastLoginTime);
        }
        view.put("locked", false);
        if (view.get("userAccountConfiguration") instanceof ObjectNode configuration) {
            configuration.put("chargeable", chargeable(user.body));
        }
        // [INFERRED] where a read shows the add-on licenses.
        view.putObject("licenseTypes").put("analytics", user.analytics).put("krispnoisecancellation", user.krisp);
        return view;
    }

    private static String requiredText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw VccFailure.badRequest(field + " is required");
        }
        return value.asText();
    }

    /** A partial update: objects merge member by member, anything else is replaced. */
    private static void merge(ObjectNode target, ObjectNode changes) {
        Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode change) {
                merge(existingObject, change);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
