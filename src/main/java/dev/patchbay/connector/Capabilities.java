package dev.patchbay.connector;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector's quirks as data, read by the planner: the operations it declares (an undeclared one is a
 * task for a person, from {@code byHand}); per field its mutability and write route; the order the vendor
 * needs follow-up calls in (site before license before roles); what deleting means; the offboarding
 * checklist; what the vendor forgets on deactivation and must be re-applied when the user comes back;
 * tasks for changes no API can make; rate limit and retry policy; what must happen before a delete, and
 * a task a person must complete before it ({@code deleteGate}, e.g. export voicemails); the skill scale;
 * seats the vendor accepts but that will not work ({@code warnings}); roles it can never take back, which
 * wait for an admin's approval whatever the policy says ({@code irreversibleRoles}); what listing its
 * accounts costs ({@code listing}); follow-up fields
 * the vendor sets for many users in one call ({@code batched}, see {@link Connector#applyBatch}); whether
 * the vendor refuses a create whose account exists already ({@code createRefusesDuplicates}: a create is
 * then sent without looking for the account first, and a refusal finds it).
 */
public record Capabilities(
        Set<Operation> operations,
        Map<SeatField, FieldCapability> fields,
        List<SeatField> followUpOrder,
        DeleteMode deleteMode,
        List<OffboardingAction> offboarding,
        Set<SeatField> forgottenOnDeactivate,
        TaskTemplate immutableChange,
        Map<Operation, TaskTemplate> byHand,
        RateLimit rateLimit,
        RetryPolicy retryPolicy,
        List<OffboardingAction> beforeDelete,
        TaskTemplate deleteGate,
        SkillScale skillScale,
        List<SeatWarning> warnings,
        Set<String> irreversibleRoles,
        Set<SeatField> writtenTogether,
        Map<SeatField, TaskTemplate> followUpByHand,
        Listing listing,
        Set<SeatField> batched,
        boolean createRefusesDuplicates) {

    /** The task for a user who lacks a field the vendor needs to create the account. */
    public static final TaskTemplate MISSING_FIELD = new TaskTemplate("missing_field",
            "The vendor needs {field} to create the user: send it from the IdP (Patchbay extension attribute"
                    + " '{field}') or give it a default in the policy (a mapping with a default, or a group rule)",
            "IdP app > attribute mappings, or Patchbay > Connection > Policy");

    public Capabilities {
        operations = Set.copyOf(operations);
        fields = Map.copyOf(new EnumMap<>(fields));
        followUpOrder = List.copyOf(followUpOrder);
        offboarding = List.copyOf(offboarding);
        forgottenOnDeactivate = Set.copyOf(forgottenOnDeactivate);
        byHand = Map.copyOf(byHand);
        beforeDelete = List.copyOf(beforeDelete);
        warnings = List.copyOf(warnings);
        irreversibleRoles = Set.copyOf(irreversibleRoles);
        writtenTogether = Set.copyOf(writtenTogether);
        followUpByHand = Map.copyOf(followUpByHand);
        batched = Set.copyOf(batched);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.operations = EnumSet.noneOf(Operation.class);
        builder.operations.addAll(operations);
        builder.fields = new EnumMap<>(SeatField.class);
        builder.fields.putAll(fields);
        builder.followUpOrder = followUpOrder;
        builder.deleteMode = deleteMode;
        builder.offboarding = offboarding;
        builder.forgottenOnDeactivate = forgottenOnDeactivate;
        builder.immutableChange = immutableChange;
        builder.byHand = new EnumMap<>(Operation.class);
        builder.byHand.putAll(byHand);
        builder.rateLimit = rateLimit;
        builder.retryPolicy = retryPolicy;
        builder.beforeDelete = beforeDelete;
        builder.deleteGate = deleteGate;
        builder.skillScale = skillScale;
        builder.warnings = warnings;
        builder.irreversibleRoles = irreversibleRoles;
        builder.writtenTogether = writtenTogether;
        builder.followUpByHand = new EnumMap<>(SeatField.class);
        builder.followUpByHand.putAll(followUpByHand);
        builder.listing = listing;
        builder.batched = batched;
        builder.createRefusesDuplicates = createRefusesDuplicates;
        return builder;
    }

    /** A field the connector does not declare is not sent. */
    public FieldCapability field(SeatField field) {
        return fields.getOrDefault(field, FieldCapability.drop());
    }

    public boolean can(Operation operation) {
        return operations.contains(operation);
    }

    /** The task for an operation the vendor has no API for; a generic one when the connector declares none. */
    public TaskTemplate byHand(Operation operation) {
        return Optional.ofNullable(byHand.get(operation)).orElseGet(() -> genericByHand(operation));
    }

    /** The task for a follow-up field the vendor has no API for: the field's own, else the follow-up one. */
    public TaskTemplate byHand(SeatField followUp) {
        return Optional.ofNullable(followUpByHand.get(followUp)).orElseGet(() -> byHand(Operation.FOLLOW_UP));
    }

    private static TaskTemplate genericByHand(Operation operation) {
        String kind = operation.name().toLowerCase() + "_by_hand";
        String reason = switch (operation) {
            case CREATE -> "Create the user {to} in the vendor console (its API cannot create users)";
            case UPDATE_PATCH, UPDATE_REPLACE, FOLLOW_UP ->
                    "Change {field} from {from} to {to} in the vendor console (its API cannot)";
            default -> "In the vendor console: " + operation.name().toLowerCase().replace('_', ' ')
                    + " the user (its API cannot)";
        };
        return new TaskTemplate(kind, reason, "Vendor console");
    }

    /** Collects a connector's declarations; unset parts default to "nothing declared". */
    public static final class Builder {
        private Set<Operation> operations = EnumSet.noneOf(Operation.class);
        private Map<SeatField, FieldCapability> fields = new EnumMap<>(SeatField.class);
        private List<SeatField> followUpOrder = List.of();
        private DeleteMode deleteMode = DeleteMode.HARD_DELETE;
        private List<OffboardingAction> offboarding = List.of(new OffboardingAction.Deactivate());
        private Set<SeatField> forgottenOnDeactivate = Set.of();
        private TaskTemplate immutableChange = new TaskTemplate("immutable_change",
                "The vendor cannot change {field} after creation: change it from {from} to {to} by hand, or revert"
                        + " the IdP value", "Vendor console");
        private Map<Operation, TaskTemplate> byHand = new EnumMap<>(Operation.class);
        private RateLimit rateLimit = RateLimit.unlimited();
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private List<OffboardingAction> beforeDelete = List.of();
        private TaskTemplate deleteGate;
        private SkillScale skillScale = SkillScale.higherIsBetter(0, 100);
        private List<SeatWarning> warnings = List.of();
        private Set<String> irreversibleRoles = Set.of();
        private Set<SeatField> writtenTogether = Set.of();
        private Map<SeatField, TaskTemplate> followUpByHand = new EnumMap<>(SeatField.class);
        private Listing listing = Listing.standard();
        private Set<SeatField> batched = Set.of();
        private boolean createRefusesDuplicates;

        public Builder operations(Operation... declared) {
            operations = EnumSet.noneOf(Operation.class);
            operations.addAll(List.of(declared));
            return this;
        }

        public Builder withoutOperation(Operation operation) {
            operations.remove(operation);
            return this;
        }

        public Builder field(SeatField field, FieldCapability capability) {
            fields.put(field, capability);
            return this;
        }

        public Builder fields(List<SeatField> names, FieldCapability capability) {
            names.forEach(name -> fields.put(name, capability));
            return this;
        }

        /** Follow-up fields in the order the vendor needs them, each routed FOLLOW_UP. */
        public Builder followUps(SeatField... ordered) {
            followUpOrder = List.of(ordered);
            followUpOrder.forEach(field -> fields.put(field, FieldCapability.followUp()));
            return this;
        }

        public Builder deleteMode(DeleteMode mode) {
            deleteMode = mode;
            return this;
        }

        public Builder offboarding(OffboardingAction... actions) {
            offboarding = List.of(actions);
            return this;
        }

        public Builder offboarding(List<OffboardingAction> actions) {
            offboarding = List.copyOf(actions);
            return this;
        }

        public Builder forgottenOnDeactivate(SeatField... forgotten) {
            forgottenOnDeactivate = Set.of(forgotten);
            return this;
        }

        public Builder immutableChange(TaskTemplate template) {
            immutableChange = template;
            return this;
        }

        public Builder byHand(Operation operation, TaskTemplate template) {
            byHand.put(operation, template);
            return this;
        }

        /** A follow-up field's own task when the vendor has no API for it (give a user a phone line). */
        public Builder byHand(SeatField followUp, TaskTemplate template) {
            followUpByHand.put(followUp, template);
            return this;
        }

        public Builder rateLimit(RateLimit limit) {
            rateLimit = limit;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            retryPolicy = policy;
            return this;
        }

        public Builder beforeDelete(OffboardingAction... actions) {
            beforeDelete = List.of(actions);
            return this;
        }

        public Builder deleteGate(TaskTemplate template) {
            deleteGate = template;
            return this;
        }

        public Builder skillScale(SkillScale scale) {
            skillScale = scale;
            return this;
        }

        public Builder warnings(SeatWarning... declared) {
            warnings = List.of(declared);
            return this;
        }

        /** Roles the vendor can never take back: granted only once an admin approved them (role_approval). */
        public Builder irreversibleRoles(String... roles) {
            irreversibleRoles = Set.of(roles);
            return this;
        }

        /**
         * Fields the vendor holds as one value (VCC's single name from first and last name): a change of any
         * of them sends all of them, so the connector can write the whole.
         */
        public Builder writtenTogether(SeatField... fields) {
            writtenTogether = Set.of(fields);
            return this;
        }

        /** What listing the vendor's accounts costs (with {@link Operation#LIST}). */
        public Builder listing(Listing declared) {
            listing = declared;
            return this;
        }

        /** Follow-up fields the vendor sets for many users in one call: due users' changes share calls. */
        public Builder batched(SeatField... fields) {
            batched = Set.of(fields);
            return this;
        }

        /** The vendor answers a create of an account it has already with a conflict (Genesys: 409). */
        public Builder createRefusesDuplicates() {
            createRefusesDuplicates = true;
            return this;
        }

        public Capabilities build() {
            return new Capabilities(operations, fields, followUpOrder, deleteMode, offboarding, forgottenOnDeactivate,
                    immutableChange, byHand, rateLimit, retryPolicy, beforeDelete, deleteGate, skillScale, warnings,
                    irreversibleRoles, writtenTogether, followUpByHand, listing, batched, createRefusesDuplicates);
        }
    }
}
