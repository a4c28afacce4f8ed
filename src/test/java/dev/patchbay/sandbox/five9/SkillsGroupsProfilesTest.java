package dev.patchbay.sandbox.five9;

import static dev.patchbay.sandbox.five9.Five9.SANDBOX;
import static dev.patchbay.sandbox.five9.Five9.create;
import static dev.patchbay.sandbox.five9.Five9.fault;
import static dev.patchbay.sandbox.five9.Five9.generalInfo;
import static dev.patchbay.sandbox.five9.Five9.ok;
import static dev.patchbay.sandbox.five9.Five9.skill;
import static dev.patchbay.sandbox.five9.Five9.usersInfo;
import static dev.patchbay.sandbox.five9.SoapRequest.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Skills with levels, agent groups and user profiles. */
@QuarkusTest
class SkillsGroupsProfilesTest {

    private static final String JANE = "jane@example.com";

    @BeforeEach
    void reset() {
        SANDBOX.reset();
        create(JANE);
    }

    @Test
    void skillsAreAddedModifiedAndRemovedWithLevelsOneToTen() {
        assertEquals("userSkillAddResponse", ok(skill("userSkillAdd", JANE, "Sales", 1)).name());
        ok(skill("userSkillAdd", JANE, "Support", 10));
        SoapAnswer info = ok(usersInfo("^jane@"));
        assertEquals(List.of("Sales", "Support"), info.texts("return/skills/skillName"));
        assertEquals(List.of("1", "10"), info.texts("return/skills/level"));
        ok(skill("userSkillModify", JANE, "Support", 3));
        ok(skill("userSkillRemove", JANE, "Sales", 1));
        assertEquals(Map.of("Support", 3), SANDBOX.state().getMap("users[0].skills"));
        JsonPath state = SANDBOX.state();
        assertEquals(List.of("userSkillAdd", "userSkillAdd", "userSkillModify", "userSkillRemove"),
                state.getList("skillCalls.operation"), "each call is recorded with its time, for pacing checks");
        assertEquals(4, state.getList("skillCalls.at").size());
    }

    @Test
    void skillFaults() {
        ok(skill("userSkillAdd", JANE, "Sales", 2));
        SoapAnswer twice = fault("UserAlreadyHasSkillFault", skill("userSkillAdd", JANE, "Sales", 2));
        assertEquals("Sales", twice.faultDetail("skillName"));
        assertEquals(JANE, twice.faultDetail("userName"));
        SoapAnswer lacking = fault("UserDoesntHaveSkillFault", skill("userSkillModify", JANE, "Billing", 2));
        assertEquals("Billing", lacking.faultDetail("skillName"));
        fault("UserDoesntHaveSkillFault", skill("userSkillRemove", JANE, "Billing", 2));
        assertEquals("Juggling", fault("SkillNotFoundFault", skill("userSkillAdd", JANE, "Juggling", 2))
                .faultDetail("skillName"));
        fault("UserNotFoundFault", skill("userSkillAdd", "nobody@example.com", "Sales", 2));
        for (Object level : List.of(0, 11, "high")) {
            fault("IncorrectArgumentFault", skill("userSkillAdd", JANE, "Support", level));
            fault("IncorrectArgumentFault", skill("userSkillModify", JANE, "Sales", level));
        }
        fault("MissedArgumentFault", SoapRequest.of("userSkillAdd"));
        assertEquals(Map.of("Sales", 2), SANDBOX.state().getMap("users[0].skills"));
    }

    @Test
    void skillsAtCreateNeedKnownSkillsAndLevels() {
        fault("SkillNotFoundFault", SoapRequest.of("createUser", el("userInfo", generalInfo("a@example.com"),
                Five9.agentRole(), el("skills", el("level", 1), el("skillName", "Juggling")))));
        fault("IncorrectArgumentFault", SoapRequest.of("createUser", el("userInfo", generalInfo("a@example.com"),
                Five9.agentRole(), el("skills", el("level", 12), el("skillName", "Sales")))));
        SoapAnswer created = ok(SoapRequest.of("createUser", el("userInfo", generalInfo("a@example.com"),
                Five9.agentRole(), el("skills", el("level", 4), el("skillName", "Sales"),
                        el("userName", "a@example.com")))));
        assertEquals("4", created.text("return/skills/level"));
    }

    @Test
    void getSkillsFiltersByRegularExpression() {
        assertEquals(List.of("Sales", "Support", "Billing", "Technical", "Spanish"),
                ok(SoapRequest.of("getSkills")).texts("return/name"));
        assertEquals(List.of("Sales", "Spanish"), ok(SoapRequest.of("getSkills", el("skillNamePattern", "^S[ap]")))
                .texts("return/name"));
        fault("InvalidRegexpPatternFault", SoapRequest.of("getSkills", el("skillNamePattern", "*")));
    }

