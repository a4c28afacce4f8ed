package dev.patchbay.connector.five9;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.five9.soap.WsAdmin;
import dev.patchbay.connector.five9.soap.WsAdminService;
import jakarta.xml.ws.BindingProvider;
import java.net.URL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * The Admin Web Service through CXF, one port per admin user. Five9 refuses a second concurrent request
 * of one admin user, so each port is used by one call at a time: a call takes a free admin user, or
 * waits for the first.
 */
final class Five9Client {

    /** A call of the Admin Web Service; its declared faults are checked exceptions. */
    interface Call<T> {
        T on(WsAdmin port) throws Exception;
    }

    private static final URL WSDL = Five9Client.class.getClassLoader().getResource("wsdl/five9-admin-v13.wsdl");

    private final List<Port> ports = new ArrayList<>();
    private final Five9Failures failures = new Five9Failures(Clock.systemUTC());

    private record Port(WsAdmin admin, ReentrantLock lock) {
    }

    Five9Client(Five9Settings settings) {
        WsAdminService service = new WsAdminService(WSDL);
        for (Five9Settings.AdminUser user : settings.adminUsers()) {
            WsAdmin port = service.getWsAdminPort();
            BindingProvider binding = (BindingProvider) port;
            binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, settings.endpoint().toString());
            binding.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, user.name());
            binding.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, user.password());
            // Keep non-SOAP answers (HTML 401, 429) for HttpStatusInterceptor instead of an IOException.
            binding.getRequestContext().put("org.apache.cxf.transport.no_io_exceptions", true);
            Client client = ClientProxy.getClient(port);
            client.getInInterceptors().add(new HttpStatusInterceptor());
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(settings.requestTimeout().toMillis());
            policy.setReceiveTimeout(settings.requestTimeout().toMillis());
            policy.setAllowChunking(false);
            ((HTTPConduit) client.getConduit()).setClient(policy);
            ports.add(new Port(port, new ReentrantLock(true)));
        }
    }

    <T> T call(Call<T> call) {
        Port port = take();
        try {
            return call.on(port.admin());
        } catch (ConnectorException e) {
            throw e;
        } catch (Exception e) {
            throw failures.classify(e);
        } finally {
            port.lock().unlock();
        }
    }

    void run(Call<Void> call) {
        call(call);
    }

    private Port take() {
        for (Port port : ports) {
            if (port.lock().tryLock()) {
                return port;
            }
        }
        Port first = ports.get(0);
        first.lock().lock();
        return first;
    }
}
