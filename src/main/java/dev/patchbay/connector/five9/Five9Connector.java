package dev.patchbay.connector.five9;

import dev.patchbay.connector.AccountPage;
import dev.patchbay.connector.BatchItem;
import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.ListedAccount;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.Health;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.TaskCheck;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.connector.WriteRoute;
import dev.patchbay.connector.five9.soap.AgentGroup;
import dev.patchbay.connector.five9.soap.UserGeneralInfo;
import dev.patchbay.connector.five9.soap.UserInfo;
import dev.patchbay.connector.five9.soap.UserSkill;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Five9 through its Admin Web Service (SOAP). The vendor id of an account is its userName, which Five9
 * keys every call by and never lets change. Identity changes read the whole userGeneralInfo back and write
 * it with modifyUser; roles, skills and agent groups are set by difference with what Five9 holds.
 */
final class Five9Connector implements Connector {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The fields modifyUser writes; a change of the plan (LICENSE) alone makes no call. */
    private static final Set<SeatField> IDENTITY = Set.of(SeatField.GIVEN_NAME, SeatField.FAMILY_NAME, SeatField.EMAIL);

    private final Map<String, Object> rawSettings;
    private final java.util.function.Function<Five9Settings, Five9Client> clients;
    private Five9Settings settings;
    private Five9Client client;
    private SkillPacer pacer;

    /**
     * Settings are checked on the first vendor call, so capabilities (dry-runs) need none; {@code clients}
     * gives the connection's client for them.
     */
    Five9Connector(Map<String, Object> rawSettings, java.util.function.Function<Five9Settings, Five9Client> clients) {
        this.rawSettings = rawSettings;
        this.clients = clients;
    }

    private synchronized Five9Client client() {
        if (client == null) {
            settings = Five9Settings.from(rawSettings);
            client = clients.apply(settings);
            pacer = SkillPacer.of(settings.endpoint().toString(), settings.skillPacing());
        }
        return client;
    }

    @Override
    public VendorRef create(Seat seat, CallContext context) {
        return metered(context, true, () -> createUser(seat));
    }

    @Override
    public Optional<Seat> read(VendorRef ref, CallContext context) {
        return metered(context, false, () -> user(ref.id()).map(Five9Connector::seat));
    }

    @Override
    public Optional<VendorRef> find(MatchKey key, CallContext context) {
        return metered(context, false, () -> findUser(key));
    }

    @Override
    public void apply(VendorRef ref, Step step, CallContext context) {
        metered(context, true, () -> {
            applyStep(ref, step);
            return null;
        });
    }

    /** Agent group memberships of many users, one modifyAgentGroup per group. */
    @Override
    public Map<Long, ConnectorException> applyBatch(SeatField field, List<BatchItem> items, CallContext context) {
        if (field != SeatField.AGENT_GROUPS) {
            throw new ConnectorException.Rejected("Five9 sets " + field + " one user at a time");
        }
        return metered(context, true, () -> new AgentGroupBatch(client()).apply(items));
    }

    /**
     * Runs {@code work}, then tells the job which admin users Five9 refused or accepts again meanwhile. The
     * domain's own counts of its windows go to the job's meter too (the budget follows them), read after the
     * connection's first write ({@code writes}: after a read the step's write would be missing from them),
     * then at most every {@link Five9Client#COUNTERS_EVERY}, and again once a call met the limit: other
     * integrations of the domain draw on the same counters.
     */
    private <T> T metered(CallContext context, boolean writes, java.util.function.Supplier<T> work) {
        boolean answered = false;
        try {
            T result = work.get();
            answered = true;
            return result;
        } catch (ConnectorException.Rejected | ConnectorException.NotFound | ConnectorException.Conflict refused) {
            answered = true;
            throw refused;
        } finally {
            Five9Client made = madeClient();
            if (made != null && context != null) {
                // Not while Five9 fails to answer: the read would only wait as long again.
                boolean limitMet = made.takeLimitMet();
                if ((answered && writes || limitMet) && made.countersDue(limitMet)) {
                    readCounters(made, context);
                }
                made.reportTo(context.meter());
            }
        }
    }

