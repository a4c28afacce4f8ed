package dev.patchbay.sandbox.five9;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simulated Five9 domain: users keyed by their case-sensitive userName, the skill catalogue, agent
 * groups and user profiles, and the rules Five9 documents for them. Every change is all or nothing.
 */
@ApplicationScoped
public class Five9Domain {

    static final int HIGHEST_LEVEL = 1;
    static final int LOWEST_LEVEL = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    // [INFERRED] Five9 gives a new user an extension when none is sent; the first free one from here.
    private static final int FIRST_EXTENSION = 1001;

    /** A catalogue entry: a skill, an agent group or a user profile, with its members where it has them. */
    record Entry(long id, String name, String description, Set<String> members) {
    }

    /** One userSkill* call, so tests can check the pacing Five9 asks for. */
    record SkillCall(String operation, String userName, String skillName, Instant at) {
    }

    private final Five9Settings settings;
    private final Five9Clock clock;
    private final Map<String, Five9User> users = new LinkedHashMap<>();
    private final Map<String, Entry> skills = new LinkedHashMap<>();
    private final Map<String, Entry> agentGroups = new LinkedHashMap<>();
    private final List<AgentGroupCall> agentGroupCalls = new ArrayList<>();
    private final Map<String, Entry> profiles = new LinkedHashMap<>();
    private final List<SkillCall> skillCalls = new ArrayList<>();
    private long nextId;

    public Five9Domain(Five9Settings settings, Five9Clock clock) {
        this.settings = settings;
        this.clock = clock;
        reset();
    }

    synchronized void reset() {
        users.clear();
        skills.clear();
        agentGroups.clear();
        profiles.clear();
        skillCalls.clear();
        agentGroupCalls.clear();
        nextId = 300_000_000_000_001L;
        for (String skill : List.of("Sales", "Support", "Billing", "Technical", "Spanish")) {
            skills.put(skill, new Entry(nextId++, skill, skill + " calls", Set.of()));
        }
        for (String group : List.of("Tier 1", "Tier 2", "Outbound Sales")) {
            agentGroups.put(group, new Entry(nextId++, group, group + " agents", new LinkedHashSet<>()));
        }
        for (String profile : List.of("Agent Profile", "Supervisor Profile")) {
            profiles.put(profile, new Entry(nextId++, profile, profile, new LinkedHashSet<>()));
        }
    }

    // ---- users ----

    /** createUser: the general info, at least one role, skills by name and level, agent groups by name. */
    synchronized Five9User create(UserInput input) {
        String userName = input.general().get("userName");
        if (userName == null || userName.isEmpty()) {
            throw Five9Fault.invalidUserData("userName is required");
        }
        if (!EMAIL.matcher(userName).matches()) {
            throw Five9Fault.invalidUserData("userName " + userName + " must have the form of an e-mail address");
        }
        if (users.containsKey(userName)) {
            throw Five9Fault.of("UserAlreadyExistsFault", "User " + userName + " already exists")
                    .with("userName", userName);
        }
        if (users.size() >= settings.seatLimit()) {
            throw Five9Fault.of("TooManyUsersFault", "The domain has reached its limit of " + settings.seatLimit()
                    + " users");
        }
        if (input.password() == null || input.password().isEmpty()) {
            throw Five9Fault.invalidUserData("password is required");
        }
        checkGeneral(input.general(), null);
        if (input.roles().isEmpty()) {
            throw Five9Fault.noRequiredRole(userName, List.of(), "A new user must have at least one role");
        }
        input.skills().forEach((skill, level) -> checkSkill(skill, level));
        String profile = input.general().get("userProfileName");
        if (profile != null) {
            entry(profiles, "UserProfile", profile);
        }
        for (String group : input.agentGroups()) {
            entry(agentGroups, "AgentGroup", group);
            if (!input.roles().containsKey("agent") && !input.roles().containsKey("supervisor")) {
                throw noAgentRole(userName);
            }
        }
        Five9User user = new Five9User(nextId++, userName);
        user.password = input.password();
        applyGeneral(user, input.general());
        if (!user.general.containsKey("active")) {
            user.general.put("active", "true");
        }
        if (user.extension() == null) {
            user.general.put("extension", freeExtension());
        }
        user.roles.putAll(input.roles());
        user.skills.putAll(input.skills());
        users.put(userName, user);
        if (profile != null) {
            joinProfile(user, profile);
        }
        input.agentGroups().forEach(group -> agentGroups.get(group).members().add(userName));
        return user;
    }

