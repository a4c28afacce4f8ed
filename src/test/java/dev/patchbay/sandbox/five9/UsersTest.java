package dev.patchbay.sandbox.five9;

import static dev.patchbay.sandbox.five9.Five9.SANDBOX;
import static dev.patchbay.sandbox.five9.Five9.agentRole;
import static dev.patchbay.sandbox.five9.Five9.create;
import static dev.patchbay.sandbox.five9.Five9.createUser;
import static dev.patchbay.sandbox.five9.Five9.fault;
import static dev.patchbay.sandbox.five9.Five9.generalInfo;
import static dev.patchbay.sandbox.five9.Five9.ok;
import static dev.patchbay.sandbox.five9.Five9.usersInfo;
import static dev.patchbay.sandbox.five9.SoapRequest.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.sandbox.five9.SoapRequest.El;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createUser, getUsersInfo/getUsersGeneralInfo, modifyUser and deleteUser, and the rules Five9 documents. */
@QuarkusTest
class UsersTest {

    private static final String JANE = "jane.doe@example.com";

    @BeforeEach
    void reset() {
        SANDBOX.reset();
    }

    private static SoapRequest modify(El general, El... roles) {
        List<El> parts = new ArrayList<>(List.of(general));
        parts.addAll(List.of(roles));
        return SoapRequest.of("modifyUser", parts.toArray(El[]::new));
    }

    private static El modifiedInfo(String userName, El... fields) {
        List<El> all = new ArrayList<>(List.of(el("EMail", "jane@example.com"), el("firstName", "Janet"),
                el("lastName", "Doe"), el("userName", userName)));
        all.addAll(List.of(fields));
        return el("userGeneralInfo", all);
    }

    @Test
    void createUserAnswersTheUserInfoWithoutThePassword() {
        SoapAnswer answer = create(JANE, el("federationId", "jane@idp.example.com"), el("active", true));
        assertEquals("createUserResponse", answer.name());
        assertEquals(JANE, answer.text("return/generalInfo/userName"));
        assertEquals("Jane Doe", answer.text("return/generalInfo/fullName"));
        assertEquals("jane@idp.example.com", answer.text("return/generalInfo/federationId"));
        assertEquals("1001", answer.text("return/generalInfo/extension"), "a free extension is given");
        assertNull(answer.text("return/generalInfo/password"));
        assertEquals("ReceiveTransfer", answer.text("return/roles/agent/permissions/type"));
        assertTrue(answer.text("return/generalInfo/id").matches("\\d+"));
        assertEquals(true, SANDBOX.state().getBoolean("users[0].hasPassword"));
    }

    @Test
    void userNameMustLookLikeAnEmailAddressAndIsUniqueAndCaseSensitive() {
        fault("InvalidUserDataFault", createUser("jane.doe"));
        create(JANE);
        SoapAnswer duplicate = fault("UserAlreadyExistsFault", createUser(JANE));
        assertEquals(JANE, duplicate.faultDetail("userName"));
        assertTrue(duplicate.faultDetail("message").contains(JANE));
        create("Jane.Doe@example.com");
        assertEquals(List.of("Jane.Doe@example.com"), ok(usersInfo("^Jane\\.Doe@")).texts("return/generalInfo/userName"));
        fault("UserNotFoundFault", SoapRequest.of("deleteUser", el("userName", "JANE.DOE@example.com")));
    }

    @Test
    void requiredFieldsAndAtLeastOneRole() {
        for (String missing : List.of("firstName", "lastName", "EMail", "password")) {
            List<El> fields = new ArrayList<>(List.of(el("EMail", JANE), el("firstName", "Jane"),
                    el("lastName", "Doe"), el("password", "x"), el("userName", JANE)));
            fields.removeIf(field -> field.name().equals(missing));
            SoapAnswer answer = fault("InvalidUserDataFault", SoapRequest.of("createUser",
                    el("userInfo", el("generalInfo", fields), agentRole())));
            assertTrue(answer.faultDetail("message").contains(missing), answer.faultDetail("message"));
        }
        SoapAnswer noRole = fault("UserHasNoRequiredRoleFault", SoapRequest.of("createUser",
                el("userInfo", generalInfo(JANE))));
        assertEquals(JANE, noRole.faultDetail("userName"));
        fault("MissedArgumentFault", SoapRequest.of("createUser"));
        assertEquals(0, SANDBOX.state().getList("users").size());
    }

    @Test
    void theSeatLimitRefusesOneUserTooMany() {
        SANDBOX.settings(Map.of("seatLimit", 2));
        create("a@example.com");
        create("b@example.com", el("active", false));
        SoapAnswer full = fault("TooManyUsersFault", createUser("c@example.com"));
        assertTrue(full.faultDetail("message").contains("2"));
        ok(SoapRequest.of("deleteUser", el("userName", "a@example.com")));
        create("c@example.com");
    }

