package dev.patchbay.sandbox.vbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ControlRefusal;
import dev.patchbay.sandbox.kit.ScimRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One simulated VBC account, per instance: its locations, users, extensions and phone numbers (DIDs), and
 * the OAuth tokens issued for it. The Provisioning API only reads it; the admin portal ({@code _control/portal})
 * is the only writer, as in VBC. Line types live here but the read API does not show them (as in the spec).
 * Deleting a user keeps its extension and numbers on the account until each number is released.
 */
@ApplicationScoped
public class VbcAccount {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final List<String> LINE_TYPES = List.of("Mobile", "Premium", "Advanced");

    record Location(long id, String name) {
    }

    static final class User {
        final long id;
        String email;
        String loginName;
        String firstName;
        String lastName;
        String lineType;
        String externalId;
        boolean active = true;

        User(long id) {
            this.id = id;
        }
    }

    static final class Extension {
        final String number;
        final String externalId;
        Long userId;
        long locationId;
        final List<String> dids = new ArrayList<>();

        Extension(String number, String externalId) {
            this.number = number;
            this.externalId = externalId;
        }
    }

    record RefreshToken(Instant expires, boolean spent) {
    }

    private final VbcSettings settings;
    private final VbcClock clock;
    private final Map<Long, Location> locations = new TreeMap<>();
    private final Map<Long, User> users = new TreeMap<>();
    private final Map<String, Extension> extensions = new TreeMap<>();
    private final TreeSet<String> numbers = new TreeSet<>();
    private final Map<String, Instant> accessTokens = new LinkedHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new LinkedHashMap<>();
    private long nextUserId;
    private int accessTokensIssued;
    private int refreshGrants;
    private int refreshRefused;

    public VbcAccount(VbcSettings settings, VbcClock clock) {
        this.settings = settings;
        this.clock = clock;
        reset();
    }

    /** Two locations, the integration user (an Account Administrator without extension), no numbers. */
    synchronized void reset() {
        locations.clear();
        users.clear();
        extensions.clear();
        numbers.clear();
        accessTokens.clear();
        refreshTokens.clear();
        accessTokensIssued = 0;
        refreshGrants = 0;
        refreshRefused = 0;
        nextUserId = 5000;
        locations.put(1001L, new Location(1001, "Head Office"));
        locations.put(1002L, new Location(1002, "London"));
        User integration = new User(nextUserId++);
        integration.loginName = settings.username().replace("@vbc.prod", "");
        integration.email = "integration@example.com";
        integration.firstName = "Patchbay";
        integration.lastName = "Integration";
        users.put(integration.id, integration);
    }

    // ---- tokens ----

    /** A new access token and a new refresh token, as the token endpoint answers both grants. */
    synchronized String[] issue() {
        String access = random();
        String refresh = random();
        accessTokens.put(access, clock.now().plusSeconds(settings.accessTokenSeconds()));
        refreshTokens.put(refresh, new RefreshToken(clock.now().plusSeconds(settings.refreshTokenSeconds()), false));
        accessTokensIssued++;
        return new String[] {access, refresh};
    }

    /** Spends a refresh token (single use): true when it was live, and it never works again. */
    synchronized boolean spend(String refreshToken) {
        RefreshToken token = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (token == null || token.spent() || !clock.now().isBefore(token.expires())) {
            refreshRefused++;
            return false;
        }
        refreshTokens.put(refreshToken, new RefreshToken(token.expires(), true));
        refreshGrants++;
        return true;
    }

    synchronized boolean liveAccessToken(String token) {
        Instant expires = token == null ? null : accessTokens.get(token);
        return expires != null && clock.now().isBefore(expires);
    }

    // ---- reads ----

    synchronized List<ObjectNode> users(Predicate<User> filter) {
        return users.values().stream().filter(filter).map(this::userJson).toList();
    }

    synchronized Optional<ObjectNode> user(long id) {
        return Optional.ofNullable(users.get(id)).map(this::userJson);
    }

    synchronized List<ObjectNode> extensions(Predicate<Extension> filter) {
        return extensions.values().stream().filter(filter).map(this::extensionJson).toList();
    }

