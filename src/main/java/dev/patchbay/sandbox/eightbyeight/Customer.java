package dev.patchbay.sandbox.eightbyeight;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one simulated 8x8 customer: its sites, license pool, users and asynchronous operations. Both
 * APIs and the control endpoints go through here; every method first runs the operations that are due,
 * so a poll sees an operation finished as soon as its delay has passed.
 */
@ApplicationScoped
public class Customer implements Catalog {

    private static final List<Site> INITIAL_SITES = List.of(
            new Site("site-lon", "London", "lon-pbx", "Europe/London"),
            new Site("site-par", "Paris", "par-pbx", "Europe/Paris"),
            new Site("site-nyc", "New York", "nyc-pbx", "America/New_York"));

    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final Faults faults;
    private final Map<String, SandboxUser> users = new LinkedHashMap<>();
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private LicensePool pool = LicensePool.initial();

    public Customer(SandboxSettings settings, SandboxClock clock, Faults faults) {
        this.settings = settings;
        this.clock = clock;
        this.faults = faults;
    }

    /** A license type with its counts. */
    record LicenseUsage(LicenseType type, int total, long assigned) {

        long available() {
            return Math.max(0, total - assigned);
        }
    }

    synchronized void reset() {
        users.clear();
        operations.clear();
        pool = LicensePool.initial();
    }

    String customerId() {
        return settings.customerId();
    }

    // Catalog: sites never change; license types are only added.

