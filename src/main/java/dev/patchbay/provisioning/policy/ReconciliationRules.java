package dev.patchbay.provisioning.policy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The actions a policy may choose per reconciliation situation, and its schedule: "drift" may be
 * reported, corrected (Patchbay's seat re-applied) or made a task; an "orphan" (a vendor account no IdP
 * user has) reported or made a task; "idpOnly" (an account Patchbay links that the vendor no longer has)
 * reported, corrected (created anew) or made a task; an "unlinkedMatch" reported, adopted or made a task.
 */
public final class ReconciliationRules {

    public static final String REPORT = "report";
    public static final Map<String, Set<String>> ALLOWED = allowed();

    private ReconciliationRules() {
    }

    private static Map<String, Set<String>> allowed() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("drift", Set.of(REPORT, "correct", "task"));
        allowed.put("orphan", Set.of(REPORT, "task"));
        allowed.put("idpOnly", Set.of(REPORT, "correct", "task"));
        allowed.put("unlinkedMatch", Set.of(REPORT, "adopt", "task"));
        return Map.copyOf(allowed);
    }

    static void validate(PolicyDocument.Reconciliation rules, List<PolicyValidator.Violation> violations) {
        if (rules == null) {
            return;
        }
        if (rules.actions() != null) {
            rules.actions().forEach((situation, action) -> {
                Set<String> choices = ALLOWED.get(situation);
                if (choices == null) {
                    violations.add(new PolicyValidator.Violation("reconciliation.actions." + situation,
                            "is not a situation; use one of drift, orphan, idpOnly, unlinkedMatch"));
                } else if (action == null || !choices.contains(action)) {
                    violations.add(new PolicyValidator.Violation("reconciliation.actions." + situation,
                            "must be one of " + String.join(", ", choices.stream().sorted().toList())));
                }
            });
        }
        if (rules.every() != null && every(rules.every()).isEmpty() && !"off".equals(rules.every())) {
            violations.add(new PolicyValidator.Violation("reconciliation.every",
                    "must be 'off' or a duration of at least an hour such as '24h', '12h' or 'PT6H'"));
        }
        if (rules.at() != null && rules.every() != null) {
            violations.add(new PolicyValidator.Violation("reconciliation.at",
                    "cannot be combined with reconciliation.every: use one of them"));
        }
        if (rules.at() != null && timeOfDay(rules.at()).isEmpty()) {
            violations.add(new PolicyValidator.Violation("reconciliation.at",
                    "must be a time of day as HH:MM, such as '02:00' or '23:30'"));
        }
        if (rules.zone() != null && rules.at() == null) {
            violations.add(new PolicyValidator.Violation("reconciliation.zone",
                    "applies only with reconciliation.at"));
        }
        if (rules.zone() != null && zone(rules.zone()).isEmpty()) {
            violations.add(new PolicyValidator.Violation("reconciliation.zone",
                    "must be a time zone such as 'UTC' or 'Europe/London'"));
        }
    }

    /** The action for {@code situation}: the policy's, else {@code report}. */
    public static String action(PolicyDocument policy, String situation) {
        PolicyDocument.Reconciliation rules = policy.reconciliation();
        if (rules == null || rules.actions() == null) {
            return REPORT;
        }
        return rules.actions().getOrDefault(situation, REPORT);
    }

    /**
     * When the connection is reconciled on its own: nightly at the policy's {@code at} (in its {@code zone},
     * default UTC), else every {@code every}; empty for "off", every {@code fallback} when neither is set.
     */
    public static Optional<ReconciliationSchedule> schedule(PolicyDocument policy, Duration fallback) {
        PolicyDocument.Reconciliation rules = policy.reconciliation();
        if (rules != null && rules.at() != null) {
            return timeOfDay(rules.at()).map(at -> new ReconciliationSchedule.Daily(at,
                    rules.zone() == null ? ZoneOffset.UTC : zone(rules.zone()).orElse(ZoneOffset.UTC)));
        }
        if (rules == null || rules.every() == null) {
            return Optional.of(new ReconciliationSchedule.Every(fallback));
        }
        return every(rules.every()).map(ReconciliationSchedule.Every::new);
    }

    /** "02:00", "23:30": hours and minutes; empty otherwise. */
    static Optional<LocalTime> timeOfDay(String text) {
        if (!text.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.parse(text));
    }

    static Optional<ZoneId> zone(String text) {
        try {
            return Optional.of(ZoneId.of(text.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "24h", "90m" or an ISO-8601 duration, of an hour or more; empty otherwise. */
    static Optional<Duration> every(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        try {
            Duration duration;
            if (value.matches("\\d{1,5}H")) {
                duration = Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
            } else if (value.matches("\\d{1,6}M")) {
                duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            } else {
                duration = Duration.parse(value);
            }
            return duration.compareTo(Duration.ofHours(1)) >= 0 ? Optional.of(duration) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
