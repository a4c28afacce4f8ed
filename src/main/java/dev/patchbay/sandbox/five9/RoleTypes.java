package dev.patchbay.sandbox.five9;

import java.util.Map;

/** Five9's userRoleType values and the userRoles elements they name. */
final class RoleTypes {

    static final Map<String, String> ELEMENT_BY_TYPE = Map.of("DomainAdmin", "admin", "Agent", "agent",
            "Supervisor", "supervisor", "Reporting", "reporting", "CrmManager", "crmManager");

    private RoleTypes() {
    }

    /** The userRoles element of a userRoleType, or an IncorrectArgumentFault. */
    static String element(String roleType) {
        String element = ELEMENT_BY_TYPE.get(roleType);
        if (element == null) {
            throw Five9Fault.incorrectArgument("Unknown role type " + roleType + "; known: "
                    + String.join(", ", ELEMENT_BY_TYPE.keySet().stream().sorted().toList()));
        }
        return element;
    }

    static String type(String element) {
        return ELEMENT_BY_TYPE.entrySet().stream().filter(entry -> entry.getValue().equals(element))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
