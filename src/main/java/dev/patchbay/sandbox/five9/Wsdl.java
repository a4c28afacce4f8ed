package dev.patchbay.sandbox.five9;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The project's Five9 WSDL ({@value #RESOURCE}), served with the address it is asked at. */
@ApplicationScoped
public class Wsdl {

    static final String RESOURCE = "wsdl/five9-admin-v13.wsdl";
    private static final String WSDL_SOAP_NS = "http://schemas.xmlsoap.org/wsdl/soap/";

    private final SoapXml xml = new SoapXml();

    byte[] at(String address) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Document document = xml.parse(in);
            Element soapAddress = (Element) document.getElementsByTagNameNS(WSDL_SOAP_NS, "address").item(0);
            soapAddress.setAttribute("location", address);
            return xml.write(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException(RESOURCE + " is not well-formed", e);
        }
    }
}
