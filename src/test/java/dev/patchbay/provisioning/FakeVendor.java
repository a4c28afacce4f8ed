package dev.patchbay.provisioning;

import static dev.patchbay.connector.SeatField.DISPLAY_NAME;
import static dev.patchbay.connector.SeatField.EMAIL;
import static dev.patchbay.connector.SeatField.EXTERNAL_ID;
import static dev.patchbay.connector.SeatField.FAMILY_NAME;
import static dev.patchbay.connector.SeatField.GIVEN_NAME;
import static dev.patchbay.connector.SeatField.LICENSE;
import static dev.patchbay.connector.SeatField.QUEUES;
import static dev.patchbay.connector.SeatField.ROLES;
import static dev.patchbay.connector.SeatField.SITE;
import static dev.patchbay.connector.SeatField.SKILLS;
import static dev.patchbay.connector.SeatField.USER_NAME;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.DeleteMode;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.Health;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.RetryPolicy;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.TaskCheck;
import dev.patchbay.connector.TaskTemplate;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.ListPrices;
import dev.patchbay.connector.Setting;
import dev.patchbay.connector.SettingType;
import dev.patchbay.connector.SettingsSchema;
import dev.patchbay.connector.Vendor;
import dev.patchbay.connector.VendorRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A zero-latency vendor for engine tests, with the quirks of a contact-center platform declared as
 * capabilities (an immutable site, follow-up license, roles, skills and queues, queues cleared before
 * deactivation). It keeps its accounts and a call log per instance and injects failures on demand.
 */
@ApplicationScoped
public class FakeVendor implements ConnectorFactory, Connector {

    public static final String VENDOR = "fake";
    /** A setting that makes {@code check()} answer "credentials rejected". */
    public static final String REJECT_CREDENTIALS = "rejectCredentials";

    /** Thrown to simulate a worker that dies after the vendor call, before Patchbay records it. */
    public static final class Crash extends Error {
        Crash() {
            super("simulated worker crash");
        }
    }

    static final TaskTemplate IMMUTABLE = new TaskTemplate("immutable_change",
            "The {field} cannot change: recreate the user at {to} or revert the IdP value", "Users > Profile");
    static final TaskTemplate BILLING = new TaskTemplate("billing_cancellation",
            "Submit a partial cancellation to stop billing", "Billing > Cancellations");

    private final Map<String, Seat> accounts = new ConcurrentHashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Supplier<RuntimeException>>> failures = new ConcurrentHashMap<>();
    private volatile boolean crashAfterNextCreate;
    private volatile Runnable onCreate = () -> { };
    private volatile RateLimit rateLimit = RateLimit.unlimited();
    private volatile int maxAttempts = 3;
    private final Set<String> doneTaskKinds = ConcurrentHashMap.newKeySet();
    private volatile java.util.function.UnaryOperator<Capabilities.Builder> capabilityChange = builder -> builder;

    public synchronized void reset() {
        accounts.clear();
        calls.clear();
        failures.clear();
        crashAfterNextCreate = false;
        rateLimit = RateLimit.unlimited();
        maxAttempts = 3;
        doneTaskKinds.clear();
        capabilityChange = builder -> builder;
        onCreate = () -> { };
    }

    /** Runs during every create call, e.g. to stop the worker while it is busy. */
    public void onCreate(Runnable hook) {
        this.onCreate = hook;
    }

    /** From now on the vendor shows tasks of this kind as done (someone did the work in its console). */
    public void showDone(String taskKind) {
        doneTaskKinds.add(taskKind);
    }

    @Override
    public Optional<Boolean> isDone(VendorRef ref, TaskCheck task, CallContext context) {
        return task.kind().equals(BILLING.kind()) ? Optional.of(doneTaskKinds.contains(task.kind())) : Optional.empty();
    }

    /** The next call for this user fails with {@code failure}; calls for other users are untouched. */
    public synchronized void failNext(String userName, Supplier<RuntimeException> failure) {
        failures.computeIfAbsent(userName, key -> new ArrayDeque<>()).add(failure);
    }

    public void crashAfterNextCreate() {
        crashAfterNextCreate = true;
    }

    public void rateLimit(RateLimit limit) {
        this.rateLimit = limit;
    }

    public Map<String, Seat> accounts() {
        return accounts;
    }

    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public Optional<Seat> accountFor(String userName) {
        return accounts.values().stream().filter(seat -> userName.equals(seat.text(USER_NAME))).findFirst();
    }

    /** The vendor of test connections: {@code "vendor": "fake"}, no settings. */
    @Override
    public Vendor vendor() {
        return new Vendor(VENDOR, "Fake vendor (tests)", SettingsSchema.of(Setting.of(REJECT_CREDENTIALS,
                SettingType.BOOLEAN, "check() answers that the credentials are refused")), capabilities(),
                new ListPrices("USD", Map.of("CX 4", new java.math.BigDecimal("240"))));
    }

    @Override
    public Connector connect(String connectionId, Map<String, Object> settings) {
        return this;
    }

    /** From now on the vendor declares these capabilities (a test changing what the fake vendor can do). */
    public void capabilities(java.util.function.UnaryOperator<Capabilities.Builder> change) {
        this.capabilityChange = change;
    }

