package dev.patchbay.provisioning.policy;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.SkillScale;
import dev.patchbay.connector.WriteRoute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a policy against the connection's vendor: no field the vendor drops, no recreate where the
 * vendor cannot retire an account, skill levels in the vendor's scale, and — where the vendor's
 * catalogue could be read — only licenses, roles, skills, queues, divisions and sites the vendor has.
 */
public final class VendorPolicyValidator {

    private static final int NAMES_SHOWN = 10;

    private VendorPolicyValidator() {
    }

    /** @param catalogue the names the vendor knows per field; a field without an entry is not checked */
    public static List<PolicyValidator.Violation> validate(PolicyDocument policy, String name,
            Capabilities capabilities, Map<SeatField, Set<String>> catalogue) {
        List<PolicyValidator.Violation> violations = new ArrayList<>();
        if (SeatPolicy.recreatesOnImmutableChange(policy) && !capabilities.can(Operation.RETIRE)) {
            violations.add(new PolicyValidator.Violation("immutableChanges.recreate", name
                    + " cannot retire an account, so it cannot recreate one; leave recreate off (a task is raised)"));
        }
        if (policy.licenseOrder() != null) {
            dropped("licenseOrder", SeatField.LICENSE, capabilities, name, violations);
            known("licenseOrder", SeatField.LICENSE, policy.licenseOrder(), catalogue, name, violations);
        }
        if (policy.mappings() != null) {
            for (int i = 0; i < policy.mappings().size(); i++) {
                SeatField field = PolicyValidator.seatField(policy.mappings().get(i).to());
                if (field != null) {
                    dropped("mappings[" + i + "].to", field, capabilities, name, violations);
                }
            }
        }
        if (policy.groupRules() != null) {
            for (int i = 0; i < policy.groupRules().size(); i++) {
                rule("groupRules[" + i + "]", policy.groupRules().get(i), capabilities, catalogue, name, violations);
            }
        }
        if (policy.approvals() != null && policy.approvals().roles() != null) {
            known("approvals.roles", SeatField.ROLES, policy.approvals().roles(), catalogue, name, violations);
        }
        return violations;
    }

    private static void rule(String place, PolicyDocument.GroupRule rule, Capabilities capabilities,
            Map<SeatField, Set<String>> catalogue, String name, List<PolicyValidator.Violation> violations) {
        check(place + ".license", SeatField.LICENSE, rule.license() == null ? null : List.of(rule.license()),
                capabilities, catalogue, name, violations);
        check(place + ".roles", SeatField.ROLES, rule.roles(), capabilities, catalogue, name, violations);
        check(place + ".queues", SeatField.QUEUES, rule.queues(), capabilities, catalogue, name, violations);
        check(place + ".agentGroups", SeatField.AGENT_GROUPS, rule.agentGroups(), capabilities, catalogue, name,
                violations);
        check(place + ".site", SeatField.SITE, rule.site() == null ? null : List.of(rule.site()), capabilities,
                catalogue, name, violations);
        check(place + ".division", SeatField.DIVISION, rule.division() == null ? null : List.of(rule.division()),
                capabilities, catalogue, name, violations);
        check(place + ".telephonyRegion", SeatField.TELEPHONY_REGION,
                rule.telephonyRegion() == null ? null : List.of(rule.telephonyRegion()), capabilities, catalogue, name,
                violations);
        check(place + ".userProfile", SeatField.USER_PROFILE,
                rule.userProfile() == null ? null : List.of(rule.userProfile()), capabilities, catalogue, name, violations);
        if (rule.directoryVisible() != null) {
            dropped(place + ".directoryVisible", SeatField.DIRECTORY_VISIBLE, capabilities, name, violations);
        }
        if (rule.skills() != null && !rule.skills().isEmpty()) {
            check(place + ".skills", SeatField.SKILLS, rule.skills().keySet(), capabilities, catalogue, name,
                    violations);
            SkillScale scale = capabilities.skillScale();
            rule.skills().forEach((skill, level) -> {
                if (level != null && !scale.accepts(level)) {
                    violations.add(new PolicyValidator.Violation(place + ".skills." + skill,
                            "must be a level from " + scale.lowest() + " to " + scale.highest() + " (" + name + ": "
                                    + (scale.higherIsBetter() ? "higher" : "lower") + " is better)"));
                }
            });
        }
    }

    private static void check(String place, SeatField field, Collection<String> values, Capabilities capabilities,
            Map<SeatField, Set<String>> catalogue, String name, List<PolicyValidator.Violation> violations) {
        if (values == null || values.isEmpty()) {
            return;
        }
        if (!dropped(place, field, capabilities, name, violations)) {
            known(place, field, values, catalogue, name, violations);
        }
    }

    private static boolean dropped(String place, SeatField field, Capabilities capabilities, String name,
            List<PolicyValidator.Violation> violations) {
        if (capabilities.field(field).route() != WriteRoute.DROP) {
            return false;
        }
        violations.add(new PolicyValidator.Violation(place, name + " does not take "
                + PolicyValidator.policyName(field) + ": Patchbay would never send it"));
        return true;
    }

    private static String noun(SeatField field) {
        return switch (field) {
            case ROLES -> "role";
            case SKILLS -> "skill";
            case QUEUES -> "queue";
            case AGENT_GROUPS -> "agent group";
            case TELEPHONY_REGION -> "telephony region";
            case USER_PROFILE -> "user profile";
            default -> PolicyValidator.policyName(field);
        };
    }

    private static void known(String place, SeatField field, Collection<String> values,
            Map<SeatField, Set<String>> catalogue, String name, List<PolicyValidator.Violation> violations) {
        Set<String> names = catalogue.get(field);
        if (names == null) {
            return;
        }
        for (String value : values) {
            if (!names.contains(value)) {
                TreeSet<String> sorted = new TreeSet<>(names);
                String shown = String.join(", ", sorted.stream().limit(NAMES_SHOWN).toList())
                        + (sorted.size() > NAMES_SHOWN ? ", …" : "");
                violations.add(new PolicyValidator.Violation(place, "'" + value + "' is not a " + noun(field) + " "
                        + name + " knows"
                        + (names.isEmpty() ? " (it lists none)" : "; it has " + shown)));
            }
        }
    }
}