    synchronized List<Five9User> users(NamePattern pattern) {
        return users.values().stream().filter(user -> pattern.matches(user.userName)).toList();
    }

    /**
     * modifyUser: {@code general} replaces the user's general info — firstName, lastName and EMail must be
     * there; other fields left out are cleared, except the password, the extension and the user profile,
     * which stay. userName (and id) identify the user and are read-only. Then the roles to set and remove.
     */
    synchronized Five9User modify(UserInput input, List<String> rolesToRemove) {
        String userName = input.general().get("userName");
        if (userName == null) {
            throw Five9Fault.missedArgument("userGeneralInfo.userName");
        }
        String id = input.general().get("id");
        if (id != null) {
            Five9User byId = users.values().stream().filter(u -> String.valueOf(u.id).equals(id)).findFirst()
                    .orElse(null);
            if (byId != null && !byId.userName.equals(userName)) {
                throw Five9Fault.of("CantModifyObjectFault", "userName is read-only: user " + id + " is "
                        + byId.userName + ", not " + userName);
            }
        }
        Five9User user = user(userName);
        checkGeneral(input.general(), user);
        Map<String, Five9User.Role> roles = new LinkedHashMap<>(user.roles);
        roles.putAll(input.roles());
        rolesToRemove.forEach(type -> roles.remove(RoleTypes.element(type)));
        if (roles.isEmpty()) {
            throw Five9Fault.noRequiredRole(userName, List.of(), "A user must keep at least one role");
        }
        String profile = input.general().get("userProfileName");
        if (profile != null) {
            entry(profiles, "UserProfile", profile);
        }
        String password = input.password();
        String extension = user.extension();
        user.general.clear();
        applyGeneral(user, input.general());
        user.general.putIfAbsent("extension", extension);
        if (password != null && !password.isEmpty()) {
            user.password = password;
        }
        user.roles.clear();
        user.roles.putAll(roles);
        if (profile != null) {
            joinProfile(user, profile);
        }
        return user;
    }

    /** deleteUser: a hard delete, refused while other objects refer to the user. */
    synchronized void delete(String userName) {
        if (userName == null) {
            throw Five9Fault.missedArgument("userName");
        }
        Five9User user = user(userName);
        if (!user.usedIn.isEmpty()) {
            throw Five9Fault.of("UserCantBeDeletedFault", "User " + userName + " cannot be deleted because it is"
                    + " used in " + String.join(", ", user.usedIn)).with("userName", userName);
        }
        users.remove(userName);
        agentGroups.values().forEach(group -> group.members().remove(userName));
        profiles.values().forEach(profile -> profile.members().remove(userName));
    }

    synchronized void markUsedIn(String userName, List<String> objects) {
        Five9User user = user(userName);
        user.usedIn.clear();
        user.usedIn.addAll(objects);
    }

    // ---- skills ----

    synchronized void addSkill(String userName, String skillName, Integer level) {
        Five9User user = user(userName);
        checkSkill(skillName, level);
        if (user.skills.containsKey(skillName)) {
            throw Five9Fault.of("UserAlreadyHasSkillFault", "User " + userName + " already has skill " + skillName)
                    .with("skillName", skillName).with("userName", userName);
        }
        user.skills.put(skillName, level);
        skillCalls.add(new SkillCall("userSkillAdd", userName, skillName, clock.now()));
    }