    @Test
    void agentGroupsAddAndRemoveAgents() {
        create("bob@example.com");
        ok(SoapRequest.of("modifyAgentGroup", el("group", el("name", "Tier 1")), el("addAgents", JANE),
                el("addAgents", "bob@example.com")));
        SoapAnswer groups = ok(SoapRequest.of("getAgentGroups", el("groupNamePattern", "^Tier 1$")));
        assertEquals(List.of(JANE, "bob@example.com"), groups.texts("return/agents"));
        assertEquals(List.of("Tier 1"), ok(usersInfo("^jane@")).texts("return/agentGroups"));
        ok(SoapRequest.of("modifyAgentGroup", el("group", el("name", "Tier 1")), el("removeAgents", JANE)));
        assertEquals(List.of("bob@example.com"),
                ok(SoapRequest.of("getAgentGroups", el("groupNamePattern", "^Tier 1$"))).texts("return/agents"));
        assertEquals(3, ok(SoapRequest.of("getAgentGroups")).texts("return/name").size());
        // A group sent with agents and a description replaces them.
        ok(SoapRequest.of("modifyAgentGroup", el("group", el("agents", JANE), el("description", "First line"),
                el("name", "Tier 1"))));
        SoapAnswer replaced = ok(SoapRequest.of("getAgentGroups", el("groupNamePattern", "^Tier 1$")));
        assertEquals(List.of(JANE), replaced.texts("return/agents"));
        assertEquals("First line", replaced.text("return/description"));
    }

    @Test
    void agentGroupRules() {
        SoapAnswer unknown = fault("ObjectNotFoundFault", SoapRequest.of("modifyAgentGroup",
                el("group", el("name", "Tier 9")), el("addAgents", JANE)));
        assertEquals("Tier 9", unknown.faultDetail("objectName"));
        assertEquals("AgentGroup", unknown.faultDetail("objectType"));
        fault("UserNotFoundFault", SoapRequest.of("modifyAgentGroup", el("group", el("name", "Tier 1")),
                el("addAgents", JANE), el("addAgents", "nobody@example.com")));
        ok(SoapRequest.of("createUser", el("userInfo", generalInfo("reports@example.com"),
                el("roles", el("reporting", el("permissions", el("type", "CanViewStandardReports"),
                        el("value", true)))))));
        SoapAnswer noRole = fault("UserHasNoRequiredRoleFault", SoapRequest.of("modifyAgentGroup",
                el("group", el("name", "Tier 1")), el("addAgents", "reports@example.com")));
        assertEquals("reports@example.com", noRole.faultDetail("userName"));
        assertEquals(List.of("Agent", "Supervisor"), noRole.texts("detail/UserHasNoRequiredRoleFault/roles"));
        fault("MissedArgumentFault", SoapRequest.of("modifyAgentGroup", el("addAgents", JANE)));
        assertEquals(List.of(), SANDBOX.state().getList("agentGroups.find { it.name == 'Tier 1' }.members"),
                "nothing changed");
    }

    @Test
    void userProfilesHoldEachUserOnce() {
        ok(SoapRequest.of("modifyUserProfileUserList", el("userProfileName", "Agent Profile"), el("addUsers", JANE)));
        assertEquals("Agent Profile", ok(usersInfo("^jane@")).text("return/generalInfo/userProfileName"));
        ok(SoapRequest.of("modifyUserProfileUserList", el("userProfileName", "Supervisor Profile"),
                el("addUsers", JANE)));
        JsonPath state = SANDBOX.state();
        assertEquals(List.of(), state.getList("userProfiles.find { it.name == 'Agent Profile' }.members"));
        assertEquals(List.of(JANE), state.getList("userProfiles.find { it.name == 'Supervisor Profile' }.members"));
        ok(SoapRequest.of("modifyUserProfileUserList", el("userProfileName", "Supervisor Profile"),
                el("removeUsers", JANE)));
        assertNull(ok(usersInfo("^jane@")).text("return/generalInfo/userProfileName"));
        assertEquals("UserProfile", fault("ObjectNotFoundFault", SoapRequest.of("modifyUserProfileUserList",
                el("userProfileName", "Night Shift"), el("addUsers", JANE))).faultDetail("objectType"));
        fault("UserNotFoundFault", SoapRequest.of("modifyUserProfileUserList", el("userProfileName", "Agent Profile"),
                el("addUsers", "nobody@example.com")));
    }

    @Test
    void createUserJoinsKnownAgentGroupsAndProfiles() {
        SoapRequest.El reportingRole = el("roles", el("reporting", el("permissions",
                el("type", "CanViewStandardReports"), el("value", true))));
        assertEquals("AgentGroup", fault("ObjectNotFoundFault", SoapRequest.of("createUser", el("userInfo",
                el("agentGroups", "Tier 9"), generalInfo("a@example.com"), Five9.agentRole()))).faultDetail("objectType"));
        fault("UserHasNoRequiredRoleFault", SoapRequest.of("createUser", el("userInfo", el("agentGroups", "Tier 1"),
                generalInfo("a@example.com"), reportingRole)));
        assertEquals("UserProfile", fault("ObjectNotFoundFault", SoapRequest.of("createUser", el("userInfo",
                generalInfo("a@example.com", el("userProfileName", "Night Shift")), Five9.agentRole())))
                .faultDetail("objectType"));
        SoapAnswer created = ok(SoapRequest.of("createUser", el("userInfo", el("agentGroups", "Tier 2"),
                generalInfo("a@example.com", el("userProfileName", "Agent Profile")), Five9.agentRole())));
        assertEquals(List.of("Tier 2"), created.texts("return/agentGroups"));
        assertEquals("Agent Profile", created.text("return/generalInfo/userProfileName"));
        assertEquals(List.of(JANE, "a@example.com"), ok(usersInfo("")).texts("return/generalInfo/userName"));
    }
}
