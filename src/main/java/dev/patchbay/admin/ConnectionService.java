package dev.patchbay.admin;

import dev.patchbay.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.admin.ConnectionPayloads.CreateConnection;
import dev.patchbay.admin.ConnectionPayloads.UpdateConnection;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.SettingViolation;
import dev.patchbay.secrets.ConnectionSecrets;
import dev.patchbay.web.ApiError;
import dev.patchbay.store.Connection;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates, reads, updates and deletes connections. */
@ApplicationScoped
public class ConnectionService {

    static final int MAX_SETTINGS_BYTES = 64 * 1024;

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final ConnectionSecrets secrets;
    private final ConnectorRegistry vendors;

    public ConnectionService(EntityManager entityManager, ObjectMapper objectMapper, Clock clock,
            ConnectionSecrets secrets, ConnectorRegistry vendors) {
        this.secrets = secrets;
        this.vendors = vendors;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Transactional
    public Connection create(CreateConnection request) {
        ConnectorFactory factory = factory(request.vendor());
        Map<String, Object> settings = SecretSettings.withoutNulls(checkNotEncrypted(orEmpty(request.settings())));
        checkSize(settings);
        checkSettings(factory, settings);
        // Serialises concurrent creates of the same id: the loser sees the winner's row.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(:id))")
                .setParameter("id", request.id()).getSingleResult();
        if (Connection.findById(request.id()) != null) {
            throw new ApiException(409, "conflict", "A connection with id '" + request.id() + "' exists already");
        }
        Instant now = now();
        Connection connection = new Connection();
        connection.id = request.id();
        connection.vendor = request.vendor();
        connection.displayName = request.displayName().strip();
        connection.settings = secrets.seal(connection.id, connection.vendor, settings);
        connection.createdAt = now;
        connection.updatedAt = now;
        connection.persist();
        return connection;
    }

    @Transactional
    public Optional<Connection> find(String id) {
        return Connection.findByIdOptional(id);
    }

    @Transactional
    public List<Connection> page(int page, int size) {
        return Connection.findAll(Sort.by("createdAt").and("id")).page(Page.of(page, size)).list();
    }

    @Transactional
    public long count() {
        return Connection.count();
    }

    @Transactional
    public Connection update(String id, UpdateConnection request) {
        Connection connection = Connection.<Connection>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
        if (request.id() != null && !request.id().equals(id)) {
            throw ApiException.invalid("id", "cannot be changed (the URL names '" + id + "')");
        }
        if (request.vendor() != null && !request.vendor().equals(connection.vendor)) {
            throw ApiException.invalid("vendor",
                    "cannot be changed; create a new connection for vendor '" + request.vendor() + "'");
        }
        Map<String, Object> settings = SecretSettings.merge(connection.settings,
                checkNotEncrypted(orEmpty(request.settings())), secretNames(connection.vendor));
        checkSize(settings);
        checkSettings(factory(connection.vendor), secrets.open(id, settings));
        connection.displayName = request.displayName().strip();
        connection.settings = secrets.seal(id, connection.vendor, settings);
        connection.updatedAt = now();
        return connection;
    }

    @Transactional
    public void delete(String id) {
        if (!Connection.deleteById(id)) {
            throw notFound(id);
        }
    }

    /** The settings the vendor's schema marks secret. */
    public java.util.Set<String> secretNames(String vendor) {
        return vendors.secretNames(vendor);
    }

    private ConnectorFactory factory(String vendor) {
        return vendors.factory(vendor).orElseThrow(() -> ApiException.invalid("vendor", "'" + vendor
                + "' has no connector in this Patchbay; vendors: " + vendors.vendorIds()));
    }

    /** Every unknown, missing or malformed setting, named at once. */
    private void checkSettings(ConnectorFactory factory, Map<String, Object> settings) {
        List<SettingViolation> problems = vendors.validate(factory, settings);
        if (problems.isEmpty()) {
            return;
        }
        List<ApiError.Violation> violations = problems.stream()
                .map(problem -> new ApiError.Violation("settings." + problem.setting(), problem.message())).toList();
        throw new ApiException(400, "invalid_settings", "The settings are not valid for vendor '"
                + factory.vendor().id() + "': " + violations.stream().map(v -> v.field() + " " + v.message())
                        .collect(java.util.stream.Collectors.joining("; ")), violations);
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("No connection with id '" + id + "'");
    }

    private void checkSize(Map<String, Object> settings) {
        try {
            if (objectMapper.writeValueAsBytes(settings).length > MAX_SETTINGS_BYTES) {
                throw ApiException.invalid("settings", "must be at most " + MAX_SETTINGS_BYTES + " bytes of JSON");
            }
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("settings", "must be a JSON object");
        }
    }

    private static Map<String, Object> checkNotEncrypted(Map<String, Object> settings) {
        SecretSettings.encryptedValue("settings.", settings).ifPresent(path -> {
            throw ApiException.invalid(path, "must be the plain value; the gateway encrypts secrets itself");
        });
        return settings;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> settings) {
        return settings == null ? Map.of() : settings;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
