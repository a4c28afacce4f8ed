package dev.patchbay.connector.vcc;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Vonage Contact Center through the User Admin API, for one connection: users, roles and agent settings
 * ({@link VccUsers}), skills, agent groups and add-on licenses ({@link VccAssignments}).
 */
final class VccConnector implements Connector {

    private final Map<String, Object> rawSettings;
    private final Function<VccSettings, VccSession> sessions;
    private Parts parts;

    private record Parts(VccSettings settings, VccHttp http, VccUsers users, VccAssignments assignments) {
    }

    VccConnector(Map<String, Object> rawSettings, Function<VccSettings, VccSession> sessions) {
        this.rawSettings = rawSettings;
        this.sessions = sessions;
    }

    private synchronized Parts parts() {
        if (parts == null) {
            VccSettings settings = VccSettings.from(rawSettings);
            VccSession session = sessions.apply(settings);
            VccHttp http = new VccHttp(settings, session);
            parts = new Parts(settings, http, new VccUsers(settings, http, session),
                    new VccAssignments(settings, http, session));
        }
        return parts;
    }

    @Override
    public VendorRef create(Seat seat, CallContext context) {
        return parts().users().create(seat, context);
    }

    @Override
    public Optional<Seat> read(VendorRef ref, CallContext context) {
        Parts parts = parts();
        Optional<JsonNode> found = parts.users().get(ref);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode user = found.get();
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        String owner = user.path("ssoExternalId").asText("");
        fields.put(SeatField.USER_NAME, owner.isBlank() || owner.startsWith(VccUsers.RETIRED)
                ? user.path("username").asText() : owner);
        fields.put(SeatField.EMAIL, user.path("email").asText());
        fields.put(SeatField.DISPLAY_NAME, user.path("name").asText());
        JsonNode configuration = user.path("userAccountConfiguration");
        String role = configuration.path("role").asText();
        boolean agent = "Agent".equals(role) || configuration.path("actAsAgent").asBoolean(false);
        fields.put(SeatField.ROLES, VccRoles.seatRoles(role, agent));
        JsonNode agentConfiguration = configuration.path("agentConfiguration");
        if (agent && agentConfiguration.isObject()) {
            putText(fields, SeatField.EXTENSION, agentConfiguration.path("agentDisplayId").asText(null));
            JsonNode telephony = agentConfiguration.path("telephonyAddress");
            if (!agentConfiguration.path("webrtc").asBoolean(false)) {
                putText(fields, SeatField.PHONE, telephony.path("telephoneAddress").asText(null));
            }
            putText(fields, SeatField.TELEPHONY_REGION,
                    parts.settings().regionName(telephony.path("outboundTelephonyRegion").asText(null)));
            Map<String, Integer> skills = parts.assignments().skillsOf(ref);
            if (!skills.isEmpty()) {
                fields.put(SeatField.SKILLS, Map.copyOf(skills));
            }
        }
        Set<String> groups = parts.assignments().groupsOf(ref);
        if (!groups.isEmpty()) {
            fields.put(SeatField.AGENT_GROUPS, Set.copyOf(groups));
        }
        putText(fields, SeatField.LICENSE, VccAssignments.license(user));
        return Optional.of(new Seat(user.path("active").asBoolean(true), fields));
    }

    @Override
    public Optional<VendorRef> find(MatchKey key, CallContext context) {
        return parts().users().find(key);
    }

    /**
     * {@code GET /users?include=All&page=&limit=} (the cursor is the page number, from 1), each read as
     * {@link #read} does, with the listing's {@code lastLoginTime} (null: never logged in).
     */
    @Override
    public AccountPage list(String cursor, int pageSize, CallContext context) {
        int page = cursor == null ? 1 : Integer.parseInt(cursor);
        JsonNode answer = parts().users().page(page, pageSize);
        java.util.List<ListedAccount> accounts = new java.util.ArrayList<>();
        for (JsonNode user : answer.path("items")) {
            VendorRef ref = new VendorRef(user.path("userId").asText());
            String lastLogin = user.path("lastLoginTime").asText(null);
            read(ref, context).ifPresent(seat -> accounts.add(ListedAccount.of(ref, seat)
                    .withLastLogin(lastLogin == null ? null : java.time.OffsetDateTime.parse(lastLogin).toInstant())));
        }
        JsonNode meta = answer.path("meta");
        boolean more = page < meta.path("pageCount").asInt(1) && !answer.path("items").isEmpty();
        // A read is the user, its skills (agents) and its groups.
        return new AccountPage(accounts, more ? String.valueOf(page + 1) : null,
                meta.has("totalCount") ? meta.path("totalCount").asLong() : null, 1 + 3 * answer.path("items").size());
    }

