package dev.patchbay.sandbox.five9;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading and adding the unqualified child elements of Five9's payloads. */
final class Xml {

    private Xml() {
    }

    static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    static Element child(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && (namespace == null ? element.getNamespaceURI() == null
                            : namespace.equals(element.getNamespaceURI()))) {
                return element;
            }
        }
        return null;
    }

    /** The unqualified child {@code name}, or null. */
    static Element child(Element parent, String name) {
        return parent == null ? null : child(parent, null, name);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        if (parent == null) {
            return children;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && element.getNamespaceURI() == null) {
                children.add(element);
            }
        }
        return children;
    }

    /** The trimmed text of the child {@code name}, or null when it is absent. */
    static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(child -> child.getTextContent().trim()).toList();
    }

    static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(null, name);
        parent.appendChild(child);
        return child;
    }

    /** Adds {@code <name>value</name>} unless value is null. */
    static Element add(Element parent, String name, Object value) {
        if (value == null) {
            return null;
        }
        Element child = add(parent, name);
        child.setTextContent(String.valueOf(value));
        return child;
    }
}
