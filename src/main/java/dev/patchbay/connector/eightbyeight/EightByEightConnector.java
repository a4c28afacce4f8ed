package dev.patchbay.connector.eightbyeight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.AccountPage;
import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.CallMeter;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.Health;
import dev.patchbay.connector.ListedAccount;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.TaskCheck;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.connector.WriteRoute;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 8x8 through its SCIM API (identity, activation) and its Admin API (license, directory visibility,
 * extension, delete). The SCIM PATCH only ever carries {@code active}; every other identity change is
 * read, merged and written back whole with PUT. Admin API writes are asynchronous: each returns an
 * operation that is polled until it completes or fails.
 */
final class EightByEightConnector implements Connector {

    static final String SITE_URN = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User";
    private static final String CORE_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String USERS_V1 = "application/vnd.users.v1+json";
    private static final String OPERATIONS_V1 = "application/vnd.operations.v1+json";
    /** The largest page of the Admin API's user list. */
    static final int MAX_PAGE = 1000;

    private final Map<String, Object> rawSettings;
    private EightByEightSettings settings;
    private EightByEightHttp http;

    /** Settings are checked on the first vendor call, so capabilities (dry-runs) need none. */
    EightByEightConnector(Map<String, Object> rawSettings) {
        this.rawSettings = rawSettings;
    }

    /** The calls made from here on count on the context's meter (the job's). */
    private void metered(CallContext context) {
        settings();
        http.meteredBy(context == null ? new CallMeter() : context.meter());
    }

    private synchronized EightByEightSettings settings() {
        if (settings == null) {
            settings = EightByEightSettings.from(rawSettings);
            http = new EightByEightHttp(settings.requestTimeout(), settings.limits());
        }
        return settings;
    }

    @Override
    public VendorRef create(Seat seat, CallContext context) {
        metered(context);
        ObjectNode user = EightByEightHttp.JSON.createObjectNode();
        user.putArray("schemas").add(CORE_URN).add(SITE_URN);
        write(user, seat.fields(), true);
        user.put("active", true);
        JsonNode created = scim("POST", "/Users", user).body();
        return new VendorRef(created.path("id").asText());
    }

    @Override
    public Optional<Seat> read(VendorRef ref, CallContext context) {
        metered(context);
        EightByEightHttp.Answer scimUser = scim("GET", "/Users/" + ref.id(), null);
        if (scimUser.status() == 404) {
            return Optional.empty();
        }
        JsonNode user = scimUser.body();
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        put(fields, SeatField.USER_NAME, user.path("userName"));
        put(fields, SeatField.GIVEN_NAME, user.path("name").path("givenName"));
        put(fields, SeatField.FAMILY_NAME, user.path("name").path("familyName"));
        put(fields, SeatField.EMAIL, user.path("emails").path(0).path("value"));
        put(fields, SeatField.EXTERNAL_ID, user.path("externalId"));
        put(fields, SeatField.SITE, user.path(SITE_URN).path("site"));
        EightByEightHttp.Answer admin = admin("GET", "/users/" + ref.id(), null);
        if (admin.status() != 404) {
            putServices(fields, admin.body());
        }
        return Optional.of(new Seat(user.path("active").asBoolean(true), fields));
    }

    /** What the Admin API's user holds besides identity: license, directory visibility, extension. */
    private static void putServices(Map<SeatField, Object> fields, JsonNode adminUser) {
        put(fields, SeatField.LICENSE, adminUser.path("serviceInfo").path("licenses").path(0).path("name"));
        JsonNode visible = adminUser.path("directoryInfo").path("displayInDirectory");
        if (visible.isBoolean()) {
            fields.put(SeatField.DIRECTORY_VISIBLE, visible.asBoolean());
        }
        put(fields, SeatField.EXTENSION,
                adminUser.path("serviceInfo").path("extensions").path(0).path("extensionNumber"));
    }

