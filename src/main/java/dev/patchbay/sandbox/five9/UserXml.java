package dev.patchbay.sandbox.five9;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/** Reads users from and writes them to Five9's userInfo, userGeneralInfo, userRoles and userSkill elements. */
final class UserXml {

    /** userGeneralInfo's fields in the schema's order (mediaTypeConfig is accepted and not kept). */
    static final List<String> GENERAL_FIELDS = List.of("active", "canChangePassword", "EMail", "extension",
            "federationId", "firstName", "fullName", "IEXScheduled", "id", "lastName", "locale", "mustChangePassword",
            "osLogin", "password", "phoneNumber", "startDate", "unifiedCommunicationId", "userName", "userProfileName");
    /** The fields kept as sent; fullName is derived, id and userName are the identity, the rest kept apart. */
    static final Set<String> STORED_FIELDS = Set.of("active", "canChangePassword", "EMail", "extension",
            "federationId", "firstName", "IEXScheduled", "lastName", "locale", "mustChangePassword", "osLogin",
            "phoneNumber", "startDate", "unifiedCommunicationId");
    static final List<String> BOOLEAN_FIELDS = List.of("active", "canChangePassword", "IEXScheduled",
            "mustChangePassword");
    private static final List<String> AGENT_FLAGS = List.of("alwaysRecorded", "attachVmToEmail", "sendEmailOnVm");

    private UserXml() {
    }

    static UserInput input(Element generalInfo, Element roles, List<Element> skills, List<String> agentGroups) {
        Map<String, String> general = new LinkedHashMap<>();
        for (String field : GENERAL_FIELDS) {
            String value = Xml.text(generalInfo, field);
            if (value != null && !field.equals("password")) {
                general.put(field, value);
            }
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        skills.forEach(skill -> levels.put(Xml.text(skill, "skillName"), level(skill)));
        return new UserInput(general, Xml.text(generalInfo, "password"), roles(roles), levels, agentGroups);
    }

    static Map<String, Five9User.Role> roles(Element userRoles) {
        Map<String, Five9User.Role> roles = new LinkedHashMap<>();
        if (userRoles == null) {
            return roles;
        }
        for (String element : RoleTypes.ELEMENT_BY_TYPE.values()) {
            Element role = Xml.child(userRoles, element);
            if (role == null) {
                continue;
            }
            Map<String, Boolean> permissions = new LinkedHashMap<>();
            for (Element permission : Xml.children(role, "permissions")) {
                permissions.put(Xml.text(permission, "type"), "true".equals(Xml.text(permission, "value")));
            }
            Map<String, Boolean> flags = new LinkedHashMap<>();
            if (element.equals("agent")) {
                AGENT_FLAGS.forEach(flag -> flags.put(flag, "true".equals(Xml.text(role, flag))));
            }
            roles.put(element, new Five9User.Role(permissions, flags));
        }
        return roles;
    }

    /** A userSkill's level, or null when it is absent; not a number is an IncorrectArgumentFault. */
    static Integer level(Element userSkill) {
        String level = Xml.text(userSkill, "level");
        if (level == null) {
            return null;
        }
        try {
            return Integer.valueOf(level);
        } catch (NumberFormatException e) {
            throw Five9Fault.incorrectArgument("level must be an integer, not " + level);
        }
    }

    static void writeUserInfo(Element parent, String name, Five9User user, List<String> agentGroups,
            Map<String, Long> skillIds) {
        Element info = Xml.add(parent, name);
        agentGroups.forEach(group -> Xml.add(info, "agentGroups", group));
        writeGeneral(info, "generalInfo", user);
        writeRoles(Xml.add(info, "roles"), user.roles);
        user.skills.forEach((skill, level) -> {
            Element userSkill = Xml.add(info, "skills");
            Xml.add(userSkill, "id", skillIds.get(skill));
            Xml.add(userSkill, "level", level);
            Xml.add(userSkill, "skillName", skill);
            Xml.add(userSkill, "userName", user.userName);
        });
    }

    /** The general info as Five9 answers it: never the password. */
    static void writeGeneral(Element parent, String name, Five9User user) {
        Element general = Xml.add(parent, name);
        for (String field : GENERAL_FIELDS) {
            Object value = switch (field) {
                case "id" -> user.id;
                case "userName" -> user.userName;
                case "userProfileName" -> user.userProfileName;
                case "password" -> null;
                default -> user.general.get(field);
            };
            Xml.add(general, field, value);
        }
    }

    private static void writeRoles(Element userRoles, Map<String, Five9User.Role> roles) {
        roles.forEach((element, role) -> {
            Element node = Xml.add(userRoles, element);
            if (element.equals("agent")) {
                Xml.add(node, "alwaysRecorded", role.flags().getOrDefault("alwaysRecorded", false));
                Xml.add(node, "attachVmToEmail", role.flags().getOrDefault("attachVmToEmail", false));
            }
            role.permissions().forEach((type, value) -> {
                Element permission = Xml.add(node, "permissions");
                Xml.add(permission, "type", type);
                Xml.add(permission, "value", value);
            });
            if (element.equals("agent")) {
                Xml.add(node, "sendEmailOnVm", role.flags().getOrDefault("sendEmailOnVm", false));
            }
        });
    }
}