    private static void readCounters(Five9Client five9, CallContext context) {
        try {
            five9.modifyCounters().forEach(context.meter()::reported);
        } catch (ConnectorException unread) {
            // The counters only refine the budget: without them it counts on its own.
        }
    }

    private synchronized Five9Client madeClient() {
        return client;
    }

    private VendorRef createUser(Seat seat) {
        Five9Client five9 = client();
        UserGeneralInfo general = new UserGeneralInfo();
        String userName = seat.text(SeatField.USER_NAME);
        general.setUserName(userName);
        // Okta and Entra send the IdP userName as the SAML NameID: Five9 SSO matches it to federationId.
        general.setFederationId(userName);
        general.setFirstName(seat.text(SeatField.GIVEN_NAME));
        general.setLastName(seat.text(SeatField.FAMILY_NAME));
        general.setEMail(seat.text(SeatField.EMAIL));
        general.setPassword(generatedPassword());
        general.setMustChangePassword(settings.mustChangePassword());
        general.setCanChangePassword(settings.mustChangePassword());
        general.setActive(seat.active());
        UserInfo info = new UserInfo();
        info.setGeneralInfo(general);
        // Five9 wants a role at creation; the roles step sets the policy's roles right after.
        Collection<String> roles = roleNames(seat.get(SeatField.ROLES));
        info.setRoles(Five9Roles.granting(roles.isEmpty() ? List.of("Agent") : roles));
        UserInfo created = five9.call(port -> port.createUser(info));
        return new VendorRef(created.getGeneralInfo().getUserName());
    }

    /**
     * Five9 has no paging: {@code getUsersInfo} with a pattern matching every user name answers with all of
     * them in one call (the id of a Five9 account is its user name), so there is one page whatever its size.
     */
    @Override
    public AccountPage list(String cursor, int pageSize, CallContext context) {
        java.util.List<ListedAccount> accounts = client().call(port -> port.getUsersInfo(".*")).stream()
                .map(user -> ListedAccount.of(new VendorRef(user.getGeneralInfo().getUserName()), seat(user)))
                .toList();
        return new AccountPage(accounts, null, (long) accounts.size(), 1);
    }

    private Optional<VendorRef> findUser(MatchKey key) {
        if (key.userName() == null) {
            return Optional.empty();
        }
        return user(key.userName()).map(user -> new VendorRef(user.getGeneralInfo().getUserName()));
    }

    private void applyStep(VendorRef ref, Step step) {
        if (step instanceof Step.Update update && update.route() == WriteRoute.REPLACE) {
            if (update.changes().keySet().stream().anyMatch(IDENTITY::contains)) {
                modifyGeneral(ref, general -> writeIdentity(general, update.changes()));
            }
        } else if (step instanceof Step.Apply apply) {
            switch (apply.field()) {
                case ROLES -> applyRoles(ref, roleNames(apply.value()));
                case SKILLS -> applySkills(ref, skillLevels(apply.value()));
                case AGENT_GROUPS -> applyAgentGroups(ref, new TreeSet<>(roleNames(apply.value())));
                case USER_PROFILE -> applyUserProfile(ref, apply.value() == null ? null : apply.value().toString());
                default -> throw new ConnectorException.Rejected("Five9 has no follow-up call for " + apply.field());
            }
        } else if (step instanceof Step.Deactivate) {
            modifyGeneral(ref, general -> general.setActive(false));
        } else if (step instanceof Step.Reactivate) {
            modifyGeneral(ref, general -> general.setActive(true));
        } else if (step instanceof Step.Delete) {
            String userName = require(ref).getGeneralInfo().getUserName();
            client().run(port -> {
                port.deleteUser(userName);
                return null;
            });
        } else {
            throw Connector.undeclared("Five9", Operation.of(step).orElseThrow());
        }
    }

    @Override
    public Health check(CallContext context) {
        try {
            client().call(port -> port.getCallCountersState());
            return Health.up("Five9 Admin Web Service answers");
        } catch (ConnectorException e) {
            return Health.of(e);
        }
    }

