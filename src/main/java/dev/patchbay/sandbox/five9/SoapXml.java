package dev.patchbay.sandbox.five9;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * SOAP 1.1 envelopes as DOM: parses requests (no DTDs, no external entities) and writes responses and
 * faults. Five9's payload children are unqualified; only the operation element and fault details are in
 * {@link #NS}.
 */
final class SoapXml {

    static final String NS = "http://service.admin.ws.five9.com/";
    static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    private final DocumentBuilderFactory parsers = DocumentBuilderFactory.newInstance();
    private final TransformerFactory writers = TransformerFactory.newInstance();

    SoapXml() {
        try {
            parsers.setNamespaceAware(true);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setXIncludeAware(false);
            parsers.setExpandEntityReferences(false);
            writers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            writers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    Document parse(byte[] xml) throws SAXException {
        return parse(new ByteArrayInputStream(xml));
    }

    Document parse(InputStream xml) throws SAXException {
        try {
            return builder().parse(xml);
        } catch (IOException e) {
            throw new SAXException(e);
        }
    }

    /** The operation element of a request envelope, or a Client fault. */
    Element operation(Document request) {
        Element envelope = request.getDocumentElement();
        if (!ENVELOPE_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw Five9Fault.client("The message is not a SOAP 1.1 envelope");
        }
        Element body = Xml.child(envelope, ENVELOPE_NS, "Body");
        Element operation = body == null ? null : Xml.firstElement(body);
        if (operation == null || !NS.equals(operation.getNamespaceURI())) {
            throw Five9Fault.client("The SOAP body holds no operation of " + NS);
        }
        return operation;
    }

    /** A response envelope whose body holds {@code ns2:{operation}Response}; answers that element. */
    Element response(String operation) {
        Document document = builder().newDocument();
        Element body = envelope(document);
        Element response = document.createElementNS(NS, "ns2:" + operation + "Response");
        body.appendChild(response);
        return response;
    }

    /** A fault envelope: faultcode, faultstring and the fault's detail element. */
    Document fault(Five9Fault fault) {
        Document document = builder().newDocument();
        Element body = envelope(document);
        Element soapFault = document.createElementNS(ENVELOPE_NS, "env:Fault");
        body.appendChild(soapFault);
        Xml.add(soapFault, "faultcode", "env:" + fault.code());
        Xml.add(soapFault, "faultstring", fault.getMessage());
        if (fault.name() != null) {
            Element detail = Xml.add(soapFault, "detail");
            Element name = document.createElementNS(NS, "ns2:" + fault.name());
            detail.appendChild(name);
            fault.details().forEach((field, values) -> values.forEach(value -> Xml.add(name, field, value)));
        }
        return document;
    }

    byte[] write(Document document) {
        try {
            Transformer transformer = writers.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element envelope(Document document) {
        Element envelope = document.createElementNS(ENVELOPE_NS, "env:Envelope");
        document.appendChild(envelope);
        envelope.appendChild(document.createElementNS(ENVELOPE_NS, "env:Header"));
        Element body = document.createElementNS(ENVELOPE_NS, "env:Body");
        envelope.appendChild(body);
        return body;
    }

    private synchronized DocumentBuilder builder() {
        try {
            return parsers.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
