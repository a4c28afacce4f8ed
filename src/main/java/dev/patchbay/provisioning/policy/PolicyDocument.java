package dev.patchbay.provisioning.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A connection's provisioning policy: how IdP attributes and groups become the seat at the vendor,
 * how existing accounts are matched, what offboarding does, which roles need approval, what each
 * license costs, and the vendor's own provisioning choices ({@code vendorOptions}: those of the vendor's
 * settings its connector lets a policy set, e.g. VCC's idpAuthoritative; they win over the connection's).
 * Every part is optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDocument(
        List<Mapping> mappings,
        List<GroupRule> groupRules,
        Boolean extensionOverridesGroups,
        List<String> licenseOrder,
        Matching matching,
        Offboarding offboarding,
        Approvals approvals,
        Prices prices,
        ImmutableChanges immutableChanges,
        Map<String, Object> vendorOptions,
        Reconciliation reconciliation) {

    public static PolicyDocument empty() {
        return new PolicyDocument(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * What a reconciliation does per situation ({@code drift}, {@code orphan}, {@code idpOnly},
     * {@code unlinkedMatch} → {@code report} (default), {@code correct}, {@code task}, {@code adopt}), and how
     * often it runs on its own: {@code every} (a duration such as "24h" or "PT12H", or "off"), or nightly
     * {@code at} a time of day ("02:00") in {@code zone} (an IANA zone such as "Europe/London", default UTC).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reconciliation(Map<String, String> actions, String every, String at, String zone) {
    }

    /** The vendor options, none when the policy names none. */
    public Map<String, Object> vendorOptionsOrNone() {
        return vendorOptions == null ? Map.of() : vendorOptions;
    }

    /** recreate: a change the vendor cannot make in place recreates the account (default: a task). */
    public record ImmutableChanges(Boolean recreate) {
    }

    /** SCIM attribute path → seat field, with an optional transform. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mapping(String from, String to, String transform, String template, Map<String, String> table,
            @JsonProperty("default") String fallback) {
    }

    /** What membership of an IdP group grants; the higher precedence wins where values cannot merge. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupRule(String group, Integer precedence, String license, List<String> roles,
            Map<String, Integer> skills, List<String> queues, List<String> agentGroups, String site,
            Boolean directoryVisible, String division, String telephonyRegion, String userProfile) {
    }

    /** Which keys find an existing vendor account on first sync: "email", "userName". */
    public record Matching(List<String> by) {
    }

    /**
     * onDelete: "deactivate" (default) or "delete", at once or {@code deleteAfterDays} after the IdP deleted
     * the user (deactivated meanwhile); removeLicense frees the license on deactivation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Offboarding(String onDelete, Integer deleteAfterDays, Boolean removeLicense) {
    }

    /** Roles that are granted only after an admin approves a task. */
    public record Approvals(List<String> roles) {
    }

    /** Monthly list price per license tier. */
    public record Prices(String currency, Map<String, BigDecimal> licenses) {
    }
}
