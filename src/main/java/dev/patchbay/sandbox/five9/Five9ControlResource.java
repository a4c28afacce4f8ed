package dev.patchbay.sandbox.five9;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ControlRefusal;
import dev.patchbay.sandbox.kit.ControlResource;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kit's control API for the simulated Five9 domain, plus {@code PUT users/{userName}/used-in}
 * ({@code ["Campaign X"]}): objects that refer to the user, so that deleteUser refuses it; and what an
 * administrator changes in the console behind the API's back: {@code PUT users/{userName}/skills} and
 * {@code PUT users/{userName}/agent-groups}.
 */
@Path("/sandbox/five9/_control")
public class Five9ControlResource extends ControlResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Five9Domain domain;
    private final CallCounters counters;
    private final AdminSessions sessions;
    private final Five9Settings settings;

    public Five9ControlResource(Five9Domain domain, CallCounters counters, AdminSessions sessions,
            Five9Settings settings, Five9Clock clock, Five9Faults faults, ObjectMapper mapper) {
        super(clock, faults, settings.tunables(), mapper);
        this.domain = domain;
        this.counters = counters;
        this.sessions = sessions;
        this.settings = settings;
    }

    @Override
    protected void resetSimulator() {
        domain.reset();
        counters.reset();
        sessions.reset();
    }

    @Override
    protected ControlRefusal translate(RuntimeException failure) {
        return failure instanceof Five9Fault fault
                ? new ControlRefusal("UserNotFoundFault".equals(fault.name()) ? 404 : 400, fault.getMessage(), List.of())
                : null;
    }

    @Override
    protected ObjectNode simulatorState(UriInfo uri) {
        ObjectNode state = JSON.objectNode();
        ArrayNode admins = state.putArray("adminUsers");
        settings.adminUsers().forEach(admins::add);
        ArrayNode busy = state.putArray("sessionsInFlight");
        sessions.busy().forEach(busy::add);
        ArrayNode users = state.putArray("users");
        domain.users(NamePattern.of(null)).forEach(user -> users.add(user(user)));
        state.set("skills", entries(domain.skills(NamePattern.of(null)), false));
        state.set("agentGroups", entries(domain.agentGroups(NamePattern.of(null)), true));
        state.set("userProfiles", entries(domain.profiles(), true));
        ArrayNode calls = state.putArray("skillCalls");
        domain.skillCalls().forEach(call -> calls.addObject().put("operation", call.operation())
                .put("userName", call.userName()).put("skillName", call.skillName()).put("at", call.at().toString()));
        ArrayNode groupCalls = state.putArray("agentGroupCalls");
        domain.agentGroupCalls().forEach(call -> {
            ObjectNode node = groupCalls.addObject().put("group", call.group());
            call.added().forEach(node.putArray("added")::add);
            call.removed().forEach(node.putArray("removed")::add);
        });
        ObjectNode callCounters = state.putObject("callCounters");
        for (OperationType type : OperationType.LIMITED) {
            ObjectNode windows = callCounters.putObject(type.name()).put("refused", counters.refused(type));
            for (LimitWindow window : LimitWindow.values()) {
                windows.putObject(window.settingSuffix().toLowerCase()).put("value", counters.value(type, window))
                        .put("limit", settings.limit(type, window));
            }
        }
        return state;
    }

    @PUT
    @Path("users/{userName}/used-in")
    public Response usedIn(@PathParam("userName") String userName, String body) {
        return control(() -> {
            JsonNode objects = parse(body);
            if (!objects.isArray()) {
                throw ControlRefusal.badRequest(null, "The body must be a JSON array of object names");
            }
            List<String> names = new ArrayList<>();
            objects.forEach(name -> names.add(name.asText()));
            domain.markUsedIn(userName, names);
            return JSON.objectNode().put("userName", userName).set("usedIn", objects);
        });
    }

    /** {@code {"Support": 3}}: the user's skills as an administrator set them in the console. */
    @PUT
    @Path("users/{userName}/skills")
    public Response skillsByHand(@PathParam("userName") String userName, String body) {
        return control(() -> {
            JsonNode levels = parse(body);
            if (!levels.isObject()) {
                throw ControlRefusal.badRequest(null, "The body must be a JSON object of skill names and levels");
            }
            Map<String, Integer> skills = new LinkedHashMap<>();
            levels.fields().forEachRemaining(level -> {
                if (!level.getValue().isInt()) {
                    throw ControlRefusal.badRequest(level.getKey(), "A skill level must be a whole number");
                }
                skills.put(level.getKey(), level.getValue().intValue());
            });
            domain.skillsByHand(userName, skills);
            return JSON.objectNode().put("userName", userName).set("skills", levels);
        });
    }

    /** {@code ["Tier 1"]}: the agent groups the user is in, as an administrator set them in the console. */
    @PUT
    @Path("users/{userName}/agent-groups")
    public Response agentGroupsByHand(@PathParam("userName") String userName, String body) {
        return control(() -> {
            JsonNode groups = parse(body);
            if (!groups.isArray()) {
                throw ControlRefusal.badRequest(null, "The body must be a JSON array of agent group names");
            }
            List<String> names = new ArrayList<>();
            groups.forEach(name -> names.add(name.asText()));
            domain.agentGroupsByHand(userName, names);
            return JSON.objectNode().put("userName", userName).set("agentGroups", groups);
        });
    }

    private static ObjectNode user(Five9User user) {
        ObjectNode node = JSON.objectNode();
        node.put("id", user.id);
        node.put("userName", user.userName);
        user.general.forEach(node::put);
        node.put("userProfileName", user.userProfileName);
        node.put("hasPassword", user.password != null);
        ObjectNode roles = node.putObject("roles");
        user.roles.forEach((element, role) -> {
            ObjectNode permissions = roles.putObject(RoleTypes.type(element));
            role.permissions().forEach(permissions::put);
        });
        ObjectNode skills = node.putObject("skills");
        user.skills.forEach(skills::put);
        ArrayNode usedIn = node.putArray("usedIn");
        user.usedIn.forEach(usedIn::add);
        return node;
    }

    private static ArrayNode entries(List<Five9Domain.Entry> entries, boolean withMembers) {
        ArrayNode list = JSON.arrayNode();
        for (Five9Domain.Entry entry : entries) {
            ObjectNode node = list.addObject().put("id", entry.id()).put("name", entry.name());
            if (withMembers) {
                ArrayNode members = node.putArray("members");
                entry.members().forEach(members::add);
            }
        }
        return list;
    }
}
