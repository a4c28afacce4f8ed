package dev.patchbay.connector.five9;

import dev.patchbay.connector.five9.soap.AdminRole;
import dev.patchbay.connector.five9.soap.AgentRole;
import dev.patchbay.connector.five9.soap.ReportingRole;
import dev.patchbay.connector.five9.soap.SupervisorRole;
import dev.patchbay.connector.five9.soap.UserRoleType;
import dev.patchbay.connector.five9.soap.UserRoles;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The roles Patchbay manages (Agent, Supervisor, Administrator, Reporting) and Five9's userRoles for them. */
final class Five9Roles {

    static final Map<String, UserRoleType> TYPES = Map.of("Agent", UserRoleType.AGENT,
            "Supervisor", UserRoleType.SUPERVISOR, "Administrator", UserRoleType.DOMAIN_ADMIN,
            "Reporting", UserRoleType.REPORTING);

    private Five9Roles() {
    }

    /** The managed roles a user holds (CrmManager is left to Five9 admins). */
    static Set<String> held(UserRoles roles) {
        Set<String> held = new TreeSet<>();
        if (roles == null) {
            return held;
        }
        if (roles.getAgent() != null) {
            held.add("Agent");
        }
        if (roles.getSupervisor() != null) {
            held.add("Supervisor");
        }
        if (roles.getAdmin() != null) {
            held.add("Administrator");
        }
        if (roles.getReporting() != null) {
            held.add("Reporting");
        }
        return held;
    }

    /** userRoles granting {@code names}, each with Five9's default permissions. */
    static UserRoles granting(Collection<String> names) {
        UserRoles roles = new UserRoles();
        for (String name : names) {
            switch (name) {
                case "Agent" -> roles.setAgent(agent());
                case "Supervisor" -> roles.setSupervisor(new SupervisorRole());
                case "Administrator" -> roles.setAdmin(new AdminRole());
                case "Reporting" -> roles.setReporting(new ReportingRole());
                default -> throw new dev.patchbay.connector.ConnectorException.Rejected("Five9 has no role '" + name
                        + "'; known: " + String.join(", ", new TreeSet<>(TYPES.keySet())));
            }
        }
        return roles;
    }

    static List<UserRoleType> types(Collection<String> names) {
        return names.stream().map(TYPES::get).toList();
    }

    private static AgentRole agent() {
        AgentRole agent = new AgentRole();
        agent.setAlwaysRecorded(false);
        agent.setAttachVmToEmail(false);
        agent.setSendEmailOnVm(false);
        return agent;
    }
}
