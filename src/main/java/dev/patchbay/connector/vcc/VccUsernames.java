package dev.patchbay.connector.vcc;

import java.util.regex.Pattern;

/**
 * The rule that turns an IdP userName into a VCC username, which may hold only letters, digits and '_'
 * and can never change: the connection's template ({@code {userName}} by default; also {@code {localPart}},
 * the part before '@', and {@code {domain}}, the part after it) is filled in, then every other character
 * becomes '_'. {@code jane.doe@example.com} → {@code jane_doe_example_com}. The rule is deterministic,
 * so two IdP users may map to one username: the second is refused, never merged into the first.
 */
final class VccUsernames {

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_]");

    private final String template;

    VccUsernames(String template) {
        this.template = template;
    }

    String of(String idpUserName) {
        int at = idpUserName.lastIndexOf('@');
        String local = at < 0 ? idpUserName : idpUserName.substring(0, at);
        String domain = at < 0 ? "" : idpUserName.substring(at + 1);
        String filled = template.replace("{userName}", idpUserName).replace("{localPart}", local)
                .replace("{domain}", domain);
        return NOT_ALLOWED.matcher(filled).replaceAll("_");
    }

    /** Whether a template names the IdP user at all (else every user would map to one username). */
    static boolean usable(String template) {
        return template.contains("{userName}") || template.contains("{localPart}");
    }
}