    /**
     * "Buy Five9 seats" is done once the user has its account: Five9 does not tell how many seats are
     * free, but the create it refused is retried and succeeds as soon as one is.
     */
    @Override
    public Optional<Boolean> isDone(VendorRef ref, TaskCheck task, CallContext context) {
        if (!Five9Capabilities.BUY_SEATS.kind().equals(task.kind())) {
            return Optional.empty();
        }
        return Optional.of(user(ref.id()).isPresent());
    }

    @Override
    public Map<SeatField, Set<String>> catalogue(CallContext context) {
        Set<String> skills = client().call(port -> port.getSkills(".*")).stream().map(skill -> skill.getName())
                .collect(Collectors.toUnmodifiableSet());
        Set<String> groups = client().call(port -> port.getAgentGroups(".*")).stream().map(AgentGroup::getName)
                .collect(Collectors.toUnmodifiableSet());
        return Map.of(SeatField.SKILLS, skills, SeatField.AGENT_GROUPS, groups, SeatField.ROLES,
                Set.copyOf(Five9Roles.TYPES.keySet()), SeatField.LICENSE,
                Set.copyOf(Five9Capabilities.LIST_PRICES.licenses().keySet()));
    }

    private void applyRoles(VendorRef ref, Collection<String> desired) {
        UserInfo user = require(ref);
        Set<String> held = Five9Roles.held(user.getRoles());
        List<String> toSet = desired.stream().filter(role -> !held.contains(role)).sorted().toList();
        List<String> toRemove = held.stream().filter(role -> !desired.contains(role)).toList();
        if (toSet.isEmpty() && toRemove.isEmpty()) {
            return;
        }
        UserGeneralInfo general = writable(user.getGeneralInfo());
        client().call(port -> port.modifyUser(general, toSet.isEmpty() ? null : Five9Roles.granting(toSet),
                Five9Roles.types(toRemove)));
    }

    private void applySkills(VendorRef ref, Map<String, Integer> desired) {
        UserInfo user = require(ref);
        String userName = user.getGeneralInfo().getUserName();
        Map<String, Integer> held = new TreeMap<>();
        user.getSkills().forEach(skill -> held.put(skill.getSkillName(), skill.getLevel()));
        for (Map.Entry<String, Integer> skill : desired.entrySet()) {
            Integer current = held.get(skill.getKey());
            if (current == null) {
                pacer.paced(() -> client().run(port -> {
                    port.userSkillAdd(userSkill(userName, skill.getKey(), skill.getValue()));
                    return null;
                }));
            } else if (!current.equals(skill.getValue())) {
                pacer.paced(() -> client().run(port -> {
                    port.userSkillModify(userSkill(userName, skill.getKey(), skill.getValue()));
                    return null;
                }));
            }
        }
        for (Map.Entry<String, Integer> skill : held.entrySet()) {
            if (!desired.containsKey(skill.getKey())) {
                pacer.paced(() -> client().run(port -> {
                    port.userSkillRemove(userSkill(userName, skill.getKey(), skill.getValue()));
                    return null;
                }));
            }
        }
    }

    private void applyAgentGroups(VendorRef ref, Set<String> desired) {
        UserInfo user = require(ref);
        String userName = user.getGeneralInfo().getUserName();
        Set<String> held = new TreeSet<>(user.getAgentGroups());
        for (String group : desired) {
            if (!held.contains(group)) {
                client().run(port -> {
                    port.modifyAgentGroup(agentGroup(group), List.of(userName), List.of());
                    return null;
                });
            }
        }
        for (String group : held) {
            if (!desired.contains(group)) {
                client().run(port -> {
                    port.modifyAgentGroup(agentGroup(group), List.of(), List.of(userName));
                    return null;
                });
            }
        }
    }

