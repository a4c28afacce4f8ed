package dev.patchbay.provisioning.policy;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.patchbay.connector.SeatField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a policy's meaning (its shape is checked while reading JSON): each problem with its place. */
public final class PolicyValidator {

    public record Violation(String field, String message) {
    }

    /** Filled from group rules and the Patchbay extension, not from one attribute. */
    static final Set<SeatField> MULTI_VALUED = Set.of(SeatField.ROLES, SeatField.QUEUES, SeatField.GROUPS,
            SeatField.SKILLS, SeatField.AGENT_GROUPS);
    static final Set<String> TRANSFORMS = Set.of("lowercase", "uppercase", "template", "lookup");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private PolicyValidator() {
    }

    public static List<Violation> validate(PolicyDocument policy) {
        List<Violation> violations = new ArrayList<>();
        if (policy.mappings() != null) {
            for (int i = 0; i < policy.mappings().size(); i++) {
                mapping("mappings[" + i + "]", policy.mappings().get(i), violations);
            }
        }
        Set<String> licenses = policy.licenseOrder() == null ? Set.of() : new HashSet<>(policy.licenseOrder());
        if (policy.licenseOrder() != null && licenses.size() != policy.licenseOrder().size()) {
            violations.add(new Violation("licenseOrder", "must not repeat a license"));
        }
        if (policy.groupRules() != null) {
            Set<String> groups = new HashSet<>();
            for (int i = 0; i < policy.groupRules().size(); i++) {
                PolicyDocument.GroupRule rule = policy.groupRules().get(i);
                String place = "groupRules[" + i + "]";
                if (blank(rule.group())) {
                    violations.add(new Violation(place + ".group", "is required"));
                } else if (!groups.add(rule.group().toLowerCase(Locale.ROOT))) {
                    violations.add(new Violation(place + ".group", "'" + rule.group() + "' has another rule already"));
                }
                if (rule.license() != null && !licenses.isEmpty() && !licenses.contains(rule.license())) {
                    violations.add(new Violation(place + ".license", "'" + rule.license() + "' is not in licenseOrder"));
                }
                if (rule.skills() != null) {
                    rule.skills().forEach((skill, level) -> {
                        if (blank(skill)) {
                            violations.add(new Violation(place + ".skills", "skill names must not be empty"));
                        } else if (level == null || level < 0 || level > 100) {
                            violations.add(new Violation(place + ".skills." + skill, "must be a level from 0 to 100"));
                        }
                    });
                }
            }
        }
        if (policy.matching() != null && policy.matching().by() != null) {
            for (String key : policy.matching().by()) {
                if (!Set.of("email", "userName").contains(key)) {
                    violations.add(new Violation("matching.by", "'" + key + "' is not one of email, userName"));
                }
            }
        }
        if (policy.offboarding() != null && policy.offboarding().onDelete() != null
                && !Set.of("deactivate", "delete").contains(policy.offboarding().onDelete())) {
            violations.add(new Violation("offboarding.onDelete", "must be 'deactivate' or 'delete'"));
        }
        if (policy.offboarding() != null && policy.offboarding().deleteAfterDays() != null) {
            if (policy.offboarding().deleteAfterDays() < 0 || policy.offboarding().deleteAfterDays() > 3650) {
                violations.add(new Violation("offboarding.deleteAfterDays", "must be from 0 to 3650"));
            } else if (!"delete".equals(policy.offboarding().onDelete())) {
                violations.add(new Violation("offboarding.deleteAfterDays", "needs \"onDelete\": \"delete\""));
            }
        }
        if (policy.approvals() != null && policy.approvals().roles() != null
                && policy.approvals().roles().stream().anyMatch(PolicyValidator::blank)) {
            violations.add(new Violation("approvals.roles", "role names must not be empty"));
        }
        if (policy.prices() != null) {
            if (policy.prices().currency() == null || !CURRENCY.matcher(policy.prices().currency()).matches()) {
                violations.add(new Violation("prices.currency", "must be a three-letter ISO 4217 code such as USD"));
            }
            if (policy.prices().licenses() != null) {
                for (Map.Entry<String, BigDecimal> price : policy.prices().licenses().entrySet()) {
                    if (price.getValue() == null || price.getValue().signum() < 0) {
                        violations.add(new Violation("prices.licenses." + price.getKey(), "must be a price of 0 or more"));
                    }
                }
            }
        }
        ReconciliationRules.validate(policy.reconciliation(), violations);
        return violations;
    }

    private static void mapping(String place, PolicyDocument.Mapping mapping, List<Violation> violations) {
        if (blank(mapping.to())) {
            violations.add(new Violation(place + ".to", "is required"));
        } else if (seatField(mapping.to()) == null || MULTI_VALUED.contains(seatField(mapping.to()))) {
            violations.add(new Violation(place + ".to", "'" + mapping.to() + "' is not a single-valued seat field;"
                    + " use one of " + String.join(", ", seatFieldNames())));
        }
        if (blank(mapping.from()) && mapping.fallback() == null) {
            violations.add(new Violation(place, "needs 'from' (a SCIM attribute path) or a 'default'"));
        }
        if (!blank(mapping.from())) {
            try {
                Path.fromString(mapping.from());
            } catch (BadRequestException e) {
                violations.add(new Violation(place + ".from", "is not a SCIM attribute path: " + e.getMessage()));
            }
        }
        if (mapping.transform() != null && !TRANSFORMS.contains(mapping.transform())) {
            violations.add(new Violation(place + ".transform", "must be one of lowercase, uppercase, template, lookup"));
        }
        if ("template".equals(mapping.transform())
                && (mapping.template() == null || !mapping.template().contains("{value}"))) {
            violations.add(new Violation(place + ".template", "must contain {value}"));
        }
        if ("lookup".equals(mapping.transform()) && (mapping.table() == null || mapping.table().isEmpty())) {
            violations.add(new Violation(place + ".table", "a lookup needs a table of values"));
        }
    }

    /** The seat field for a policy name such as "email" or "telephonyRegion"; null when unknown. */
    public static SeatField seatField(String name) {
        for (SeatField field : SeatField.values()) {
            if (policyName(field).equals(name)) {
                return field;
            }
        }
        return null;
    }

    static List<String> seatFieldNames() {
        return java.util.Arrays.stream(SeatField.values()).filter(field -> !MULTI_VALUED.contains(field))
                .map(PolicyValidator::policyName).toList();
    }

    /** The name a policy and the admin API use for a seat field: "telephonyRegion". */
    public static String policyName(SeatField field) {
        String[] parts = field.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