    /** Skill memberships of many users, one call per skill ({@link VccSkillBatch}). */
    @Override
    public Map<Long, ConnectorException> applyBatch(SeatField field, List<BatchItem> items, CallContext context) {
        if (field != SeatField.SKILLS) {
            throw new ConnectorException.Rejected("Vonage Contact Center sets " + field + " one user at a time");
        }
        Parts parts = parts();
        return new VccSkillBatch(parts.settings(), parts.http(), parts.assignments()).apply(items);
    }

    @Override
    public void apply(VendorRef ref, Step step, CallContext context) {
        Parts parts = parts();
        if (step instanceof Step.Update update && update.route() == WriteRoute.PATCH) {
            parts.users().update(ref, update.changes());
        } else if (step instanceof Step.Apply apply) {
            switch (apply.field()) {
                case SKILLS -> parts.assignments().setSkills(ref, apply.value(),
                        VccAssignments.levels(context.appliedValue(SeatField.SKILLS)).keySet());
                case AGENT_GROUPS -> parts.assignments().setGroups(ref, apply.value(),
                        Set.copyOf(VccUsers.strings(context.appliedValue(SeatField.AGENT_GROUPS))));
                case LICENSE -> parts.assignments().setLicense(ref, apply.value());
                default -> throw new ConnectorException.Rejected("Vonage Contact Center has no follow-up call for "
                        + apply.field());
            }
        } else if (step instanceof Step.Deactivate) {
            parts.users().archive(ref);
        } else if (step instanceof Step.Reactivate) {
            parts.users().restore(ref);
        } else if (step instanceof Step.Delete) {
            parts.users().delete(ref);
        } else if (step instanceof Step.Retire) {
            parts.users().retire(ref);
        } else {
            throw Connector.undeclared(VccHttp.VENDOR, Operation.of(step).orElseThrow());
        }
    }

    /** Roles as VCC has them, skills and agent groups as the account lists them, the add-on licenses, the regions. */
    @Override
    public Map<SeatField, Set<String>> catalogue(CallContext context) {
        Parts parts = parts();
        Map<SeatField, Set<String>> names = new EnumMap<>(SeatField.class);
        names.put(SeatField.ROLES, VccRoles.names());
        names.put(SeatField.SKILLS, parts.assignments().skillNames());
        names.put(SeatField.AGENT_GROUPS, parts.assignments().groupNames());
        names.put(SeatField.LICENSE, VccAssignments.licenses());
        if (!parts.settings().telephonyRegions().isEmpty()) {
            names.put(SeatField.TELEPHONY_REGION, Set.copyOf(parts.settings().telephonyRegions().keySet()));
        }
        return names;
    }

    @Override
    public Health check(CallContext context) {
        try {
            parts().http().send("GET", "/users?limit=1", null);
            return Health.up("Vonage Contact Center User Admin API answers");
        } catch (ConnectorException e) {
            return Health.of(e);
        }
    }

    /**
     * A licence task is done once the user's account exists (a licence was free, or bought); the API
     * credential task once the user is deleted; the skills task once the user may act as an agent. VCC shows neither licence counts nor API credentials.
     */
    @Override
    public Optional<Boolean> isDone(VendorRef ref, TaskCheck task, CallContext context) {
        if (VccCapabilities.BUY_LICENCES.kind().equals(task.kind())) {
            return Optional.of(parts().users().get(ref).isPresent());
        }
        if (VccCapabilities.SKILLS_NEED_AGENT.kind().equals(task.kind())) {
            JsonNode configuration = parts().users().require(ref).path("userAccountConfiguration");
            return Optional.of("Agent".equals(configuration.path("role").asText())
                    || configuration.path("actAsAgent").asBoolean(false));
        }
        if (VccCapabilities.OVERAGE.kind().equals(task.kind())) {
            // VCC shows no licence count: the overage ends here only when this user no longer uses a licence;
            // a person who bought licences completes the task.
            Optional<JsonNode> user = parts().users().get(ref);
            return user.isEmpty() || !user.get().path("active").asBoolean(true)
                    || !user.get().path("userAccountConfiguration").path("chargeable").asBoolean(true)
                    ? Optional.of(true) : Optional.empty();
        }
        if (VccCapabilities.API_CREDENTIALS.kind().equals(task.kind())) {
            return Optional.of(parts().users().get(ref).isEmpty());
        }
        return Optional.empty();
    }

    private static void putText(Map<SeatField, Object> fields, SeatField field, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(field, value);
        }
    }
}
