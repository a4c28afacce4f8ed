package dev.patchbay.sandbox.five9;

import static dev.patchbay.sandbox.five9.Five9.SANDBOX;
import static dev.patchbay.sandbox.five9.Five9.agentRole;
import static dev.patchbay.sandbox.five9.Five9.call;
import static dev.patchbay.sandbox.five9.Five9.createUser;
import static dev.patchbay.sandbox.five9.Five9.skill;
import static dev.patchbay.sandbox.five9.Five9.usersInfo;
import static dev.patchbay.sandbox.five9.SoapRequest.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the simulator answers is valid against the schema of the WSDL the connector's client is generated
 * from: every response element and every fault's detail element.
 */
@QuarkusTest
class WsdlConformanceTest {

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(Wsdl.RESOURCE)) {
            Document wsdl = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(in);
            Element xsd = (Element) wsdl.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new DOMSource(xsd));
        }
    }

    @BeforeEach
    void reset() {
        SANDBOX.reset();
    }

    @Test
    void responsesAreValid() {
        List<SoapAnswer> answers = new ArrayList<>();
        answers.add(call(SoapRequest.of("createUser", el("userInfo", el("agentGroups", "Tier 1"),
                Five9.generalInfo("jane@example.com", el("federationId", "jane@idp"), el("startDate",
                        "2026-12-01T00:00:00Z")), agentRole(), el("skills", el("level", 2), el("skillName", "Sales"))))));
        answers.add(call(SoapRequest.of("createUser", el("userInfo", Five9.generalInfo("boss@example.com"),
                el("roles", el("admin", el("permissions", el("type", "ManageUsers"), el("value", true))),
                        el("supervisor", el("permissions", el("type", "Agents"), el("value", true))))))));
        answers.add(call(usersInfo("")));
        answers.add(call(SoapRequest.of("getUsersGeneralInfo")));
        answers.add(call(SoapRequest.of("modifyUser", el("userGeneralInfo", el("active", false),
                el("EMail", "jane@example.com"), el("firstName", "Jane"), el("lastName", "Doe"),
                el("userName", "jane@example.com")), el("rolesToRemove", "Reporting"))));
        answers.add(call(skill("userSkillAdd", "jane@example.com", "Support", 5)));
        answers.add(call(skill("userSkillModify", "jane@example.com", "Support", 6)));
        answers.add(call(skill("userSkillRemove", "jane@example.com", "Support", 6)));
        answers.add(call(SoapRequest.of("getSkills")));
        answers.add(call(SoapRequest.of("modifyAgentGroup", el("group", el("name", "Tier 2")),
                el("addAgents", "jane@example.com"))));
        answers.add(call(SoapRequest.of("getAgentGroups")));
        answers.add(call(SoapRequest.of("modifyUserProfileUserList", el("userProfileName", "Agent Profile"),
                el("addUsers", "jane@example.com"))));
        answers.add(call(SoapRequest.of("getCallCountersState")));
        answers.add(call(SoapRequest.of("deleteUser", el("userName", "boss@example.com"))));
        for (SoapAnswer answer : answers) {
            assertEquals(200, answer.status, () -> answer.name() + " " + answer.faultName());
            validate(answer.payload);
        }
    }

    @Test
    void faultDetailsAreValid() {
        List<SoapAnswer> faults = new ArrayList<>();
        call(createUser("jane@example.com", el("extension", "4001")));
        faults.add(call(createUser("jane@example.com")));
        faults.add(call(createUser("john@example.com", el("extension", "4001"))));
        faults.add(call(SoapRequest.of("createUser", el("userInfo", Five9.generalInfo("nobody@example.com")))));
        faults.add(call(SoapRequest.of("modifyAgentGroup", el("group", el("name", "Tier 9")))));
        faults.add(call(usersInfo("(")));
        faults.add(call(skill("userSkillRemove", "jane@example.com", "Sales", 1)));
        faults.add(call(skill("userSkillAdd", "jane@example.com", "Juggling", 1)));
        faults.add(call(SoapRequest.of("deleteUser", el("userName", "nobody@example.com"))));
        SANDBOX.settings(Map.of("modifyPerMinute", 1, "modifyPerHour", 1));
        call(skill("userSkillAdd", "jane@example.com", "Sales", 1));
        faults.add(call(skill("userSkillAdd", "jane@example.com", "Support", 1)));
        SANDBOX.fault(Map.of("type", "soapFault", "name", "SessionClosedFault"));
        faults.add(call(SoapRequest.of("getSkills")));
        for (SoapAnswer fault : faults) {
            assertEquals(500, fault.status);
            assertNotNull(fault.faultName(), () -> fault.text("faultstring"));
            validate(firstElement((Element) fault.payload.getElementsByTagName("detail").item(0)));
        }
    }

    private static void validate(Element element) {
        try {
            Validator validator = schema.newValidator();
            validator.validate(new DOMSource(element));
        } catch (Exception e) {
            throw new AssertionError(element.getLocalName() + " is not valid against the WSDL: " + e.getMessage(), e);
        }
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }
}