    synchronized Optional<ObjectNode> extension(String externalIdOrNumber) {
        return extensions.values().stream().filter(extension -> extension.externalId.equals(externalIdOrNumber)
                || extension.number.equals(externalIdOrNumber)).findFirst().map(this::extensionJson);
    }

    synchronized Optional<User> owner(Extension extension) {
        return Optional.ofNullable(extension.userId == null ? null : users.get(extension.userId));
    }

    synchronized List<ObjectNode> locations() {
        return locations.values().stream().map(VbcAccount::locationJson).toList();
    }

    synchronized Optional<ObjectNode> location(long id) {
        return Optional.ofNullable(locations.get(id)).map(VbcAccount::locationJson);
    }

    // ---- the admin portal ----

    /** Adds a user with a line type, an extension (new, at a location) and optionally a DID for it. */
    synchronized ObjectNode addUser(String firstName, String lastName, String email, String loginName,
            String lineType, String extensionNumber, Long locationId, String did) {
        List<ControlRefusal.Violation> problems = new ArrayList<>();
        require(problems, "firstName", firstName);
        require(problems, "lastName", lastName);
        require(problems, "email", email);
        if (lineType == null || !LINE_TYPES.contains(lineType)) {
            problems.add(new ControlRefusal.Violation("lineType", "lineType must be one of " + LINE_TYPES));
        }
        long location = extensionProblems(problems, extensionNumber, locationId, did);
        String login = loginName == null || loginName.isBlank() ? email : loginName;
        if (email != null && users.values().stream().anyMatch(u -> email.equalsIgnoreCase(u.email))) {
            problems.add(new ControlRefusal.Violation("email", "a user with email " + email + " exists"));
        }
        if (login != null && users.values().stream().anyMatch(u -> login.equalsIgnoreCase(u.loginName))) {
            problems.add(new ControlRefusal.Violation("loginName", "a user with login name " + login + " exists"));
        }
        if (!problems.isEmpty()) {
            throw new ControlRefusal(400, problems.get(0).message(), problems);
        }
        User user = new User(nextUserId++);
        user.firstName = firstName;
        user.lastName = lastName;
        user.email = email;
        user.loginName = login;
        user.lineType = lineType;
        users.put(user.id, user);
        addExtension(user, extensionNumber, location, did);
        return portalUser(user);
    }

    /** What is wrong with a new extension, its location and its DID; the location it goes to. */
    private long extensionProblems(List<ControlRefusal.Violation> problems, String extensionNumber, Long locationId,
            String did) {
        if (extensionNumber == null || !extensionNumber.matches("\\d{2,6}")) {
            problems.add(new ControlRefusal.Violation("extension", "extension must be 2 to 6 digits"));
        } else if (extensions.containsKey(extensionNumber)) {
            problems.add(new ControlRefusal.Violation("extension", "extension " + extensionNumber + " is taken"));
        }
        long location = locationId == null ? locations.keySet().iterator().next() : locationId;
        if (!locations.containsKey(location)) {
            problems.add(new ControlRefusal.Violation("locationId", "no location " + location));
        }
        if (did != null && !did.matches("\\+\\d{8,15}")) {
            problems.add(new ControlRefusal.Violation("did", "did must be an E.164 number like +15551230001"));
        } else if (did != null && extensions.values().stream().anyMatch(e -> e.dids.contains(did))) {
            problems.add(new ControlRefusal.Violation("did", did + " is assigned to another extension"));
        }
        return location;
    }

    private void addExtension(User user, String extensionNumber, long location, String did) {
        Extension extension = new Extension(extensionNumber, UUID.nameUUIDFromBytes(
                (settings.accountId() + ":" + extensionNumber).getBytes()).toString());
        extension.userId = user.id;
        extension.locationId = location;
        if (did != null) {
            extension.dids.add(did);
            numbers.add(did);
        }
        extensions.put(extensionNumber, extension);
    }

    // ---- SCIM (the IdP's writes of identity: names, email, active) ----

    /** A user the IdP created: no line, no extension, until someone gives it one in the portal. */
    synchronized User scimCreate(String userName, String firstName, String lastName, String email, boolean active,
            String externalId) {
        scimConflict(userName, email, null);
        User user = new User(nextUserId++);
        user.loginName = userName;
        user.firstName = firstName;
        user.lastName = lastName;
        user.email = email;
        user.active = active;
        user.externalId = externalId;
        users.put(user.id, user);
        return copy(user);
    }