    /** An Admin API user as {@link #read} shows it, but for the SCIM-only externalId. */
    private static Seat seatOf(JsonNode adminUser) {
        JsonNode basic = adminUser.path("basicInfo");
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        put(fields, SeatField.USER_NAME, basic.path("userName"));
        put(fields, SeatField.GIVEN_NAME, basic.path("firstName"));
        put(fields, SeatField.FAMILY_NAME, basic.path("lastName"));
        put(fields, SeatField.EMAIL, basic.path("primaryEmail"));
        put(fields, SeatField.SITE, basic.path("site").path("name"));
        putServices(fields, adminUser);
        return new Seat(!"INACTIVE".equals(basic.path("status").asText()), fields);
    }

    @Override
    public Optional<VendorRef> find(MatchKey key, CallContext context) {
        metered(context);
        if (key.userName() == null) {
            return Optional.empty();
        }
        String filter = "userName eq \"" + key.userName().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        JsonNode found = scim("GET", "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null).body();
        JsonNode first = found == null ? null : found.path("Resources").path(0);
        return first == null || first.isMissingNode() ? Optional.empty()
                : Optional.of(new VendorRef(first.path("id").asText()));
    }

    /**
     * The Admin API's scroll of whole users, in pages of up to {@link #MAX_PAGE} (the cursor is its
     * scrollId): a call a page, however many accounts it holds, where a read per account would take two.
     * The Admin API counts no total, so the first page also asks SCIM for it (a call 8x8 does not limit).
     */
    @Override
    public AccountPage list(String cursor, int pageSize, CallContext context) {
        metered(context);
        String query = cursor == null ? "?pageSize=" + Math.max(1, Math.min(MAX_PAGE, pageSize))
                : "?scrollId=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        JsonNode page = admin("GET", "/users" + query, null).body();
        List<ListedAccount> accounts = new ArrayList<>();
        for (JsonNode user : page.path("data")) {
            accounts.add(ListedAccount.of(new VendorRef(user.path("basicInfo").path("userId").asText()), seatOf(user)));
        }
        JsonNode pagination = page.path("pagination");
        String next = pagination.path("hasMore").asBoolean(false) ? pagination.path("nextScrollId").asText(null) : null;
        Long total = cursor == null ? scim("GET", "/Users?count=0", null).body().path("totalResults").asLong(0) : null;
        return new AccountPage(accounts, next, total, cursor == null ? 2 : 1);
    }

    @Override
    public void apply(VendorRef ref, Step step, CallContext context) {
        metered(context);
        if (step instanceof Step.Update update) {
            replaceIdentity(ref, update);
        } else if (step instanceof Step.Apply apply) {
            applyAdmin(ref, apply);
        } else if (step instanceof Step.Deactivate) {
            setActive(ref, false);
        } else if (step instanceof Step.Reactivate) {
            setActive(ref, true);
        } else if (step instanceof Step.Retire) {
            retire(ref);
        } else if (step instanceof Step.Delete) {
            unassignRingGroupsAndQueues(ref);
            awaitOperation(require(admin("DELETE", "/users/" + ref.id(), null), ref));
        } else {
            throw Connector.undeclared("8x8", Operation.of(step).orElseThrow());
        }
    }

    /** License types and sites as the Admin API lists them. */
    @Override
    public Map<SeatField, Set<String>> catalogue(CallContext context) {
        metered(context);
        return Map.of(SeatField.LICENSE, names(admin("GET", "/licenses", null).body()),
                SeatField.SITE, names(admin("GET", "/sites", null).body()));
    }

    private static Set<String> names(JsonNode listing) {
        Set<String> names = new java.util.HashSet<>();
        listing.path("data").forEach(entry -> names.add(entry.path("name").asText()));
        return Set.copyOf(names);
    }

    @Override
    public Health check(CallContext context) {
        metered(context);
        try {
            scim("GET", "/Users?count=1", null);
            admin("GET", "/sites", null);
            return Health.up("8x8 SCIM and Admin API answer");
        } catch (ConnectorException e) {
            return Health.of(e);
        }
    }

    /** A license task ("license:X6") is done once the pool has that license free again. */
    @Override
    public Optional<Boolean> isDone(VendorRef ref, TaskCheck task, CallContext context) {
        metered(context);
        if (!EightByEightCapabilities.LICENSE_UNAVAILABLE.kind().equals(task.kind()) || task.field() == null
                || !task.field().startsWith("license:")) {
            return Optional.empty();
        }
        String license = task.field().substring("license:".length());
        for (JsonNode pool : admin("GET", "/licenses", null).body().path("data")) {
            if (license.equals(pool.path("name").asText()) || license.equals(pool.path("id").asText())) {
                return Optional.of(pool.path("available").asInt(0) > 0);
            }
        }
        return Optional.of(false);
    }

    /**
     * 8x8 userNames are unique across the customer: the old account takes a retired name so that the
     * user can be created again at another site. It stays deactivated, with its voicemails.
     */
    private void retire(VendorRef ref) {
        ObjectNode user = (ObjectNode) require(scim("GET", "/Users/" + ref.id(), null), ref).deepCopy();
        user.remove("meta");
        String retired = "retired." + Long.toString(System.currentTimeMillis(), 36) + "." + user.path("userName").asText();
        user.put("userName", retired.length() > 70 ? retired.substring(0, 70) : retired);
        require(scim("PUT", "/Users/" + ref.id(), user), ref);
    }

    /** 8x8 wants a user out of its ring groups and call queues before it is deleted. */
    private void unassignRingGroupsAndQueues(VendorRef ref) {
        ObjectNode user = (ObjectNode) require(admin("GET", "/users/" + ref.id(), null), ref).deepCopy();
        JsonNode assignments = user.path("assignmentInfo");
        if (assignments.path("ringGroups").isEmpty() && assignments.path("ucCallQueues").isEmpty()) {
            return;
        }
        ObjectNode cleared = (ObjectNode) user.with("assignmentInfo");
        cleared.putArray("ringGroups");
        cleared.putArray("ucCallQueues");
        awaitOperation(require(admin("PUT", "/users/" + ref.id(), user), ref));
    }

    /** SCIM PATCH on 8x8 takes nothing but active. */
    private void setActive(VendorRef ref, boolean active) {
        ObjectNode patch = EightByEightHttp.JSON.createObjectNode();
        patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        patch.putArray("Operations").addObject().put("op", "replace").put("path", "active").put("value", active);
        require(scim("PATCH", "/Users/" + ref.id(), patch), ref);
    }

    /** Read, merge, write back whole: 8x8's SCIM PUT. */
    private void replaceIdentity(VendorRef ref, Step.Update update) {
        if (update.route() != WriteRoute.REPLACE) {
            throw Connector.undeclared("8x8", Operation.UPDATE_PATCH);
        }
        ObjectNode user = (ObjectNode) require(scim("GET", "/Users/" + ref.id(), null), ref).deepCopy();
        user.remove("meta");
        write(user, update.changes(), false);
        require(scim("PUT", "/Users/" + ref.id(), user), ref);
    }

    private void applyAdmin(VendorRef ref, Step.Apply apply) {
        ObjectNode user = (ObjectNode) require(admin("GET", "/users/" + ref.id(), null), ref).deepCopy();
        Object value = apply.value();
        switch (apply.field()) {
            case LICENSE -> {
                if (value != null && !licenseAvailable(value.toString(), user)) {
                    throw new ConnectorException.NeedsAction("no '" + value + "' license is free in the 8x8 pool",
                            EightByEightCapabilities.LICENSE_UNAVAILABLE);
                }
                ArrayNode licenses = ((ObjectNode) user.with("serviceInfo")).putArray("licenses");
                if (value != null) {
                    licenses.addObject().put("name", value.toString());
                }
            }
            case DIRECTORY_VISIBLE -> ((ObjectNode) user.with("directoryInfo"))
                    .put("displayInDirectory", value != null && Boolean.parseBoolean(value.toString()));
            case EXTENSION -> {
                ArrayNode extensions = ((ObjectNode) user.with("serviceInfo")).putArray("extensions");
                if (value != null) {
                    extensions.addObject().put("extensionNumber", value.toString());
                }
            }
            default -> throw new ConnectorException.Rejected("8x8 has no follow-up call for " + apply.field());
        }
        awaitOperation(require(admin("PUT", "/users/" + ref.id(), user), ref));
    }

    /** Whether the user already holds the license, or the pool has one free. */
    private boolean licenseAvailable(String license, JsonNode user) {
        for (JsonNode held : user.path("serviceInfo").path("licenses")) {
            if (license.equals(held.path("name").asText())) {
                return true;
            }
        }
        for (JsonNode pool : admin("GET", "/licenses", null).body().path("data")) {
            if (license.equals(pool.path("name").asText()) || license.equals(pool.path("id").asText())) {
                return pool.path("available").asInt(0) > 0;
            }
        }
        throw new ConnectorException.Rejected("8x8 has no license type '" + license + "'");
    }

    /** Polls an Admin API operation until it completes; a failed one is classified by its error. */
    private void awaitOperation(JsonNode operation) {
        String id = operation.path("operationId").asText();
        long deadline = System.nanoTime() + settings().operationTimeout().toNanos();
        JsonNode current = operation;
        while (true) {
            String status = current.path("status").asText();
            if ("COMPLETED".equals(status)) {
                return;
            }
            if ("FAILED".equals(status)) {
                throw EightByEightHttp.operationFailed(id, current.path("error"));
            }
            if (System.nanoTime() > deadline) {
                throw new ConnectorException.Retryable("8x8 operation " + id + " still " + status, null);
            }
            sleep(settings().operationPoll());
            current = admin("GET", "/operations/" + id, null).body();
        }
    }

    /** Seat fields onto SCIM user JSON; {@code create} also sets the site. */
    private static void write(ObjectNode user, Map<SeatField, Object> fields, boolean create) {
        for (Map.Entry<SeatField, Object> field : fields.entrySet()) {
            String value = field.getValue() == null ? null : field.getValue().toString();
            switch (field.getKey()) {
                case USER_NAME -> user.put("userName", value);
                case GIVEN_NAME -> ((ObjectNode) user.with("name")).put("givenName", value);
                case FAMILY_NAME -> ((ObjectNode) user.with("name")).put("familyName", value);
                case EXTERNAL_ID -> user.put("externalId", value);
                case EMAIL -> {
                    ArrayNode emails = user.putArray("emails");
                    if (value != null) {
                        emails.addObject().put("value", value).put("type", "work").put("primary", true);
                    }
                }
                case SITE -> {
                    if (create) {
                        ((ObjectNode) user.with(SITE_URN)).put("site", value);
                    }
                }
                default -> {
                    // not an 8x8 SCIM attribute
                }
            }
        }
    }

    private EightByEightHttp.Answer scim(String method, String path, JsonNode body) {
        EightByEightSettings current = settings();
        return http.send(method, URI.create(current.scimBaseUrl() + path), Map.of(
                "Authorization", "Bearer " + current.scimToken(),
                "Content-Type", "application/scim+json",
                "Accept", "application/scim+json"), body);
    }

    private EightByEightHttp.Answer admin(String method, String path, JsonNode body) {
        String accept = path.startsWith("/operations") ? OPERATIONS_V1 : USERS_V1;
        EightByEightSettings current = settings();
        return http.send(method, URI.create(current.adminBaseUrl() + path), body == null
                ? Map.of("x-api-key", current.apiKey(), "Accept", accept)
                : Map.of("x-api-key", current.apiKey(), "Accept", accept, "Content-Type", USERS_V1), body);
    }

    private static JsonNode require(EightByEightHttp.Answer answer, VendorRef ref) {
        if (answer.status() == 404) {
            throw new ConnectorException.NotFound("8x8 has no user " + ref.id());
        }
        return answer.body();
    }

    private static void put(Map<SeatField, Object> fields, SeatField field, JsonNode value) {
        if (value != null && value.isValueNode() && !value.asText().isEmpty()) {
            fields.put(field, value.asText());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Retryable("interrupted while waiting for 8x8", null);
        }
    }
}