    synchronized void modifySkill(String userName, String skillName, Integer level) {
        Five9User user = userWithSkill(userName, skillName);
        checkSkill(skillName, level);
        user.skills.put(skillName, level);
        skillCalls.add(new SkillCall("userSkillModify", userName, skillName, clock.now()));
    }

    synchronized void removeSkill(String userName, String skillName) {
        userWithSkill(userName, skillName).skills.remove(skillName);
        skillCalls.add(new SkillCall("userSkillRemove", userName, skillName, clock.now()));
    }

    synchronized List<Entry> skills(NamePattern pattern) {
        return skills.values().stream().filter(skill -> pattern.matches(skill.name())).toList();
    }

    synchronized List<SkillCall> skillCalls() {
        return List.copyOf(skillCalls);
    }

    // ---- agent groups and user profiles ----

    /**
     * modifyAgentGroup: the group named by {@code name}; a description or agent list sent with it replaces
     * the group's, then agents are added and removed. Agents need the agent or supervisor role.
     */
    synchronized void modifyAgentGroup(String name, String description, List<String> agents, List<String> add,
            List<String> remove) {
        if (name == null) {
            throw Five9Fault.missedArgument("group.name");
        }
        Entry group = entry(agentGroups, "AgentGroup", name);
        List<String> joining = new ArrayList<>(add);
        if (agents != null) {
            joining.addAll(agents);
        }
        for (String agent : joining) {
            if (!user(agent).hasAgentOrSupervisorRole()) {
                throw noAgentRole(agent);
            }
        }
        remove.forEach(this::user);
        Set<String> members = group.members();
        if (agents != null) {
            members.clear();
            members.addAll(agents);
        }
        members.addAll(add);
        remove.forEach(members::remove);
        if (description != null) {
            agentGroups.put(name, new Entry(group.id(), name, description, members));
        }
        agentGroupCalls.add(new AgentGroupCall(name, List.copyOf(add), List.copyOf(remove)));
    }

    /** A modifyAgentGroup the domain carried out: the group and the agents it added and removed. */
    record AgentGroupCall(String group, List<String> added, List<String> removed) {
    }

    synchronized List<AgentGroupCall> agentGroupCalls() {
        return List.copyOf(agentGroupCalls);
    }

    /**
     * What an administrator does in the VCC Administrator console, outside the API: the user's skills become
     * {@code levels} (no skill call is recorded, no pacing applies).
     */
    synchronized void skillsByHand(String userName, Map<String, Integer> levels) {
        Five9User user = user(userName);
        levels.forEach(this::checkSkill);
        user.skills.clear();
        user.skills.putAll(levels);
    }

    /** The console's change of the agent groups the user is in: exactly {@code groups}. */
    synchronized void agentGroupsByHand(String userName, List<String> groups) {
        user(userName);
        groups.forEach(name -> entry(agentGroups, "AgentGroup", name));
        for (Entry group : agentGroups.values()) {
            if (groups.contains(group.name())) {
                group.members().add(userName);
            } else {
                group.members().remove(userName);
            }
        }
    }

    synchronized List<Entry> agentGroups(NamePattern pattern) {
        return agentGroups.values().stream().filter(group -> pattern.matches(group.name())).map(Five9Domain::copy)
                .toList();
    }

    synchronized List<String> agentGroupsOf(String userName) {
        return agentGroups.values().stream().filter(group -> group.members().contains(userName))
                .map(Entry::name).toList();
    }

    /** modifyUserProfileUserList: a user belongs to one profile at most; adding moves it. */
    synchronized void modifyUserProfile(String profileName, List<String> add, List<String> remove) {
        if (profileName == null) {
            throw Five9Fault.missedArgument("userProfileName");
        }
        Entry profile = entry(profiles, "UserProfile", profileName);
        add.forEach(this::user);
        remove.forEach(this::user);
        add.forEach(userName -> joinProfile(users.get(userName), profileName));
        for (String userName : remove) {
            if (profile.members().remove(userName)) {
                users.get(userName).userProfileName = null;
            }
        }
    }

