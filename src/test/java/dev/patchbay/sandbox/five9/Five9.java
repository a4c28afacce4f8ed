package dev.patchbay.sandbox.five9;

import static dev.patchbay.sandbox.five9.SoapRequest.el;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.sandbox.five9.SoapRequest.El;
import dev.patchbay.sandbox.kit.SandboxControl;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;

/** Shortcuts for tests that send SOAP to the Five9 sandbox over HTTP with its default admin users. */
final class Five9 {

    static final String ENDPOINT = "/sandbox/five9/wsadmin/v13/AdminWebService";
    static final String ADMIN = "sandbox-five9-admin";
    static final String SECOND_ADMIN = "sandbox-five9-admin2";
    static final String PASSWORD = "sandbox-five9-password";
    static final SandboxControl SANDBOX = new SandboxControl("/sandbox/five9");

    private Five9() {
    }

    static Response post(String user, String password, SoapRequest request) {
        return given().auth().preemptive().basic(user, password).contentType("text/xml;charset=UTF-8")
                .header("SOAPAction", "\"\"").body(request.xml()).post(ENDPOINT);
    }

    static SoapAnswer call(SoapRequest request) {
        return answer(post(ADMIN, PASSWORD, request));
    }

    static SoapAnswer answer(Response response) {
        return new SoapAnswer(response.statusCode(), response.asByteArray());
    }

    /** Calls and asserts a 200 answer with {@code {operation}Response}. */
    static SoapAnswer ok(SoapRequest request) {
        SoapAnswer answer = call(request);
        assertEquals(200, answer.status, () -> "expected success, got " + answer.faultName() + ": "
                + answer.text("faultstring"));
        return answer;
    }

    /** Calls and asserts an HTTP 500 SOAP fault with that detail element. */
    static SoapAnswer fault(String faultName, SoapRequest request) {
        SoapAnswer answer = call(request);
        assertEquals(500, answer.status, "HTTP status of a SOAP fault");
        assertEquals("Fault", answer.name());
        assertEquals(faultName, answer.faultName(), () -> "faultstring: " + answer.text("faultstring"));
        return answer;
    }

    /** A general info with the fields Five9 requires, plus {@code extra}. */
    static El generalInfo(String userName, El... extra) {
        List<El> fields = new ArrayList<>(List.of(el("EMail", "jane.doe@example.com"), el("firstName", "Jane"),
                el("lastName", "Doe"), el("password", "Temp#12345"), el("userName", userName)));
        fields.addAll(List.of(extra));
        return el("generalInfo", fields);
    }

    static El agentRole() {
        return el("roles", el("agent", el("alwaysRecorded", false), el("attachVmToEmail", false),
                el("permissions", el("type", "ReceiveTransfer"), el("value", true)), el("sendEmailOnVm", false)));
    }

    static SoapRequest createUser(String userName, El... generalExtra) {
        return SoapRequest.of("createUser", el("userInfo", generalInfo(userName, generalExtra), agentRole()));
    }

    static SoapAnswer create(String userName, El... generalExtra) {
        return ok(createUser(userName, generalExtra));
    }

    static SoapRequest usersInfo(String pattern) {
        return SoapRequest.of("getUsersInfo", el("userNamePattern", pattern));
    }

    static SoapRequest skill(String operation, String userName, String skillName, Object level) {
        return SoapRequest.of(operation, el("userSkill", el("level", level), el("skillName", skillName),
                el("userName", userName)));
    }
}