    @Override
    public Optional<Site> siteById(String id) {
        return INITIAL_SITES.stream().filter(site -> site.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Site> siteByName(String name) {
        return INITIAL_SITES.stream().filter(site -> site.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public synchronized Optional<LicenseType> licenseById(String id) {
        return pool.byId(id);
    }

    @Override
    public synchronized Optional<LicenseType> licenseByName(String name) {
        return pool.byName(name);
    }

    List<Site> sites() {
        return INITIAL_SITES;
    }

    synchronized List<LicenseUsage> licenses() {
        settleDue();
        UserRules rules = rules();
        return pool.types().stream()
                .map(type -> new LicenseUsage(type, pool.total(type.id()), rules.assigned(type.id())))
                .toList();
    }

    synchronized void setLicenseTotals(Map<String, Integer> totals) {
        settleDue();
        totals.forEach(pool::setTotal);
    }

    synchronized Optional<SandboxUser> user(String userId) {
        settleDue();
        return Optional.ofNullable(users.get(userId)).map(SandboxUser::copy);
    }

    synchronized List<SandboxUser> users() {
        settleDue();
        return users.values().stream().map(SandboxUser::copy).toList();
    }

    // SCIM API: changes take effect at once.

    synchronized SandboxUser scimCreate(ScimUserInput input) {
        settleDue();
        SandboxUser user = new SandboxUser(newId(), clock.now());
        input.applyTo(user, this);
        rules().check(null, user);
        users.put(user.userId, user);
        return user.copy();
    }

    synchronized SandboxUser scimReplace(String userId, ScimUserInput input) {
        SandboxUser existing = existing(userId);
        SandboxUser updated = existing.copy();
        input.applyTo(updated, this);
        updated.lastUpdatedTime = clock.now();
        rules().check(existing, updated);
        users.put(userId, updated);
        return updated.copy();
    }

    synchronized SandboxUser scimSetActive(String userId, boolean active) {
        SandboxUser user = existing(userId);
        if (user.active != active) {
            user.active = active;
            user.lastUpdatedTime = clock.now();
        }
        return user.copy();
    }

    // Admin API: changes are queued as operations.

    synchronized Operation submitCreate(AdminUserInput input) {
        settleDue();
        checkInFlight();
        boolean pendingCreate = operations.values().stream()
                .anyMatch(op -> op.pending() && op.type() == Operation.Type.CREATE
                        && op.input().userName().equalsIgnoreCase(input.userName()));
        if (pendingCreate || rules().userNameTaken(input.userName(), null)) {
            throw new RuleBroken(RuleBroken.Kind.USERNAME_TAKEN, null, "userName already in use");
        }
        return submit(Operation.Type.CREATE, newId(), input);
    }

    synchronized Operation submitUpdate(String userId, AdminUserInput input) {
        settleDue();
        checkInFlight();
        existing(userId);
        if (rules().userNameTaken(input.userName(), userId)) {
            throw new RuleBroken(RuleBroken.Kind.USERNAME_TAKEN, null, "userName already in use");
        }
        return submit(Operation.Type.UPDATE, userId, input);
    }

    synchronized Operation submitDelete(String userId) {
        settleDue();
        checkInFlight();
        existing(userId);
        return submit(Operation.Type.DELETE, userId, null);
    }

    synchronized Optional<Operation> operation(String operationId) {
        settleDue();
        return Optional.ofNullable(operations.get(operationId));
    }

    synchronized List<Operation> operations() {
        settleDue();
        return new ArrayList<>(operations.values());
    }

    /** Control API: a user that already exists at the vendor, stored at once; the site may be missing. */
    synchronized SandboxUser seed(AdminUserInput input) {
        settleDue();
        SandboxUser user = new SandboxUser(newId(), clock.now());
        input.applyTo(user, this);
        rules().check(null, user);
        users.put(user.userId, user);
        return user.copy();
    }

    private Operation submit(Operation.Type type, String resourceId, AdminUserInput input) {
        Instant now = clock.now();
        Instant due = now.plus(Duration.ofMillis(settings.operationDelayMs()));
        Operation operation = Operation.pending(UUID.randomUUID().toString(), type, resourceId, now, due, input,
                faults.nextOperationFailure().orElse(null));
        operations.put(operation.operationId(), operation);
        return operation;
    }

    private void checkInFlight() {
        long inFlight = operations.values().stream().filter(Operation::pending).count();
        if (inFlight >= settings.maxInFlight()) {
            throw new RuleBroken(RuleBroken.Kind.TOO_MANY_IN_FLIGHT, null,
                    "Too many operations in progress: " + inFlight);
        }
    }

    private SandboxUser existing(String userId) {
        settleDue();
        SandboxUser user = users.get(userId);
        if (user == null) {
            throw new RuleBroken(RuleBroken.Kind.NOT_FOUND, null, "User not found: " + userId);
        }
        return user;
    }

    private void settleDue() {
        Instant now = clock.now();
        for (Operation operation : new ArrayList<>(operations.values())) {
            if (operation.pending() && !operation.dueTime().isAfter(now)) {
                operations.put(operation.operationId(), run(operation));
            }
        }
    }

    private Operation run(Operation operation) {
        if (operation.injectedFailure() != null) {
            return operation.failed(AdminError.of(500, "UNKNOWN", null, operation.injectedFailure()));
        }
        try {
            switch (operation.type()) {
                case CREATE -> {
                    SandboxUser user = new SandboxUser(operation.resourceId(), operation.dueTime());
                    operation.input().applyTo(user, this);
                    rules().check(null, user);
                    users.put(user.userId, user);
                }
                case UPDATE -> {
                    SandboxUser existing = users.get(operation.resourceId());
                    if (existing == null) {
                        throw new RuleBroken(RuleBroken.Kind.NOT_FOUND, null,
                                "User not found: " + operation.resourceId());
                    }
                    SandboxUser updated = existing.copy();
                    operation.input().applyTo(updated, this);
                    updated.lastUpdatedTime = operation.dueTime();
                    rules().check(existing, updated);
                    users.put(updated.userId, updated);
                }
                case DELETE -> {
                    if (users.remove(operation.resourceId()) == null) {
                        throw new RuleBroken(RuleBroken.Kind.NOT_FOUND, null,
                                "User not found: " + operation.resourceId());
                    }
                }
            }
            return operation.completed();
        } catch (RuleBroken broken) {
            return operation.failed(AdminError.of(broken));
        }
    }

    private UserRules rules() {
        return new UserRules(users.values(), pool);
    }

    /** 22 URL-safe characters, like 8x8's opaque user ids. */
    private static String newId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
