package dev.patchbay.sandbox.five9;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/** The Admin Web Service operations the simulator serves, each with the request type it counts as. */
@ApplicationScoped
public class AdminOperations {

    /** Reads the operation element and fills in its {@code …Response} element. */
    interface Handler {
        void handle(Element request, Element response);
    }

    record Operation(OperationType type, Handler handler) {
    }

    private final Five9Domain domain;
    private final CallCounters counters;
    private final Five9Settings settings;
    private final Map<String, Operation> operations = new HashMap<>();

    public AdminOperations(Five9Domain domain, CallCounters counters, Five9Settings settings) {
        this.domain = domain;
        this.counters = counters;
        this.settings = settings;
        modify("createUser", this::createUser);
        query("getUsersGeneralInfo", (request, response) -> domain.users(pattern(request, "userNamePattern"))
                .forEach(user -> UserXml.writeGeneral(response, "return", user)));
        query("getUsersInfo", (request, response) -> domain.users(pattern(request, "userNamePattern"))
                .forEach(user -> writeUserInfo(response, user)));
        modify("modifyUser", this::modifyUser);
        modify("deleteUser", (request, response) -> domain.delete(Xml.text(request, "userName")));
        modify("userSkillAdd", (request, response) -> {
            Element skill = userSkill(request);
            domain.addSkill(Xml.text(skill, "userName"), Xml.text(skill, "skillName"), UserXml.level(skill));
        });
        modify("userSkillModify", (request, response) -> {
            Element skill = userSkill(request);
            domain.modifySkill(Xml.text(skill, "userName"), Xml.text(skill, "skillName"), UserXml.level(skill));
        });
        modify("userSkillRemove", (request, response) -> {
            Element skill = userSkill(request);
            domain.removeSkill(Xml.text(skill, "userName"), Xml.text(skill, "skillName"));
        });
        query("getSkills", this::getSkills);
        modify("modifyAgentGroup", this::modifyAgentGroup);
        query("getAgentGroups", this::getAgentGroups);
        modify("modifyUserProfileUserList", (request, response) -> domain.modifyUserProfile(
                Xml.text(request, "userProfileName"), Xml.texts(request, "addUsers"),
                Xml.texts(request, "removeUsers")));
        operations.put("getCallCountersState", new Operation(OperationType.Unlimited, this::getCallCountersState));
    }

    /** The operation of that name, or a Client fault (as a JAX-WS service answers an unknown operation). */
    Operation operation(String name) {
        Operation operation = operations.get(name);
        if (operation == null) {
            throw Five9Fault.client("Cannot find dispatch method for {" + SoapXml.NS + "}" + name);
        }
        return operation;
    }

    private void query(String name, Handler handler) {
        operations.put(name, new Operation(OperationType.Query, handler));
    }

    private void modify(String name, Handler handler) {
        operations.put(name, new Operation(OperationType.Modify, handler));
    }

    private void createUser(Element request, Element response) {
        Element userInfo = Xml.child(request, "userInfo");
        if (userInfo == null || Xml.child(userInfo, "generalInfo") == null) {
            throw Five9Fault.missedArgument("userInfo.generalInfo");
        }
        UserInput input = UserXml.input(Xml.child(userInfo, "generalInfo"), Xml.child(userInfo, "roles"),
                Xml.children(userInfo, "skills"), Xml.texts(userInfo, "agentGroups"));
        writeUserInfo(response, domain.create(input));
    }

    private void modifyUser(Element request, Element response) {
        Element general = Xml.child(request, "userGeneralInfo");
        if (general == null) {
            throw Five9Fault.missedArgument("userGeneralInfo");
        }
        UserInput input = UserXml.input(general, Xml.child(request, "rolesToSet"), List.of(), List.of());
        writeUserInfo(response, domain.modify(input, Xml.texts(request, "rolesToRemove")));
    }

    private void getSkills(Element request, Element response) {
        for (Five9Domain.Entry skill : domain.skills(pattern(request, "skillNamePattern"))) {
            Element node = Xml.add(response, "return");
            Xml.add(node, "description", skill.description());
            Xml.add(node, "id", skill.id());
            Xml.add(node, "name", skill.name());
            Xml.add(node, "routeVoiceMails", false);
        }
    }

    private void modifyAgentGroup(Element request, Element response) {
        Element group = Xml.child(request, "group");
        List<String> agents = Xml.children(group, "agents").isEmpty() ? null : Xml.texts(group, "agents");
        domain.modifyAgentGroup(Xml.text(group, "name"), Xml.text(group, "description"), agents,
                Xml.texts(request, "addAgents"), Xml.texts(request, "removeAgents"));
    }

    private void getAgentGroups(Element request, Element response) {
        for (Five9Domain.Entry group : domain.agentGroups(pattern(request, "groupNamePattern"))) {
            Element node = Xml.add(response, "return");
            group.members().forEach(agent -> Xml.add(node, "agents", agent));
            Xml.add(node, "description", group.description());
            Xml.add(node, "id", group.id());
            Xml.add(node, "name", group.name());
        }
    }

    /** One limitTimeoutState per window (timeout = its length in seconds), with each request type's count. */
    private void getCallCountersState(Element request, Element response) {
        for (LimitWindow window : LimitWindow.values()) {
            Element state = Xml.add(response, "return");
            for (OperationType type : OperationType.LIMITED) {
                Element counter = Xml.add(state, "callCounterStates");
                Xml.add(counter, "limit", settings.limit(type, window));
                Xml.add(counter, "operationType", type.name());
                Xml.add(counter, "value", counters.value(type, window));
            }
            Xml.add(state, "timeout", window.seconds());
        }
    }

    private void writeUserInfo(Element response, Five9User user) {
        Map<String, Long> skillIds = domain.skills(NamePattern.of(null)).stream()
                .collect(Collectors.toMap(Five9Domain.Entry::name, Five9Domain.Entry::id));
        UserXml.writeUserInfo(response, "return", user, domain.agentGroupsOf(user.userName), skillIds);
    }

    private static Element userSkill(Element request) {
        Element skill = Xml.child(request, "userSkill");
        if (skill == null) {
            throw Five9Fault.missedArgument("userSkill");
        }
        return skill;
    }

    private static NamePattern pattern(Element request, String name) {
        return NamePattern.of(Xml.text(request, name));
    }
}
