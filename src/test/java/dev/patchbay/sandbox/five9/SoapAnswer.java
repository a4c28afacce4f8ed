package dev.patchbay.sandbox.five9;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A SOAP answer read by local names: {@code text("return/generalInfo/userName")} below the body's element. */
final class SoapAnswer {

    final int status;
    final Document document;
    final Element payload;

    SoapAnswer(int status, byte[] body) {
        this.status = status;
        try {
            document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + new String(body), e);
        }
        Element bodyElement = child(document.getDocumentElement(), "Body");
        payload = firstElement(bodyElement);
    }

    /** The payload element's local name: {@code createUserResponse} or {@code Fault}. */
    String name() {
        return payload.getLocalName();
    }

    /** The detail element's name of a fault, e.g. {@code UserNotFoundFault}. */
    String faultName() {
        Element detail = child(payload, "detail");
        return detail == null ? null : firstElement(detail).getLocalName();
    }

    String faultDetail(String field) {
        return text(firstElement(child(payload, "detail")), field);
    }

    String faultCode() {
        return text(payload, "faultcode");
    }

    String text(String path) {
        List<String> all = texts(path);
        return all.isEmpty() ? null : all.get(0);
    }

    List<String> texts(String path) {
        List<Element> level = List.of(payload);
        for (String name : path.split("/")) {
            List<Element> next = new ArrayList<>();
            level.forEach(element -> next.addAll(children(element, name)));
            level = next;
        }
        return level.stream().map(element -> element.getTextContent().trim()).toList();
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
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