    @Test
    void extensionsAreUnique() {
        create("a@example.com", el("extension", "2001"));
        SoapAnswer taken = fault("ExtensionAlreadyInUseFault", createUser("b@example.com", el("extension", "2001")));
        assertEquals("2001", taken.faultDetail("ext"));
        create("b@example.com", el("extension", "2002"));
        fault("ExtensionAlreadyInUseFault", modify(modifiedInfo("b@example.com", el("extension", "2001"))));
        fault("InvalidUserDataFault", createUser("c@example.com", el("extension", "12a")));
    }

    @Test
    void userNamePatternIsARegularExpression() {
        create("ann@example.com");
        create("joann@example.com");
        create("bob@example.com");
        assertEquals(List.of("ann@example.com", "joann@example.com"),
                ok(usersInfo("ann@")).texts("return/generalInfo/userName"), "unanchored");
        assertEquals(List.of("ann@example.com"), ok(usersInfo("^ann@example\\.com$")).texts("return/generalInfo/userName"));
        assertEquals(3, ok(SoapRequest.of("getUsersGeneralInfo")).texts("return/userName").size(), "no pattern: all");
        assertEquals(List.of("bob@example.com"), ok(SoapRequest.of("getUsersGeneralInfo",
                el("userNamePattern", "^b"))).texts("return/userName"));
        SoapAnswer bad = fault("InvalidRegexpPatternFault", usersInfo("(unclosed"));
        assertEquals("(unclosed", bad.faultDetail("pattern"));
        fault("InvalidRegexpPatternFault", SoapRequest.of("getUsersGeneralInfo", el("userNamePattern", "[")));
    }

    @Test
    void modifyUserReplacesTheWholeGeneralInfo() {
        create(JANE, el("phoneNumber", "+14155550100"), el("extension", "3001"));
        SoapAnswer modified = ok(modify(modifiedInfo(JANE, el("active", false))));
        assertEquals("modifyUserResponse", modified.name());
        assertEquals("Janet Doe", modified.text("return/generalInfo/fullName"));
        assertEquals("false", modified.text("return/generalInfo/active"));
        assertNull(modified.text("return/generalInfo/phoneNumber"), "a field left out is cleared");
        assertEquals("3001", modified.text("return/generalInfo/extension"), "the extension stays");
        SoapAnswer partial = fault("InvalidUserDataFault", SoapRequest.of("modifyUser",
                el("userGeneralInfo", el("userName", JANE), el("active", true))));
        assertTrue(partial.faultDetail("message").contains("firstName"));
        assertEquals("false", ok(usersInfo("^jane")).text("return/generalInfo/active"));
    }

    @Test
    void userNameIsReadOnlyAndIdentifiesTheUser() {
        String id = create(JANE).text("return/generalInfo/id");
        fault("CantModifyObjectFault", modify(modifiedInfo("jane.smith@example.com", el("id", id))));
        SoapAnswer unknown = fault("UserNotFoundFault", modify(modifiedInfo("jane.smith@example.com")));
        assertEquals("jane.smith@example.com", unknown.faultDetail("userName"));
        assertEquals(List.of(JANE), ok(usersInfo("")).texts("return/generalInfo/userName"));
    }

    @Test
    void rolesAreSetAndRemovedButOneMustStay() {
        create(JANE);
        SoapAnswer withSupervisor = ok(modify(modifiedInfo(JANE), el("rolesToSet", el("supervisor",
                el("permissions", el("type", "Agents"), el("value", true))))));
        assertEquals(List.of("agent", "supervisor"), childNames(withSupervisor));
        SoapAnswer supervisorOnly = ok(modify(modifiedInfo(JANE), el("rolesToRemove", "Agent")));
        assertEquals(List.of("supervisor"), childNames(supervisorOnly));
        fault("UserHasNoRequiredRoleFault", modify(modifiedInfo(JANE), el("rolesToRemove", "Supervisor")));
        fault("IncorrectArgumentFault", modify(modifiedInfo(JANE), el("rolesToRemove", "Janitor")));
        assertEquals(Map.of("Agents", true), SANDBOX.state().getMap("users[0].roles.Supervisor"));
    }

    private static List<String> childNames(SoapAnswer answer) {
        return List.of("admin", "agent", "crmManager", "reporting", "supervisor").stream()
                .filter(role -> answer.text("return/roles/" + role) != null).toList();
    }

    @Test
    void deleteUserIsHardAndRefusedWhileTheUserIsUsed() {
        create(JANE);
        SANDBOX.put("users/" + JANE + "/used-in", List.of("Campaign Outbound Q4")).then().statusCode(200);
        SoapAnswer used = fault("UserCantBeDeletedFault", SoapRequest.of("deleteUser", el("userName", JANE)));
        assertEquals(JANE, used.faultDetail("userName"));
        assertTrue(used.faultDetail("message").contains("Campaign Outbound Q4"));
        SANDBOX.put("users/" + JANE + "/used-in", List.of()).then().statusCode(200);
        assertEquals("deleteUserResponse", ok(SoapRequest.of("deleteUser", el("userName", JANE))).name());
        assertEquals(List.of(), ok(usersInfo("")).texts("return"));
        fault("UserNotFoundFault", SoapRequest.of("deleteUser", el("userName", JANE)));
        SANDBOX.put("users/nobody@example.com/used-in", List.of()).then().statusCode(404);
    }
}
