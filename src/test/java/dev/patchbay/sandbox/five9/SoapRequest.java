package dev.patchbay.sandbox.five9;

import java.io.StringWriter;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A Five9 request envelope built as a tree: {@code SoapRequest.of("deleteUser", el("userName", "a@b.c"))};
 * children are unqualified, as a client generated from the WSDL sends them.
 */
final class SoapRequest {

    /** An element with text or child elements. */
    record El(String name, String text, List<El> children) {
    }

    private final String operation;
    private final List<El> children;

    private SoapRequest(String operation, List<El> children) {
        this.operation = operation;
        this.children = children;
    }

    static SoapRequest of(String operation, El... children) {
        return new SoapRequest(operation, List.of(children));
    }

    /** An element holding text, or the one child element {@code content} is. */
    static El el(String name, Object content) {
        return content instanceof El child ? new El(name, null, List.of(child))
                : new El(name, String.valueOf(content), List.of());
    }

    static El el(String name, El... children) {
        return new El(name, null, List.of(children));
    }

    static El el(String name, List<El> children) {
        return new El(name, null, children);
    }

    /** The envelope as text. */
    String xml() {
        try {
            Document document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
            Element envelope = document.createElementNS(SoapXml.ENVELOPE_NS, "soapenv:Envelope");
            document.appendChild(envelope);
            envelope.appendChild(document.createElementNS(SoapXml.ENVELOPE_NS, "soapenv:Header"));
            Element body = document.createElementNS(SoapXml.ENVELOPE_NS, "soapenv:Body");
            envelope.appendChild(body);
            Element operationElement = document.createElementNS(SoapXml.NS, "ser:" + operation);
            body.appendChild(operationElement);
            children.forEach(child -> append(operationElement, child));
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(Element parent, El el) {
        Element element = parent.getOwnerDocument().createElementNS(null, el.name());
        parent.appendChild(element);
        if (el.text() != null) {
            element.setTextContent(el.text());
        }
        el.children().forEach(child -> append(element, child));
    }
}
