package dev.patchbay.provisioning.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.SkillScale;
import dev.patchbay.connector.WriteRoute;
import dev.patchbay.provisioning.SeatMapper;
import dev.patchbay.provisioning.StoredUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies a connection's policy: the desired seat of a user (mappings, then group rules merged —
 * highest license, best skill level in the vendor's scale, union of roles and queues — then values the IdP sent directly in
 * the Patchbay extension, which win by default), and the capabilities adjusted by offboarding choices.
 */
public final class SeatPolicy {

    private SeatPolicy() {
    }

    /** @param skills the vendor's skill scale: where two rules grant a skill, its better level wins */
    public static Seat desired(StoredUser user, List<String> groupNames, PolicyDocument policy, SkillScale skills) {
        Seat direct = SeatMapper.toSeat(user, groupNames);
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        fields.putAll(fromGroups(groupNames, policy, skills));
        boolean extensionWins = policy.extensionOverridesGroups() == null || policy.extensionOverridesGroups();
        direct.fields().forEach((field, value) -> {
            if (extensionWins || !fields.containsKey(field)) {
                fields.put(field, value);
            }
        });
        if (policy.mappings() != null) {
            for (PolicyDocument.Mapping mapping : policy.mappings()) {
                SeatField field = PolicyValidator.seatField(mapping.to());
                mapped(user, mapping).ifPresent(value -> fields.put(field,
                        field == SeatField.DIRECTORY_VISIBLE ? (Object) Boolean.parseBoolean(value) : value));
            }
        }
        return new Seat(direct.active(), fields);
    }

    /** The vendor's capabilities with the policy's offboarding additions (freeing the license). */
    public static Capabilities effective(Capabilities capabilities, PolicyDocument policy) {
        boolean removeLicense = policy.offboarding() != null && Boolean.TRUE.equals(policy.offboarding().removeLicense());
        boolean clearsLicense = capabilities.offboarding().stream().anyMatch(action ->
                action instanceof OffboardingAction.Clear clear && clear.field() == SeatField.LICENSE);
        if (!removeLicense || clearsLicense || capabilities.field(SeatField.LICENSE).route() != WriteRoute.FOLLOW_UP) {
            return capabilities;
        }
        List<OffboardingAction> offboarding = new ArrayList<>(capabilities.offboarding());
        int deactivate = offboarding.indexOf(new OffboardingAction.Deactivate());
        offboarding.add(deactivate < 0 ? offboarding.size() : deactivate + 1, new OffboardingAction.Clear(SeatField.LICENSE));
        return capabilities.toBuilder().offboarding(offboarding).build();
    }

    public static boolean recreatesOnImmutableChange(PolicyDocument policy) {
        return policy.immutableChanges() != null && Boolean.TRUE.equals(policy.immutableChanges().recreate());
    }

    public static boolean deletesOnIdpDelete(PolicyDocument policy) {
        return policy.offboarding() != null && "delete".equals(policy.offboarding().onDelete());
    }

    /** How long after the IdP's delete the vendor account is deleted (zero: at once). */
    public static java.time.Duration deleteDelay(PolicyDocument policy) {
        Integer days = policy.offboarding() == null ? null : policy.offboarding().deleteAfterDays();
        return java.time.Duration.ofDays(days == null ? 0 : days);
    }

    public static Set<String> rolesNeedingApproval(PolicyDocument policy) {
        return policy.approvals() == null || policy.approvals().roles() == null ? Set.of()
                : Set.copyOf(policy.approvals().roles());
    }

    private static Map<SeatField, Object> fromGroups(List<String> groupNames, PolicyDocument policy,
            SkillScale scale) {
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        if (policy.groupRules() == null) {
            return fields;
        }
        Set<String> memberOf = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        memberOf.addAll(groupNames);
        List<PolicyDocument.GroupRule> rules = policy.groupRules().stream()
                .filter(rule -> memberOf.contains(rule.group()))
                .sorted(Comparator.comparing((PolicyDocument.GroupRule rule) ->
                        rule.precedence() == null ? 0 : rule.precedence()).reversed())
                .toList();
        TreeSet<String> roles = new TreeSet<>();
        TreeSet<String> queues = new TreeSet<>();
        TreeSet<String> agentGroups = new TreeSet<>();
        Map<String, Integer> skills = new TreeMap<>();
        String license = null;
        for (PolicyDocument.GroupRule rule : rules) {
            if (rule.license() != null && (license == null || rank(policy, rule.license()) > rank(policy, license))) {
                license = rule.license();
            }
            if (rule.roles() != null) {
                roles.addAll(rule.roles());
            }
            if (rule.queues() != null) {
                queues.addAll(rule.queues());
            }
            if (rule.agentGroups() != null) {
                agentGroups.addAll(rule.agentGroups());
            }
            if (rule.skills() != null) {
                rule.skills().forEach((skill, level) -> skills.merge(skill, level, scale::best));
            }
            fields.putIfAbsent(SeatField.SITE, rule.site());
            fields.putIfAbsent(SeatField.DIRECTORY_VISIBLE, rule.directoryVisible());
            fields.putIfAbsent(SeatField.DIVISION, rule.division());
            fields.putIfAbsent(SeatField.TELEPHONY_REGION, rule.telephonyRegion());
            fields.putIfAbsent(SeatField.USER_PROFILE, rule.userProfile());
        }
        fields.values().removeIf(java.util.Objects::isNull);
        if (license != null) {
            fields.put(SeatField.LICENSE, license);
        }
        if (!roles.isEmpty()) {
            fields.put(SeatField.ROLES, Set.copyOf(roles));
        }
        if (!queues.isEmpty()) {
            fields.put(SeatField.QUEUES, Set.copyOf(queues));
        }
        if (!agentGroups.isEmpty()) {
            fields.put(SeatField.AGENT_GROUPS, Set.copyOf(agentGroups));
        }
        if (!skills.isEmpty()) {
            fields.put(SeatField.SKILLS, Map.copyOf(skills));
        }
        return fields;
    }

    /** A license's rank in licenseOrder; without an order the first rule (highest precedence) wins. */
    private static int rank(PolicyDocument policy, String license) {
        return policy.licenseOrder() == null ? -1 : policy.licenseOrder().indexOf(license);
    }

    private static Optional<String> mapped(StoredUser user, PolicyDocument.Mapping mapping) {
        String value = null;
        if (mapping.from() != null) {
            try {
                List<JsonNode> found = JsonUtils.findMatchingPaths(Path.fromString(mapping.from()),
                        user.data().attributes().deepCopy());
                value = found.stream().filter(node -> node.isValueNode() && !node.asText().isEmpty())
                        .map(JsonNode::asText).findFirst().orElse(null);
            } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
                value = null;
            }
        }
        if (value != null && mapping.transform() != null) {
            value = switch (mapping.transform()) {
                case "lowercase" -> value.toLowerCase(Locale.ROOT);
                case "uppercase" -> value.toUpperCase(Locale.ROOT);
                case "template" -> mapping.template().replace("{value}", value);
                case "lookup" -> mapping.table().get(value);
                default -> value;
            };
        }
        return Optional.ofNullable(value != null ? value : mapping.fallback());
    }
}
