package dev.patchbay.connector.genesys;

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
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Genesys Cloud through the Platform API v2, for one connection: users ({@link GenesysUsers}), the
 * follow-ups division and roles ({@link GenesysAuthorization}), license ({@link GenesysLicenses}), routing
 * skills and queues ({@link GenesysRouting}).
 */
final class GenesysConnector implements Connector {

    private final Map<String, Object> rawSettings;
    private final Function<GenesysSettings, GenesysSession> sessions;
    private final Clock clock;
    private Parts parts;

    /** The connector's parts, made on the first vendor call. */
    private record Parts(GenesysApi api, GenesysUsers users, GenesysLicenses licenses,
            GenesysAuthorization authorization, GenesysRouting routing) {
    }

    GenesysConnector(Map<String, Object> rawSettings, Function<GenesysSettings, GenesysSession> sessions,
            Clock clock) {
        this.rawSettings = rawSettings;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The parts, with the calls this thread makes for {@code context} counted on its meter. */
    private Parts parts(CallContext context) {
        Parts parts = parts();
        parts.api().http().meteredBy(context.meter());
        return parts;
    }

    private synchronized Parts parts() {
        if (parts == null) {
            GenesysSettings settings = GenesysSettings.from(rawSettings);
            GenesysSession session = sessions.apply(settings);
            GenesysHttp http = new GenesysHttp(settings, session.clients());
            GenesysApi api = new GenesysApi(settings, http, new GenesysCatalog(http, session.listings(), clock));
            GenesysLicenses licenses = new GenesysLicenses(api);
            parts = new Parts(api, new GenesysUsers(api), licenses, new GenesysAuthorization(api, licenses),
                    new GenesysRouting(api));
        }
        return parts;
    }

    @Override
    public VendorRef create(Seat seat, CallContext context) {
        return parts(context).users().create(seat);
    }

    @Override
    public Optional<Seat> read(VendorRef ref, CallContext context) {
        Parts parts = parts(context);
        GenesysHttp.Answer answer = parts.api().http().send("GET", "/users/" + ref.id(), null);
        if (answer.notFound() || "deleted".equals(answer.body().path("state").asText())) {
            return Optional.empty();
        }
        JsonNode user = answer.body();
        String division = user.path("division").path("id").asText();
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        fields.put(SeatField.USER_NAME, user.path("email").asText());
        fields.put(SeatField.DISPLAY_NAME, user.path("name").asText());
        fields.put(SeatField.DIVISION, parts.api().catalog().divisionName(division));
        parts.licenses().highestTier(parts.licenses().held(ref)).ifPresent(license -> fields.put(SeatField.LICENSE, license));
        putNonEmpty(fields, SeatField.ROLES, parts.authorization().roleValues(ref, division));
        Map<String, Integer> skills = parts.routing().skillsOf(ref);
        if (!skills.isEmpty()) {
            fields.put(SeatField.SKILLS, Map.copyOf(skills));
        }
        putNonEmpty(fields, SeatField.QUEUES, new TreeSet<>(parts.routing().queuesOf(ref).values()));
        return Optional.of(new Seat("active".equals(user.path("state").asText()), fields));
    }

    /**
     * {@code GET /api/v2/users} with pageNumber/pageSize (the cursor is the page number), active and inactive
     * users ({@code state=any} less the deleted, which hold no seat); each read as {@link #read} does.
     */
    @Override
    public AccountPage list(String cursor, int pageSize, CallContext context) {
        int pageNumber = cursor == null ? 1 : Integer.parseInt(cursor);
        JsonNode page = parts(context).api().http().send("GET", "/users?state=any&pageSize=" + pageSize
                + "&pageNumber=" + pageNumber, null).body();
        java.util.List<ListedAccount> accounts = new java.util.ArrayList<>();
        for (JsonNode user : page.path("entities")) {
            if (!"deleted".equals(user.path("state").asText())) {
                VendorRef ref = new VendorRef(user.path("id").asText());
                read(ref, context).ifPresent(seat -> accounts.add(ListedAccount.of(ref, seat)));
            }
        }
        boolean more = pageNumber < page.path("pageCount").asInt(0);
        // A read is the user, its licenses, grants, skills and (a page of) queues.
        return new AccountPage(accounts, more ? String.valueOf(pageNumber + 1) : null,
                page.has("total") ? page.path("total").asLong() : null, 1 + 5 * accounts.size());
    }

    /** An active user with the key's email (Genesys' user name); inactive and deleted ones are rehires. */
    @Override
    public Optional<VendorRef> find(MatchKey key, CallContext context) {
        String email = key.userName() != null ? key.userName() : key.email();
        if (email == null) {
            return Optional.empty();
        }
        return parts(context).users().search(email, List.of("active")).stream().findFirst()
                .map(user -> new VendorRef(user.path("id").asText()));
    }

    @Override
    public void apply(VendorRef ref, Step step, CallContext context) {
        Parts parts = parts(context);
        if (step instanceof Step.Update update && update.route() == WriteRoute.PATCH) {
            parts.users().patchUser(ref, null, body -> GenesysUsers.identity(body, update.changes()));
        } else if (step instanceof Step.Apply apply) {
            String value = apply.value() == null ? null : apply.value().toString();
            switch (apply.field()) {
                case DIVISION -> parts.authorization().moveToDivision(ref, value);
                case LICENSE -> parts.licenses().assign(ref, value);
                case ROLES -> parts.authorization().grantRoles(ref, strings(apply.value()),
                        context.appliedValue(SeatField.LICENSE));
                case SKILLS -> parts.routing().setSkills(ref, apply.value());
                case QUEUES -> parts.routing().setQueues(ref, strings(apply.value()));
                default -> throw new ConnectorException.Rejected("Genesys Cloud has no follow-up call for "
                        + apply.field());
            }
        } else if (step instanceof Step.Deactivate) {
            parts.users().patchUser(ref, null, body -> body.put("state", "inactive"));
        } else if (step instanceof Step.Reactivate) {
            parts.users().patchUser(ref, null, body -> body.put("state", "active"));
        } else if (step instanceof Step.Delete) {
            GenesysApi.require(parts.api().http().send("DELETE", "/users/" + ref.id(), null), ref);
        } else {
            throw Connector.undeclared("Genesys Cloud", Operation.of(step).orElseThrow());
        }
    }

    /** Licenses in {@code POST /license/organization} for many users; queue members up to 100 per queue per call. */
    @Override
    public Map<Long, ConnectorException> applyBatch(SeatField field, List<BatchItem> items, CallContext context) {
        Parts parts = parts(context);
        return switch (field) {
            case LICENSE -> parts.licenses().assignMany(items);
            case QUEUES -> parts.routing().setQueuesMany(items);
            default -> throw new ConnectorException.Rejected("Genesys Cloud sets " + field + " one user at a time");
        };
    }

    /** Roles, skills, queues and divisions as the org lists them; licenses as the settings name their tiers. */
    @Override
    public Map<SeatField, Set<String>> catalogue(CallContext context) {
        Parts parts = parts(context);
        Map<SeatField, Set<String>> names = new EnumMap<>(parts.api().catalog().names());
        names.put(SeatField.LICENSE, Set.copyOf(parts.api().settings().licenseTiers()));
        return names;
    }

    @Override
    public Health check(CallContext context) {
        try {
            parts(context).api().http().send("GET", "/authorization/divisions?pageSize=1", null);
            return Health.up("Genesys Cloud Platform API answers");
        } catch (ConnectorException e) {
            return Health.of(e);
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
        GenesysLicenses licenses = parts(context).licenses();
        return Optional.of(licenses.uncoveredRoles(licenses.held(ref), roles).isEmpty());
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
}