    synchronized List<Entry> profiles() {
        return profiles.values().stream().map(Five9Domain::copy).toList();
    }

    // ---- rules ----

    private void checkGeneral(Map<String, String> general, Five9User existing) {
        for (String required : List.of("firstName", "lastName", "EMail")) {
            String value = general.get(required);
            if (value == null || value.isBlank()) {
                throw Five9Fault.invalidUserData(required + " is required");
            }
        }
        if (!EMAIL.matcher(general.get("EMail")).matches()) {
            throw Five9Fault.invalidUserData("EMail " + general.get("EMail") + " is not an e-mail address");
        }
        for (String flag : UserXml.BOOLEAN_FIELDS) {
            String value = general.get(flag);
            if (value != null && !value.equals("true") && !value.equals("false")) {
                throw Five9Fault.invalidUserData(flag + " must be true or false");
            }
        }
        String extension = general.get("extension");
        if (extension != null) {
            if (!DIGITS.matcher(extension).matches()) {
                throw Five9Fault.invalidUserData("extension " + extension + " must be digits");
            }
            boolean taken = users.values().stream()
                    .anyMatch(other -> other != existing && extension.equals(other.extension()));
            if (taken) {
                throw Five9Fault.of("ExtensionAlreadyInUseFault", "Extension " + extension
                        + " is already assigned to another user").with("ext", extension);
            }
        }
    }

    private static void applyGeneral(Five9User user, Map<String, String> general) {
        general.forEach((field, value) -> {
            if (UserXml.STORED_FIELDS.contains(field)) {
                user.general.put(field, value);
            }
        });
        user.general.put("fullName", general.get("firstName") + " " + general.get("lastName"));
    }

    private void checkSkill(String skillName, Integer level) {
        if (skillName == null) {
            throw Five9Fault.missedArgument("userSkill.skillName");
        }
        if (!skills.containsKey(skillName)) {
            throw Five9Fault.skillNotFound(skillName);
        }
        if (level == null || level < HIGHEST_LEVEL || level > LOWEST_LEVEL) {
            throw Five9Fault.incorrectArgument("level must be from " + HIGHEST_LEVEL + " (highest) to " + LOWEST_LEVEL
                    + " (lowest), not " + level);
        }
    }

    private Five9User userWithSkill(String userName, String skillName) {
        Five9User user = user(userName);
        if (skillName != null && !skills.containsKey(skillName)) {
            throw Five9Fault.skillNotFound(skillName);
        }
        if (skillName == null || !user.skills.containsKey(skillName)) {
            throw Five9Fault.of("UserDoesntHaveSkillFault", "User " + userName + " does not have skill " + skillName)
                    .with("skillName", String.valueOf(skillName)).with("userName", userName);
        }
        return user;
    }

    private Five9User user(String userName) {
        Five9User user = userName == null ? null : users.get(userName);
        if (user == null) {
            throw Five9Fault.userNotFound(userName);
        }
        return user;
    }

    private static Entry entry(Map<String, Entry> entries, String objectType, String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw Five9Fault.objectNotFound(objectType, name);
        }
        return entry;
    }

    private void joinProfile(Five9User user, String profileName) {
        profiles.values().forEach(profile -> profile.members().remove(user.userName));
        profiles.get(profileName).members().add(user.userName);
        user.userProfileName = profileName;
    }

    private String freeExtension() {
        int extension = FIRST_EXTENSION;
        while (taken(String.valueOf(extension))) {
            extension++;
        }
        return String.valueOf(extension);
    }

    private boolean taken(String extension) {
        return users.values().stream().anyMatch(user -> extension.equals(user.extension()));
    }

    private static Five9Fault noAgentRole(String userName) {
        return Five9Fault.noRequiredRole(userName, List.of("Agent", "Supervisor"), "User " + userName
                + " needs the agent or supervisor role to be in an agent group");
    }

    private static Entry copy(Entry entry) {
        return new Entry(entry.id(), entry.name(), entry.description(), new LinkedHashSet<>(entry.members()));
    }
}
