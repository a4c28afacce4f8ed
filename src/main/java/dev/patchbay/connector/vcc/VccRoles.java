package dev.patchbay.connector.vcc;

import dev.patchbay.connector.ConnectorException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seat roles ↔ VCC's {@code userAccountConfiguration}: one role of Admin, Supervisor, Wallboard and Agent
 * (the highest the seat holds, in that order; the connection's default when it holds none) and
 * {@code ActAsAgent} for "allow to act as agent" on a role other than Agent, which VCC can never revoke.
 */
final class VccRoles {

    static final List<String> RANK = List.of("Admin", "Supervisor", "Wallboard", "Agent");
    static final String ACT_AS_AGENT = "ActAsAgent";
    static final String AGENT = "Agent";

    private VccRoles() {
    }

    /** The names a policy may use. */
    static Set<String> names() {
        TreeSet<String> names = new TreeSet<>(RANK);
        names.add(ACT_AS_AGENT);
        return names;
    }

    static String role(Collection<String> roles, String defaultRole) {
        if (roles != null) {
            for (String role : roles) {
                if (!names().contains(role)) {
                    throw new ConnectorException.Rejected("Vonage Contact Center has no role '" + role + "' (roles: "
                            + String.join(", ", names()) + ")");
                }
            }
            for (String rank : RANK) {
                if (roles.contains(rank)) {
                    return rank;
                }
            }
        }
        return defaultRole;
    }

    static boolean actsAsAgent(Collection<String> roles, String role) {
        return AGENT.equals(role) || roles != null && roles.contains(ACT_AS_AGENT);
    }

    static Set<String> seatRoles(String role, boolean actAsAgent) {
        return AGENT.equals(role) || !actAsAgent ? Set.of(role) : Set.of(role, ACT_AS_AGENT);
    }
}
