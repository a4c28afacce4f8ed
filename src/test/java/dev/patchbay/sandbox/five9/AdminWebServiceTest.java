package dev.patchbay.sandbox.five9;

import static dev.patchbay.sandbox.five9.Five9.ADMIN;
import static dev.patchbay.sandbox.five9.Five9.ENDPOINT;
import static dev.patchbay.sandbox.five9.Five9.PASSWORD;
import static dev.patchbay.sandbox.five9.Five9.SANDBOX;
import static dev.patchbay.sandbox.five9.Five9.SECOND_ADMIN;
import static dev.patchbay.sandbox.five9.Five9.answer;
import static dev.patchbay.sandbox.five9.Five9.fault;
import static dev.patchbay.sandbox.five9.Five9.ok;
import static dev.patchbay.sandbox.five9.Five9.post;
import static dev.patchbay.sandbox.five9.SoapRequest.el;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The service as a SOAP endpoint: envelopes, the WSDL, HTTP Basic, one request at a time per admin user. */
@QuarkusTest
class AdminWebServiceTest {

    @BeforeEach
    void reset() {
        SANDBOX.reset();
    }

    @Test
    void answersAreSoap11EnvelopesWithAQualifiedResponseAndUnqualifiedChildren() {
        SoapAnswer answer = ok(SoapRequest.of("getSkills"));
        Element envelope = answer.document.getDocumentElement();
        assertEquals(SoapXml.ENVELOPE_NS, envelope.getNamespaceURI());
        assertEquals("Envelope", envelope.getLocalName());
        assertEquals("Header", ((Element) firstElement(envelope)).getLocalName());
        assertEquals("getSkillsResponse", answer.payload.getLocalName());
        assertEquals(SoapXml.NS, answer.payload.getNamespaceURI());
        Element firstReturn = (Element) firstElement(answer.payload);
        assertEquals("return", firstReturn.getLocalName());
        assertNull(firstReturn.getNamespaceURI());
        post(ADMIN, PASSWORD, SoapRequest.of("getSkills")).then().contentType(startsWith("text/xml"));
    }

    @Test
    void wrongCredentialsGet401WithAnHtmlPage() {
        for (Response refused : List.of(post(ADMIN, "wrong", SoapRequest.of("getSkills")),
                post("somebody", PASSWORD, SoapRequest.of("getSkills")),
                given().contentType("text/xml").body(SoapRequest.of("getSkills").xml()).post(ENDPOINT))) {
            refused.then().statusCode(401).contentType(startsWith("text/html")).body(containsString("<html"))
                    .header("WWW-Authenticate", startsWith("Basic"));
        }
        assertEquals(0, SANDBOX.state().getInt("callCounters.Query.minute.value"), "refused requests do not count");
    }

    @Test
    void theWsdlIsServedWithThisEndpointAsItsAddress() {
        String wsdl = given().auth().preemptive().basic(ADMIN, PASSWORD).get(ENDPOINT + "?wsdl").then()
                .statusCode(200).contentType(startsWith("text/xml")).extract().asString();
        assertTrue(wsdl.contains("targetNamespace=\"http://service.admin.ws.five9.com/\""));
        assertTrue(wsdl.contains("location=\"" + RestAssured.baseURI + ":" + RestAssured.port + ENDPOINT + "\""), wsdl);
        assertTrue(wsdl.contains("<wsdl:operation name=\"modifyUserProfileUserList\">"));
        given().get(ENDPOINT + "?wsdl").then().statusCode(401);
    }

    @Test
    void malformedRequestsGetClientFaults() {
        for (String body : List.of("not xml", "<a/>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")) {
            SoapAnswer answer = answer(given().auth().preemptive().basic(ADMIN, PASSWORD).contentType("text/xml")
                    .body(body).post(ENDPOINT));
            assertEquals(500, answer.status);
            assertEquals("env:Client", answer.faultCode(), body);
            assertNull(answer.faultName());
        }
        SoapAnswer unknown = Five9.call(SoapRequest.of("getCampaigns"));
        assertEquals(500, unknown.status);
        assertEquals("env:Client", unknown.faultCode());
        given().auth().preemptive().basic(ADMIN, PASSWORD).contentType("application/json").body("{}").post(ENDPOINT)
                .then().statusCode(415);
    }

    @Test
    void childElementsMustBeUnqualified() {
        // A client that qualifies userInfo sends no userInfo at all, as far as the schema goes.
        String qualified = SoapRequest.of("createUser", el("userInfo", Five9.generalInfo("a@example.com"),
                Five9.agentRole())).xml().replace("<userInfo>", "<ser:userInfo>").replace("</userInfo>", "</ser:userInfo>");
        SoapAnswer answer = answer(given().auth().preemptive().basic(ADMIN, PASSWORD).contentType("text/xml")
                .body(qualified).post(ENDPOINT));
        assertEquals("MissedArgumentFault", answer.faultName());
    }

    @Test
    void aSecondConcurrentRequestOfOneAdminUserIsRefused() throws Exception {
        SANDBOX.fault(Map.of("type", "latency", "millis", 1500));
        CompletableFuture<SoapAnswer> slow = CompletableFuture.supplyAsync(() -> Five9.call(SoapRequest.of("getSkills")));
        waitUntilBusy(ADMIN);
        SoapAnswer refused = fault("SessionClosedFault", SoapRequest.of("getSkills"));
        assertTrue(refused.faultDetail("message").contains("concurrently"));
        // Another admin user has a session of its own.
        assertEquals(200, answer(post(SECOND_ADMIN, PASSWORD, SoapRequest.of("getSkills"))).status);
        assertEquals(200, slow.get(10, TimeUnit.SECONDS).status);
        ok(SoapRequest.of("getSkills"));
        assertEquals(List.of(), SANDBOX.state().getList("sessionsInFlight"));
    }

    private static void waitUntilBusy(String adminUser) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (SANDBOX.state().getList("sessionsInFlight").contains(adminUser)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(adminUser + " never had a request in flight");
    }

    private static Node firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                return node;
            }
        }
        return null;
    }
}
