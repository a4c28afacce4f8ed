package dev.patchbay.sandbox.five9;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A user of the simulated domain: its general info, roles, skills with levels, and what refers to it. */
final class Five9User {

    final long id;
    final String userName;
    /** The scalar fields of userGeneralInfo other than id, userName, password and userProfileName. */
    final Map<String, String> general = new LinkedHashMap<>();
    String password;
    String userProfileName;
    /** By role element name (admin, agent, crmManager, reporting, supervisor), in the schema's order. */
    final Map<String, Role> roles = new TreeMap<>();
    /** Skill name → level, 1 (highest priority) to 10. */
    final Map<String, Integer> skills = new LinkedHashMap<>();
    /** Objects that refer to the user (set through the control API); they keep it from being deleted. */
    final List<String> usedIn = new ArrayList<>();

    Five9User(long id, String userName) {
        this.id = id;
        this.userName = userName;
    }

    /** One role: its permissions, and the agent role's three flags. */
    record Role(Map<String, Boolean> permissions, Map<String, Boolean> flags) {
    }

    boolean hasAgentOrSupervisorRole() {
        return roles.containsKey("agent") || roles.containsKey("supervisor");
    }

    String extension() {
        return general.get("extension");
    }
}
