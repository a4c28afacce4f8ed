package dev.patchbay.connector.vbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.connector.AccountPage;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * VBC through its read-only Provisioning API, for one connection: it reads and finds users and verifies
 * the tasks a person does in the Admin Portal. Without a SCIM endpoint it refuses every write, since VBC
 * has no API for one; with one ({@link VbcScim}), identity, deactivation and deletes go through it.
 */
final class VbcConnector implements Connector {

    private final Supplier<VbcHttp> http;
    private final Map<String, Object> rawSettings;
    private final Optional<VbcScim> scim;

    VbcConnector(Map<String, Object> rawSettings, Optional<VbcScim> scim, Supplier<VbcHttp> http) {
        this.rawSettings = rawSettings;
        this.scim = scim;
        this.http = http;
    }

    @Override
    public VendorRef create(Seat seat, CallContext context) {
        return new VendorRef(scim.orElseThrow(() -> Connector.undeclared("VBC", Operation.CREATE)).create(seat));
    }

    /** The user as the Provisioning API shows it; whether it is active, from SCIM where there is one. */
    @Override
    public Optional<Seat> read(VendorRef ref, CallContext context) {
        if (!ref.id().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Optional<Seat> seat = http.get().get("/users/" + ref.id()).map(VbcConnector::seat);
        if (seat.isEmpty() || scim.isEmpty()) {
            return seat;
        }
        boolean active = scim.get().get(ref.id()).map(user -> user.path("active").asBoolean(true)).orElse(true);
        return Optional.of(new Seat(active, seat.get().fields()));
    }

    /**
     * A user with the key's email (else login name). Without SCIM, only one that has an extension: that is
     * what adding a user in the portal makes, and what closes the "add user" task; with SCIM, any such user
     * (one SCIM created has no extension until its line task is done).
     */
    @Override
    public Optional<VendorRef> find(MatchKey key, CallContext context) {
        VbcHttp api = http.get();
        List<JsonNode> users = new ArrayList<>();
        String email = key.email() != null ? key.email()
                : key.userName() != null && key.userName().contains("@") ? key.userName() : null;
        if (email != null) {
            users.addAll(api.all("/users", "email", email));
        }
        if (users.isEmpty() && key.userName() != null) {
            users.addAll(api.all("/users", "login_name", key.userName()));
        }
        return users.stream().filter(user -> scim.isPresent() || user.path("extensions").size() > 0).findFirst()
                .map(user -> new VendorRef(user.path("id").asText()));
    }

    /** Through SCIM: identity changes, deactivation, reactivation and delete; every other write is refused. */
    @Override
    public void apply(VendorRef ref, Step step, CallContext context) {
        Operation operation = Operation.of(step).orElse(Operation.FOLLOW_UP);
        VbcScim identity = scim.orElseThrow(() -> Connector.undeclared("VBC", operation));
        if (step instanceof Step.Update update && update.route() == WriteRoute.PATCH) {
            identity.patch(ref.id(), update.changes());
        } else if (step instanceof Step.Deactivate) {
            identity.active(ref.id(), false);
        } else if (step instanceof Step.Reactivate) {
            identity.active(ref.id(), true);
        } else if (step instanceof Step.Delete) {
            identity.delete(ref.id());
        } else {
            throw Connector.undeclared("VBC", operation);
        }
    }

    /** The account answers; numbers on extensions that no user holds are named (billed for nothing). */
    @Override
    public Health check(CallContext context) {
        try {
            VbcHttp api = http.get();
            VbcSettings settings = VbcSettings.from(rawSettings);
            api.get("").orElseThrow(() -> new ConnectorException.AuthFailed("VBC has no account "
                    + settings.accountId() + " for this integration user"));
            List<String> idle = unassignedNumbers(api);
            return Health.up("VBC Provisioning API answers for account " + settings.accountId()
                    + (idle.isEmpty() ? "" : "; " + idle.size() + " number(s) on extensions without a user, billed"
                            + " until released: " + String.join(", ", idle)));
        } catch (ConnectorException e) {
            return Health.of(e);
        }
    }

    /** DIDs on extensions that no user holds (a deleted user's, not yet released). */
    List<String> unassignedNumbers(VbcHttp api) {
        List<String> numbers = new ArrayList<>();
        for (JsonNode extension : api.all("/extensions")) {
            if (extension.path("user").isNull() || extension.path("user").isMissingNode()) {
                extension.path("dids").forEach(did -> numbers.add(did.path("phone_number").asText()));
            }
        }
        return numbers;
    }

    /**
     * "Delete and release the number" is done once the user is gone and no extension of the account holds
     * the number; "remove the line and release the number" (SCIM deactivated the user) once the user holds
     * no extension and no extension the number; "give a line" once the user has an extension. Every other
     * task waits for a person (the API shows no line types or roles).
     */
    @Override
    public Optional<Boolean> isDone(VendorRef ref, TaskCheck task, CallContext context) {
        if (VbcCapabilities.ADD_LINE.kind().equals(task.kind())) {
            return Optional.of(read(ref, context).map(seat -> seat.has(SeatField.EXTENSION)).orElse(false));
        }
        boolean removal = VbcCapabilities.REMOVE_USER.kind().equals(task.kind());
        if (!removal && !VbcCapabilities.RELEASE_LINE.kind().equals(task.kind())) {
            return Optional.empty();
        }
        VbcHttp api = http.get();
        Optional<Seat> user = read(ref, context);
        if (removal ? user.isPresent() : user.map(seat -> seat.has(SeatField.EXTENSION)).orElse(false)) {
            return Optional.of(false);
        }
        String dids = part(task.field(), "did");
        if (dids != null) {
            for (String did : dids.split(",")) {
                if (!did.isBlank() && !api.all("/extensions", "phone_number", did.trim()).isEmpty()) {
                    return Optional.of(false);
                }
            }
        }
        String extension = part(task.field(), "extension");
        if (extension != null) {
            // A number given to the extension after Patchbay last read it is billed as well: the user's old
            // extension, left without a user, must hold no number (a reused extension has a user again).
            Optional<JsonNode> left = api.get("/extensions/" + extension);
            if (left.isPresent() && left.get().path("user").isNull() && left.get().path("dids").size() > 0) {
                return Optional.of(false);
            }
        }
        return Optional.of(true);
    }

    @Override
    public Map<SeatField, Set<String>> catalogue(CallContext context) {
        return Map.of(SeatField.LICENSE, Set.copyOf(VbcConnectorFactory.LINE_TYPES));
    }

    /**
     * The users' listing ({@code page_size}/{@code page}), then the extensions that no user holds but that
     * carry numbers: each such line is listed as an account {@code extension:<number>} without an identity,
     * so that a number billed for nobody shows up as an orphan. The cursor is "users:<page>" or
     * "extensions:<page>". A user without an extension holds no line and is left out, as {@link #find} does.
     * The API shows no line type: the seat has no license.
     */
    @Override
    public AccountPage list(String cursor, int pageSize, CallContext context) {
        String part = cursor == null ? "users" : cursor.substring(0, cursor.indexOf(':'));
        int page = cursor == null ? 1 : Integer.parseInt(cursor.substring(cursor.indexOf(':') + 1));
        JsonNode body = http.get().page("/" + part, page, pageSize).orElseThrow(
                () -> new ConnectorException.NotFound("VBC has no " + part + " listing for this account"));
        List<ListedAccount> accounts = new ArrayList<>();
        for (JsonNode item : body.path("_embedded").path("data")) {
            // A seat is a line: a user without one (the integration user, or one SCIM created whose line is a
            // task still) holds none.
            if ("users".equals(part) && item.path("extensions").size() > 0) {
                accounts.add(ListedAccount.of(new VendorRef(item.path("id").asText()), seat(item)));
            } else if ("extensions".equals(part) && (item.path("user").isNull() || item.path("user").isMissingNode())
                    && item.path("dids").size() > 0) {
                accounts.add(ListedAccount.of(new VendorRef(UNASSIGNED_LINE + item.path("extension_number").asText()),
                        unassignedLine(item)));
            }
        }
        String next = page < body.path("total_pages").asInt(1) ? part + ":" + (page + 1)
                : "users".equals(part) ? "extensions:1" : null;
        return new AccountPage(accounts, next, null, 1);
    }

    /** The id prefix of a listed line that no user holds. */
    static final String UNASSIGNED_LINE = "extension:";

    private static Seat unassignedLine(JsonNode extension) {
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        put(fields, SeatField.EXTENSION, extension.path("extension_number"));
        List<String> dids = new ArrayList<>();
        extension.path("dids").forEach(did -> dids.add(did.path("phone_number").asText()));
        fields.put(SeatField.PHONE, String.join(", ", dids));
        return new Seat(true, fields);
    }

    /** "did:+15551230001;extension:201" → the part named {@code name}, or null. */
    static String part(String field, String name) {
        if (field == null) {
            return null;
        }
        for (String piece : field.split(";")) {
            if (piece.startsWith(name + ":") && piece.length() > name.length() + 1) {
                return piece.substring(name.length() + 1);
            }
        }
        return null;
    }

    /**
     * A VBC user as a seat: login name, names, email, its first extension, and every DID of its extensions
     * ("+15551230001, +15551230002"), so that the remove task names each number to release.
     */
    static Seat seat(JsonNode user) {
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        put(fields, SeatField.USER_NAME, user.path("login_name"));
        put(fields, SeatField.GIVEN_NAME, user.path("first_name"));
        put(fields, SeatField.FAMILY_NAME, user.path("last_name"));
        put(fields, SeatField.EMAIL, user.path("email"));
        put(fields, SeatField.EXTENSION, user.path("extensions").path(0).path("extension_number"));
        List<String> dids = new ArrayList<>();
        user.path("extensions").forEach(extension -> extension.path("dids")
                .forEach(did -> dids.add(did.path("phone_number").asText())));
        if (!dids.isEmpty()) {
            fields.put(SeatField.PHONE, String.join(", ", dids));
        }
        return new Seat(true, fields);
    }

    private static void put(Map<SeatField, Object> fields, SeatField field, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
            fields.put(field, value.asText());
        }
    }
}