    /** A user is in one profile at most: joining one leaves the other; none leaves the one it is in. */
    private void applyUserProfile(VendorRef ref, String desired) {
        UserGeneralInfo general = require(ref).getGeneralInfo();
        String held = general.getUserProfileName();
        String userName = general.getUserName();
        if (desired != null && !desired.equals(held)) {
            client().run(port -> {
                port.modifyUserProfileUserList(desired, List.of(userName), List.of());
                return null;
            });
        } else if (desired == null && held != null) {
            client().run(port -> {
                port.modifyUserProfileUserList(held, List.of(), List.of(userName));
                return null;
            });
        }
    }

    /** modifyUser takes the whole general info: read it back, change it, write it. */
    private void modifyGeneral(VendorRef ref, java.util.function.Consumer<UserGeneralInfo> change) {
        UserGeneralInfo general = writable(require(ref).getGeneralInfo());
        change.accept(general);
        client().call(port -> port.modifyUser(general, null, List.of()));
    }

    /** The general info as read, minus what Five9 derives or never answers (fullName, the empty password). */
    private static UserGeneralInfo writable(UserGeneralInfo general) {
        general.setFullName(null);
        general.setPassword(null);
        return general;
    }

    private static void writeIdentity(UserGeneralInfo general, Map<SeatField, Object> changes) {
        changes.forEach((field, value) -> {
            String text = value == null ? null : value.toString();
            switch (field) {
                case GIVEN_NAME -> general.setFirstName(text);
                case FAMILY_NAME -> general.setLastName(text);
                case EMAIL -> general.setEMail(text);
                default -> {
                    // userName is read-only at Five9; the planner raises a task instead
                }
            }
        });
    }

    private Optional<UserInfo> user(String userName) {
        String exact = "^" + Pattern.quote(userName) + "$";
        return client().call(port -> port.getUsersInfo(exact)).stream()
                .filter(user -> userName.equals(user.getGeneralInfo().getUserName())).findFirst();
    }

    private UserInfo require(VendorRef ref) {
        return user(ref.id()).orElseThrow(() -> new ConnectorException.NotFound("Five9 has no user " + ref.id()));
    }

    private static Seat seat(UserInfo user) {
        UserGeneralInfo general = user.getGeneralInfo();
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        fields.put(SeatField.USER_NAME, general.getUserName());
        fields.put(SeatField.GIVEN_NAME, general.getFirstName());
        fields.put(SeatField.FAMILY_NAME, general.getLastName());
        fields.put(SeatField.EMAIL, general.getEMail());
        fields.put(SeatField.EXTENSION, general.getExtension());
        fields.put(SeatField.USER_PROFILE, general.getUserProfileName());
        Set<String> roles = Five9Roles.held(user.getRoles());
        fields.put(SeatField.ROLES, roles.isEmpty() ? null : roles);
        Map<String, Integer> skills = new TreeMap<>();
        user.getSkills().forEach(skill -> skills.put(skill.getSkillName(), skill.getLevel()));
        fields.put(SeatField.SKILLS, skills.isEmpty() ? null : skills);
        fields.put(SeatField.AGENT_GROUPS, user.getAgentGroups().isEmpty() ? null : Set.copyOf(user.getAgentGroups()));
        return new Seat(!Boolean.FALSE.equals(general.isActive()), fields);
    }

    private static UserSkill userSkill(String userName, String skillName, int level) {
        UserSkill skill = new UserSkill();
        skill.setUserName(userName);
        skill.setSkillName(skillName);
        skill.setLevel(level);
        return skill;
    }

    private static AgentGroup agentGroup(String name) {
        AgentGroup group = new AgentGroup();
        group.setName(name);
        return group;
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> roleNames(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }

    private static Map<String, Integer> skillLevels(Object value) {
        Map<String, Integer> levels = new TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, level) -> levels.put(String.valueOf(name), ((Number) level).intValue()));
        }
        return levels;
    }

    /** A one-time password Five9 accepts (letters, digits and a sign); the user sets their own or uses SSO. */
    private static String generatedPassword() {
        String letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder password = new StringBuilder("P#");
        for (int i = 0; i < 14; i++) {
            password.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return password.append(RANDOM.nextInt(90) + 10).toString();
    }
}
