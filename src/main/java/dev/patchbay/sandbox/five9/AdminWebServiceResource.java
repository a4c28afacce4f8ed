package dev.patchbay.sandbox.five9;

import dev.patchbay.sandbox.kit.Fault;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Five9's Admin Web Service (Configuration Web Services v13) over SOAP 1.1, document/literal. Every
 * request passes, in order: HTTP Basic (wrong credentials: 401 with an HTML page), the admin user's
 * session (a second concurrent request: {@code SessionClosedFault}), injected faults, the envelope, the
 * domain's request limits ({@code OperationsLimitExceededFault}), then the operation. SOAP faults are HTTP 500.
 */
@Path("/sandbox/five9/wsadmin/v13/AdminWebService")
public class AdminWebServiceResource {

    static final String TEXT_XML = "text/xml;charset=utf-8";
    private static final String ERROR_PAGE = """
            <html><head><title>Error</title></head><body><h1>HTTP Status %d - %s</h1></body></html>
            """;

    private final BasicCredentials credentials;
    private final AdminSessions sessions;
    private final Five9Faults faults;
    private final Five9Settings settings;
    private final CallCounters counters;
    private final AdminOperations operations;
    private final Wsdl wsdl;
    private final SoapXml soap = new SoapXml();

    public AdminWebServiceResource(BasicCredentials credentials, AdminSessions sessions, Five9Faults faults,
            Five9Settings settings, CallCounters counters, AdminOperations operations, Wsdl wsdl) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.faults = faults;
        this.settings = settings;
        this.counters = counters;
        this.operations = operations;
        this.wsdl = wsdl;
    }

    /** {@code ?wsdl}: the service description, with this endpoint as its address. */
    @GET
    public Response describe(@Context HttpHeaders headers, @Context UriInfo uri) {
        if (credentials.adminUser(headers).isEmpty()) {
            return page(401, "Unauthorized").header("WWW-Authenticate", BasicCredentials.CHALLENGE).build();
        }
        if (!uri.getQueryParameters().containsKey("wsdl")) {
            return page(404, "Not Found").build();
        }
        return Response.ok(wsdl.at(uri.getAbsolutePath().toString()), TEXT_XML).build();
    }

    @POST
    @Consumes("text/xml")
    public Uni<Response> call(@Context HttpHeaders headers, byte[] body) {
        Optional<String> admin = credentials.adminUser(headers);
        if (admin.isEmpty()) {
            return Uni.createFrom().item(page(401, "Unauthorized")
                    .header("WWW-Authenticate", BasicCredentials.CHALLENGE).build());
        }
        try {
            sessions.open(admin.get());
        } catch (Five9Fault refused) {
            return Uni.createFrom().item(fault(refused));
        }
        Optional<Fault> fault = faults.nextFor(Five9Faults.SOAP);
        long delayMillis = fault.filter(f -> f.is(Fault.LATENCY)).map(Fault::millis).orElse(0L);
        if (fault.isPresent() && fault.get().is(Fault.TIMEOUT)) {
            delayMillis = settings.timeoutMs();
        }
        Response response;
        try {
            response = respond(fault, body);
        } catch (RuntimeException unexpected) {
            sessions.close(admin.get());
            throw unexpected;
        }
        Uni<Response> answer = Uni.createFrom().item(response);
        if (delayMillis > 0) {
            answer = answer.onItem().delayIt().by(Duration.ofMillis(delayMillis));
        }
        return answer.onTermination().invoke(() -> sessions.close(admin.get()));
    }

    /** The injected fault's answer, or the operation's. */
    private Response respond(Optional<Fault> fault, byte[] body) {
        if (fault.isPresent() && fault.get().is(Fault.STATUS)) {
            Response.ResponseBuilder status = page(fault.get().status(), "Injected failure");
            if (fault.get().retryAfterSeconds() != null) {
                status.header("Retry-After", fault.get().retryAfterSeconds());
            }
            return status.build();
        }
        if (fault.isPresent() && fault.get().is(Fault.TIMEOUT)) {
            return page(504, "Gateway Timeout").build();
        }
        if (fault.isPresent() && fault.get().is(Five9Faults.SOAP_FAULT)) {
            return fault(Five9Fault.of(fault.get().name(), fault.get().message()));
        }
        return run(body);
    }

    private Response run(byte[] body) {
        try {
            Element request = soap.operation(soap.parse(body));
            String name = request.getLocalName();
            AdminOperations.Operation operation = operations.operation(name);
            counters.acquire(operation.type());
            Element response = soap.response(name);
            operation.handler().handle(request, response);
            return Response.ok(soap.write(response.getOwnerDocument()), TEXT_XML).build();
        } catch (SAXException malformed) {
            return fault(Five9Fault.client("The request is not well-formed XML: " + malformed.getMessage()));
        } catch (Five9Fault fault) {
            return fault(fault);
        }
    }

    private Response fault(Five9Fault fault) {
        return Response.serverError().type(TEXT_XML).entity(soap.write(soap.fault(fault))).build();
    }

    private static Response.ResponseBuilder page(int status, String reason) {
        return Response.status(status).type("text/html;charset=utf-8").entity(ERROR_PAGE.formatted(status, reason));
    }
}
