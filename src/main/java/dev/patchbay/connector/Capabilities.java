package dev.patchbay.connector;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connector's quirks as data, read by the planner: per field its mutability and write route; the
 * order the vendor needs follow-up calls in (site before license before roles); what deleting means;
 * the offboarding checklist; what the vendor forgets on deactivation and must be re-applied when the
 * user comes back; tasks for changes no API can make; rate limit and retry policy; what must happen
 * before a delete, and a task a person must complete before it ({@code deleteGate}, e.g. export
 * voicemails).
 */
public record Capabilities(
        Map<SeatField, FieldCapability> fields,
        List<SeatField> followUpOrder,
        DeleteMode deleteMode,
        List<OffboardingAction> offboarding,
        Set<SeatField> forgottenOnDeactivate,
        TaskTemplate immutableChange,
        TaskTemplate deleteByHand,
        RateLimit rateLimit,
        RetryPolicy retryPolicy,
        List<OffboardingAction> beforeDelete,
        TaskTemplate deleteGate) {

    public Capabilities {
        fields = Map.copyOf(new EnumMap<>(fields));
        followUpOrder = List.copyOf(followUpOrder);
        offboarding = List.copyOf(offboarding);
        forgottenOnDeactivate = Set.copyOf(forgottenOnDeactivate);
        beforeDelete = List.copyOf(beforeDelete);
    }

    /** Capabilities without a before-delete checklist or gate. */
    public Capabilities(Map<SeatField, FieldCapability> fields, List<SeatField> followUpOrder, DeleteMode deleteMode,
            List<OffboardingAction> offboarding, Set<SeatField> forgottenOnDeactivate, TaskTemplate immutableChange,
            TaskTemplate deleteByHand, RateLimit rateLimit, RetryPolicy retryPolicy) {
        this(fields, followUpOrder, deleteMode, offboarding, forgottenOnDeactivate, immutableChange, deleteByHand,
                rateLimit, retryPolicy, List.of(), null);
    }

    /** A field the connector does not declare is not sent. */
    public FieldCapability field(SeatField field) {
        return fields.getOrDefault(field, FieldCapability.drop());
    }
}