    public Capabilities capabilities() {
        Capabilities.Builder builder = Capabilities.builder()
                .operations(Operation.values())
                .fields(List.of(USER_NAME, EXTERNAL_ID, GIVEN_NAME, FAMILY_NAME, DISPLAY_NAME, EMAIL),
                        FieldCapability.patch())
                .field(SITE, FieldCapability.immutableAtCreate())
                .followUps(LICENSE, ROLES, SKILLS, QUEUES)
                .fields(List.of(SeatField.AGENT_GROUPS, SeatField.EXTENSION), FieldCapability.followUp())
                .field(SeatField.TELEPHONY_REGION, FieldCapability.patch())
                .deleteMode(DeleteMode.SOFT_DELETE)
                .offboarding(new OffboardingAction.Clear(QUEUES), new OffboardingAction.Deactivate(),
                        new OffboardingAction.Task(BILLING))
                .forgottenOnDeactivate(ROLES, SKILLS, QUEUES)
                .immutableChange(IMMUTABLE)
                .rateLimit(rateLimit)
                .retryPolicy(new RetryPolicy(maxAttempts, Duration.ofMillis(10), Duration.ofMillis(20)));
        return capabilityChange.apply(builder).build();
    }

    @Override
    public VendorRef create(Seat seat, CallContext context) {
        if (!capabilities().can(Operation.CREATE)) {
            throw Connector.undeclared("The fake vendor", Operation.CREATE);
        }
        failIfAsked("create", seat.text(USER_NAME));
        String id = "fake-" + UUID.randomUUID();
        accounts.put(id, seat);
        calls.add("create " + seat.text(USER_NAME));
        onCreate.run();
        if (crashAfterNextCreate) {
            crashAfterNextCreate = false;
            throw new Crash();
        }
        return new VendorRef(id);
    }

    @Override
    public Optional<Seat> read(VendorRef ref, CallContext context) {
        return Optional.ofNullable(accounts.get(ref.id()));
    }

    @Override
    public Optional<VendorRef> find(MatchKey key, CallContext context) {
        calls.add("find " + key.userName());
        return accounts.entrySet().stream()
                .filter(entry -> key.userName().equals(entry.getValue().text(USER_NAME)))
                .map(entry -> new VendorRef(entry.getKey())).findFirst();
    }

    /** Its accounts in id order; the cursor is the index of the next one. */
    @Override
    public dev.patchbay.connector.AccountPage list(String cursor, int pageSize, CallContext context) {
        java.util.List<String> ids = new java.util.TreeMap<>(accounts).keySet().stream().toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(ids.size(), from + pageSize);
        java.util.List<dev.patchbay.connector.ListedAccount> page = ids.subList(from, to).stream()
                .map(id -> dev.patchbay.connector.ListedAccount.of(new VendorRef(id), accounts.get(id))).toList();
        return new dev.patchbay.connector.AccountPage(page, to < ids.size() ? String.valueOf(to) : null,
                (long) ids.size(), 1);
    }

    @Override
    public void apply(VendorRef ref, Step step, CallContext context) {
        if (!capabilities().can(Operation.of(step).orElseThrow())) {
            throw Connector.undeclared("The fake vendor", Operation.of(step).orElseThrow());
        }
        Seat seat = accounts.get(ref.id());
        failIfAsked("apply", seat == null ? null : seat.text(USER_NAME));
        if (seat == null) {
            throw new ConnectorException.NotFound("No account " + ref.id());
        }
        String user = seat.text(USER_NAME);
        if (step instanceof Step.Update update) {
            for (Map.Entry<SeatField, Object> change : update.changes().entrySet()) {
                seat = seat.with(change.getKey(), change.getValue());
            }
            calls.add("update " + user + " " + update.changes().keySet());
        } else if (step instanceof Step.Apply apply) {
            seat = seat.with(apply.field(), apply.value());
            calls.add((apply.value() == null ? "clear " : "set ") + apply.field().name().toLowerCase() + " " + user);
        } else if (step instanceof Step.Deactivate) {
            seat = seat.withActive(false);
            calls.add("deactivate " + user);
        } else if (step instanceof Step.Reactivate) {
            seat = seat.withActive(true);
            calls.add("reactivate " + user);
        } else if (step instanceof Step.Delete) {
            accounts.remove(ref.id());
            calls.add("delete " + user);
            return;
        } else if (step instanceof Step.Retire) {
            seat = seat.with(USER_NAME, "retired-" + ref.id() + "-" + user);
            calls.add("retire " + user);
        }
        accounts.put(ref.id(), seat);
    }

    @Override
    public Health check(CallContext context) {
        if (Boolean.TRUE.equals(context.settings().get(REJECT_CREDENTIALS))) {
            return new Health(Health.State.CREDENTIALS_REJECTED, "the fake vendor refuses these credentials");
        }
        return Health.up("fake");
    }

    private synchronized void failIfAsked(String operation, String userName) {
        Deque<Supplier<RuntimeException>> queued = userName == null ? null : failures.get(userName);
        Supplier<RuntimeException> failure = queued == null ? null : queued.poll();
        if (failure != null) {
            calls.add("failed " + operation);
            throw failure.get();
        }
    }
}