    synchronized Optional<User> scimUser(long id) {
        return Optional.ofNullable(users.get(id)).map(VbcAccount::copy);
    }

    synchronized List<User> scimUsers(Predicate<User> filter) {
        return users.values().stream().filter(filter).map(VbcAccount::copy).toList();
    }

    /** Writes a changed copy back, refused when its login name or email belongs to another user. */
    synchronized User scimSave(User changed) {
        User user = users.get(changed.id);
        if (user == null) {
            throw new ScimRefusal(404, null, "User " + changed.id + " not found");
        }
        scimConflict(changed.loginName, changed.email, changed.id);
        user.loginName = changed.loginName;
        user.firstName = changed.firstName;
        user.lastName = changed.lastName;
        user.email = changed.email;
        user.active = changed.active;
        user.externalId = changed.externalId;
        return copy(user);
    }

    private void scimConflict(String userName, String email, Long self) {
        for (User other : users.values()) {
            if (self != null && other.id == self) {
                continue;
            }
            if (same(userName, other.loginName) || same(email, other.email)) {
                throw new ScimRefusal(409, "uniqueness", "A user with userName " + userName + " or email "
                        + email + " exists");
            }
        }
    }

    private static User copy(User user) {
        User copy = new User(user.id);
        copy.email = user.email;
        copy.loginName = user.loginName;
        copy.firstName = user.firstName;
        copy.lastName = user.lastName;
        copy.lineType = user.lineType;
        copy.externalId = user.externalId;
        copy.active = user.active;
        return copy;
    }

    /**
     * Gives a user without a line (one the IdP created through SCIM) a line type, a new extension at a
     * location and optionally a DID: the portal step that follows a SCIM create.
     */
    synchronized ObjectNode giveLine(long userId, String lineType, String extensionNumber, Long locationId,
            String did) {
        User user = users.get(userId);
        if (user == null) {
            throw new ControlRefusal(404, "No user " + userId, List.of());
        }
        List<ControlRefusal.Violation> problems = new ArrayList<>();
        if (lineType == null || !LINE_TYPES.contains(lineType)) {
            problems.add(new ControlRefusal.Violation("lineType", "lineType must be one of " + LINE_TYPES));
        }
        if (user.lineType != null) {
            problems.add(new ControlRefusal.Violation("lineType", "the user has a " + user.lineType + " line already"));
        }
        long location = extensionProblems(problems, extensionNumber, locationId, did);
        if (!problems.isEmpty()) {
            throw new ControlRefusal(400, problems.get(0).message(), problems);
        }
        user.lineType = lineType;
        addExtension(user, extensionNumber, location, did);
        return portalUser(user);
    }

    synchronized ObjectNode changeLineType(long userId, String lineType) {
        User user = users.get(userId);
        if (user == null) {
            throw new ControlRefusal(404, "No user " + userId, List.of());
        }
        if (lineType == null || !LINE_TYPES.contains(lineType)) {
            throw ControlRefusal.badRequest("lineType", "lineType must be one of " + LINE_TYPES);
        }
        user.lineType = lineType;
        return portalUser(user);
    }

