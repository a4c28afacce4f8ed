package dev.patchbay.sandbox.five9;

import java.util.List;
import java.util.Map;

/**
 * What a createUser or modifyUser request says about a user: the general info's fields as text (id and
 * userName included, password apart), roles by element name, skills by name with their level, agent groups.
 */
record UserInput(Map<String, String> general, String password, Map<String, Five9User.Role> roles,
        Map<String, Integer> skills, List<String> agentGroups) {
}
