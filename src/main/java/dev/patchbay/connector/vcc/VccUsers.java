package dev.patchbay.connector.vcc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Notice;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.VendorRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * VCC users: create (username by the connection's rule, role, agent settings), patch, archive and
 * restore, delete after archiving, and find by username and email in the account's listing. The IdP
 * userName is kept in {@code ssoExternalId}, which tells whose account a username is.
 */
final class VccUsers {

    static final String RETIRED = "retired:";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int PAGE = 1000;

    private final VccSettings settings;
    private final VccHttp http;
    private final VccSession session;
    private final VccUsernames usernames;

    VccUsers(VccSettings settings, VccHttp http, VccSession session) {
        this.settings = settings;
        this.http = http;
        this.session = session;
        this.usernames = new VccUsernames(settings.usernameTemplate());
    }

    VccUsernames usernames() {
        return usernames;
    }

    VendorRef create(Seat seat, CallContext context) {
        String idpUserName = seat.text(SeatField.USER_NAME);
        ObjectNode body = JSON.objectNode();
        body.put("username", usernames.of(idpUserName));
        body.put("name", name(seat, idpUserName));
        body.put("email", seat.has(SeatField.EMAIL) ? seat.text(SeatField.EMAIL) : idpUserName);
        body.put("ssoExternalId", idpUserName);
        body.put("active", true);
        Collection<String> roles = strings(seat.get(SeatField.ROLES));
        String role = VccRoles.role(roles, settings.defaultRole());
        boolean agent = VccRoles.actsAsAgent(roles, role);
        ObjectNode configuration = body.putObject("userAccountConfiguration");
        configuration.put("role", role);
        configuration.put("actAsAgent", agent);
        if (agent) {
            configuration.set("agentConfiguration", agentConfiguration(seat));
        }
        VccHttp.Answer answer = http.exchange("POST", "/users", body);
        if (settings.allowOverages() && beyondLicences(answer)) {
            // Known to be an overage only because VCC refused it without one: the charge is a person's to settle.
            answer = http.exchange("POST", "/users?allowOverages=true", body);
            if (answer.ok()) {
                context.notice(new Notice(VccCapabilities.OVERAGE, VccCapabilities.AGENT_LICENCE));
            }
        }
        if (answer.status() == 409 || answer.status() == 400 && answer.message().toLowerCase(Locale.ROOT)
                .contains("duplicate")) {
            session.forgetUsers();
            throw new ConnectorException.Conflict("VCC username " + body.path("username").asText()
                    + " exists already: " + answer.message());
        }
        if (!answer.ok()) {
            throw refusal("create " + body.path("username").asText(), answer);
        }
        session.created(answer.body());
        return new VendorRef(answer.body().path("userId").asText());
    }

    /** The user as VCC shows it; empty when VCC does not know it. */
    Optional<JsonNode> get(VendorRef ref) {
        VccHttp.Answer answer = http.send("GET", "/users/" + ref.id(), null);
        return answer.notFound() ? Optional.empty() : Optional.of(answer.body());
    }

    JsonNode require(VendorRef ref) {
        return get(ref).orElseThrow(() -> new ConnectorException.NotFound("VCC has no user " + ref.id()));
    }

    /** A partial update of the user's identity, role, phone, telephony region or agent display id. */
    void update(VendorRef ref, Map<SeatField, Object> changes) {
        ObjectNode body = JSON.objectNode();
        if (changes.containsKey(SeatField.EMAIL) && changes.get(SeatField.EMAIL) != null) {
            body.put("email", changes.get(SeatField.EMAIL).toString());
        }
        if (changes.get(SeatField.DISPLAY_NAME) != null || changes.get(SeatField.GIVEN_NAME) != null
                || changes.get(SeatField.FAMILY_NAME) != null) {
            // The three come together (VccCapabilities): VCC holds one name.
            String name = name(seatOf(changes), null);
            if (name != null) {
                body.put("name", name);
            }
        }
        boolean agentFields = changes.containsKey(SeatField.PHONE) || changes.containsKey(SeatField.TELEPHONY_REGION)
                || changes.containsKey(SeatField.EXTENSION);
        boolean revoking = false;
        if (changes.containsKey(SeatField.ROLES) || agentFields) {
            JsonNode current = require(ref);
            JsonNode configuration = current.path("userAccountConfiguration");
            boolean wasAgent = "Agent".equals(configuration.path("role").asText())
                    || configuration.path("actAsAgent").asBoolean(false);
            ObjectNode changed = body.putObject("userAccountConfiguration");
            boolean agent = wasAgent;
            if (changes.containsKey(SeatField.ROLES)) {
                Collection<String> roles = strings(changes.get(SeatField.ROLES));
                String role = VccRoles.role(roles, settings.defaultRole());
                boolean wanted = VccRoles.actsAsAgent(roles, role);
                changed.put("role", role);
                if (wanted) {
                    changed.put("actAsAgent", true);
                }
                revoking = wasAgent && !wanted;
                agent = wasAgent || wanted;
            }
            if (agent) {
                ObjectNode agentConfiguration = configuration.has("agentConfiguration") ? JSON.objectNode()
                        : agentConfiguration(seatOf(changes));
                if (changes.containsKey(SeatField.EXTENSION) && changes.get(SeatField.EXTENSION) != null) {
                    agentConfiguration.put("agentDisplayId", changes.get(SeatField.EXTENSION).toString());
                }
                if (changes.containsKey(SeatField.PHONE)) {
                    Object phone = changes.get(SeatField.PHONE);
                    agentConfiguration.put("webrtc", phone == null);
                    if (phone != null) {
                        agentConfiguration.with("telephonyAddress").put("telephoneAddress", phone.toString());
                    }
                }
                if (changes.containsKey(SeatField.TELEPHONY_REGION)) {
                    Object region = changes.get(SeatField.TELEPHONY_REGION);
                    agentConfiguration.with("telephonyAddress").put("outboundTelephonyRegion",
                            region == null ? null : settings.regionId(region.toString()));
                }
                if (!agentConfiguration.isEmpty()) {
                    changed.set("agentConfiguration", agentConfiguration);
                }
            }
            if (changed.isEmpty()) {
                body.remove("userAccountConfiguration");
            }
        }
        if (!body.isEmpty()) {
            patch(ref, body, settings.allowOverages() ? "?allowOverages=true" : "");
        }
        if (revoking) {
            throw new ConnectorException.NeedsAction("the seat no longer has ActAsAgent, and VCC cannot take it"
                    + " back", VccCapabilities.ACT_AS_AGENT);
        }
    }

    void archive(VendorRef ref) {
        patch(ref, JSON.objectNode().put("active", false),
                settings.acceptArchiveInMultipleAccounts() ? "?acceptArchiveInMultipleAccounts=true" : "");
    }

    void restore(VendorRef ref) {
        patch(ref, JSON.objectNode().put("active", true), settings.allowOverages() ? "?allowOverages=true" : "");
    }

    /** Archived, and no longer any IdP user's: its username stays taken, but no user is matched to it. */
    void retire(VendorRef ref) {
        JsonNode current = require(ref);
        String owner = current.path("ssoExternalId").asText("");
        ObjectNode body = JSON.objectNode().put("active", false).put("ssoExternalId",
                RETIRED + (owner.isBlank() ? current.path("username").asText() : owner));
        patch(ref, body, settings.acceptArchiveInMultipleAccounts() ? "?acceptArchiveInMultipleAccounts=true" : "");
        session.forgetUsers();
    }

    /** Deletes the user, archiving it first if someone restored it meanwhile (VCC deletes only archived users). */
    void delete(VendorRef ref) {
        JsonNode current = require(ref);
        if (current.path("active").asBoolean(true)) {
            archive(ref);
        }
        VccHttp.Answer answer = http.exchange("DELETE", "/users/" + ref.id(), null);
        if (answer.notFound()) {
            throw new ConnectorException.NotFound("VCC has no user " + ref.id());
        }
        if (!answer.ok()) {
            if (answer.message().toLowerCase(Locale.ROOT).contains("api credential")) {
                throw new ConnectorException.NeedsAction(answer.message(), VccCapabilities.API_CREDENTIALS);
            }
            throw refusal("delete", answer);
        }
        session.forgetUsers();
    }

    private void patch(VendorRef ref, ObjectNode body, String query) {
        VccHttp.Answer answer = http.exchange("PATCH", "/users/" + ref.id() + query, body);
        if (answer.notFound()) {
            throw new ConnectorException.NotFound("VCC has no user " + ref.id());
        }
        if (!answer.ok()) {
            if (answer.message().toLowerCase(Locale.ROOT).contains("multiple accounts")) {
                throw new ConnectorException.NeedsAction(answer.message(), VccCapabilities.MULTIPLE_ACCOUNTS);
            }
            throw refusal("update", answer);
        }
    }

    /**
     * The account of the key's user: the one with the username the IdP userName maps to, when it is this
     * user's (its ssoExternalId is the userName, or it has none and the same email); else an unclaimed active
     * one with the key's email. A username another IdP user holds is a clear refusal, not an adoption.
     */
    Optional<VendorRef> find(MatchKey key) {
        if (key.userName() == null && key.email() == null) {
            return Optional.empty();
        }
        List<JsonNode> users = session.users(settings.listingCache(), this::listAll);
        if (key.userName() != null) {
            String wanted = usernames.of(key.userName());
            for (JsonNode user : users) {
                if (!user.path("username").asText().equalsIgnoreCase(wanted)) {
                    continue;
                }
                String owner = user.path("ssoExternalId").asText("");
                String email = user.path("email").asText("");
                if (owner.startsWith(RETIRED)) {
                    break;
                }
                boolean mine = owner.isBlank() ? key.email() == null || key.email().equalsIgnoreCase(email)
                        : owner.equalsIgnoreCase(key.userName());
                if (!mine) {
                    throw new ConnectorException.Rejected("The IdP user " + key.userName() + " maps to the VCC username "
                            + wanted + ", which already belongs to " + (owner.isBlank() ? "the account of " + email
                            : "the IdP user " + owner) + ": VCC usernames never change, so change the connection's"
                            + " usernameTemplate or one of the userNames");
                }
                // An archived account of the user is adopted too: the sync restores it (VCC cannot make another
                // account with its username).
                return Optional.of(new VendorRef(user.path("userId").asText()));
            }
        }
        if (key.email() != null) {
            for (JsonNode user : users) {
                String owner = user.path("ssoExternalId").asText("");
                if (user.path("email").asText("").equalsIgnoreCase(key.email()) && user.path("active").asBoolean(true)
                        && (owner.isBlank() || key.userName() != null && owner.equalsIgnoreCase(key.userName()))) {
                    return Optional.of(new VendorRef(user.path("userId").asText()));
                }
            }
        }
        return Optional.empty();
    }

    /** One page (numbered from 1) of the account's users, archived ones included: items and meta. */
    JsonNode page(int page, int limit) {
        return http.send("GET", "/users?include=All&page=" + page + "&limit=" + limit, null).body();
    }

    /** Every user of the account, archived ones included: VCC's listing has no filter. */
    List<JsonNode> listAll() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= 10_000; page++) {
            JsonNode answer = http.send("GET", "/users?include=All&page=" + page + "&limit=" + PAGE, null).body();
            answer.path("items").forEach(all::add);
            int pageCount = answer.path("meta").path("pageCount").asInt(1);
            if (page >= pageCount || answer.path("items").isEmpty()) {
                break;
            }
        }
        return all;
    }

    private ObjectNode agentConfiguration(Seat seat) {
        ObjectNode agent = JSON.objectNode();
        String extension = seat.text(SeatField.EXTENSION);
        String phone = seat.text(SeatField.PHONE);
        if (extension != null) {
            agent.put("agentDisplayId", extension);
        }
        // Without a phone the agent works in the browser (WebRTC), reached by their agent id.
        agent.put("webrtc", phone == null);
        VccSettings.AgentDefaults defaults = settings.agent();
        if (defaults.location() != null) {
            agent.put("location", defaults.location());
        }
        ObjectNode telephony = JSON.objectNode();
        if (phone != null || extension != null) {
            telephony.put("telephoneAddress", phone != null ? phone : extension);
        }
        if (seat.has(SeatField.TELEPHONY_REGION)) {
            telephony.put("outboundTelephonyRegion", settings.regionId(seat.text(SeatField.TELEPHONY_REGION)));
        }
        if (defaults.callbackNumberId() != null) {
            telephony.put("selectedCallbackNumberId", defaults.callbackNumberId());
        }
        if (!telephony.isEmpty()) {
            agent.set("telephonyAddress", telephony);
        }
        if (defaults.capacityLive() != null || defaults.capacityNonLive() != null || defaults.capacitySemiLive() != null) {
            ObjectNode capacity = agent.putObject("capacity").put("isAgentLevel", true);
            if (defaults.capacityLive() != null) {
                capacity.put("live", defaults.capacityLive());
            }
            if (defaults.capacityNonLive() != null) {
                capacity.put("nonLive", defaults.capacityNonLive());
            }
            if (defaults.capacitySemiLive() != null) {
                capacity.put("semiLive", defaults.capacitySemiLive());
            }
        }
        return agent;
    }

    private static Seat seatOf(Map<SeatField, Object> changes) {
        return new Seat(true, changes);
    }

    private static String name(Seat seat, String fallback) {
        if (seat.has(SeatField.DISPLAY_NAME)) {
            return seat.text(SeatField.DISPLAY_NAME);
        }
        String given = seat.text(SeatField.GIVEN_NAME);
        String family = seat.text(SeatField.FAMILY_NAME);
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        return joined.isEmpty() ? fallback : joined;
    }

    /** VCC's refusal: the licence pool is a task for a person; anything else is shown to the admin. */
    static ConnectorException refusal(String what, VccHttp.Answer answer) {
        String message = answer.message();
        if (beyondLicences(answer)) {
            return new ConnectorException.NeedsAction(message, VccCapabilities.BUY_LICENCES);
        }
        return new ConnectorException.Rejected(VccHttp.VENDOR + " refused to " + what + " (" + answer.status() + "): "
                + message);
    }

    /** VCC's answer that every licensed agent is in use (an overage would be needed). */
    static boolean beyondLicences(VccHttp.Answer answer) {
        String lower = String.valueOf(answer.message()).toLowerCase(Locale.ROOT);
        return !answer.ok() && lower.contains("licen") && lower.contains("overage");
    }

    static Collection<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(item -> result.add(String.valueOf(item)));
        } else if (value != null) {
            result.add(value.toString());
        }
        return result;
    }
}