    /**
     * Takes the user's line and extensions away, the user stays; an extension's numbers stay on the account
     * (billed) until released, and an extension without numbers goes.
     */
    synchronized ObjectNode removeLine(long userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new ControlRefusal(404, "No user " + userId, List.of());
        }
        user.lineType = null;
        extensions.values().forEach(extension -> {
            if (Long.valueOf(userId).equals(extension.userId)) {
                extension.userId = null;
            }
        });
        extensions.values().removeIf(extension -> extension.userId == null && extension.dids.isEmpty());
        return portalUser(user);
    }

    /** Deletes the user; its extension and numbers stay on the account (billed) until released. */
    synchronized void deleteUser(long userId) {
        if (users.remove(userId) == null) {
            throw new ControlRefusal(404, "No user " + userId, List.of());
        }
        extensions.values().forEach(extension -> {
            if (Long.valueOf(userId).equals(extension.userId)) {
                extension.userId = null;
            }
        });
    }

    /** Assigns another number of the account's to an extension. */
    synchronized ObjectNode assignNumber(String extensionNumber, String did) {
        Extension extension = extensions.get(extensionNumber);
        if (extension == null) {
            throw new ControlRefusal(404, "No extension " + extensionNumber, List.of());
        }
        if (did == null || !did.matches("\\+\\d{8,15}")) {
            throw ControlRefusal.badRequest("did", "did must be an E.164 number like +15551230001");
        }
        if (extensions.values().stream().anyMatch(e -> e.dids.contains(did))) {
            throw ControlRefusal.badRequest("did", did + " is assigned to an extension");
        }
        extension.dids.add(did);
        numbers.add(did);
        return extensionJson(extension);
    }

    /** Releases a number from the account; an extension left with neither user nor number goes too. */
    synchronized void releaseNumber(String did) {
        if (!numbers.remove(did)) {
            throw new ControlRefusal(404, "The account has no number " + did, List.of());
        }
        extensions.values().forEach(extension -> extension.dids.remove(did));
        extensions.values().removeIf(extension -> extension.userId == null && extension.dids.isEmpty());
    }

    synchronized ObjectNode state() {
        ObjectNode state = JSON.objectNode();
        state.put("accountId", settings.accountId());
        ArrayNode userList = state.putArray("users");
        users.values().forEach(user -> userList.add(portalUser(user)));
        ArrayNode extensionList = state.putArray("extensions");
        extensions.values().forEach(extension -> extensionList.add(extensionJson(extension)));
        ArrayNode numberList = state.putArray("numbers");
        numbers.forEach(numberList::add);
        ArrayNode unassigned = state.putArray("numbersWithoutUser");
        extensions.values().stream().filter(extension -> extension.userId == null)
                .forEach(extension -> extension.dids.forEach(unassigned::add));
        state.put("accessTokensIssued", accessTokensIssued);
        state.put("refreshGrants", refreshGrants);
        state.put("refreshRefused", refreshRefused);
        return state;
    }

    // ---- JSON shapes of the Provisioning API ----

    private ObjectNode userJson(User user) {
        ObjectNode json = JSON.objectNode();
        json.put("id", user.id);
        json.put("email", user.email);
        json.put("login_name", user.loginName);
        json.put("first_name", user.firstName);
        json.put("last_name", user.lastName);
        ArrayNode contacts = json.putArray("contact_numbers");
        ArrayNode list = json.putArray("extensions");
        extensions.values().stream().filter(extension -> Long.valueOf(user.id).equals(extension.userId))
                .forEach(extension -> {
                    ObjectNode entry = list.addObject();
                    entry.put("extension_number", extension.number);
                    ArrayNode dids = entry.putArray("dids");
                    extension.dids.forEach(did -> {
                        dids.addObject().put("phone_number", did).putNull("custom_tag");
                        contacts.addObject().put("type", "DID").put("value", did);
                    });
                });
        return json;
    }

    private ObjectNode extensionJson(Extension extension) {
        ObjectNode json = JSON.objectNode();
        json.put("extension_number", extension.number);
        User user = extension.userId == null ? null : users.get(extension.userId);
        if (user == null) {
            json.putNull("user");
        } else {
            json.putObject("user").put("id", user.id).put("email", user.email).put("login_name", user.loginName)
                    .put("first_name", user.firstName).put("last_name", user.lastName);
        }
        json.put("location_id", extension.locationId);
        json.put("vtt_enabled", false);
        json.put("dnd_enabled", false);
        json.put("caller_id", extension.dids.isEmpty() ? null : extension.dids.get(0));
        json.put("external_id", extension.externalId);
        json.put("block_caller_id", false);
        ArrayNode dids = json.putArray("dids");
        extension.dids.forEach(did -> dids.addObject().put("phone_number", did).putNull("custom_tag"));
        json.putArray("extension_handsets");
        return json;
    }

    private ObjectNode portalUser(User user) {
        ObjectNode json = userJson(user);
        json.put("lineType", user.lineType);
        json.put("active", user.active);
        return json;
    }

    private static ObjectNode locationJson(Location location) {
        return JSON.objectNode().put("id", location.id()).put("name", location.name());
    }

    private static void require(List<ControlRefusal.Violation> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new ControlRefusal.Violation(field, field + " is required"));
        }
    }

    static boolean same(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }
}
