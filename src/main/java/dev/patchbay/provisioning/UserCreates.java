package dev.patchbay.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.patchbay.database.GroupCommit;
import dev.patchbay.job.JobQueue;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * SCIM creates with group commit: creates that arrive while another batch is being committed wait for
 * it and then go together, as one SQL statement that is its own transaction — each user with its
 * provisioning job and its audit entry, one round trip and one durable commit for the lot. Each create keeps its own answer:
 * a userName already taken (by a committed user or by an earlier create of the same batch) fails only
 * that create; a create that would reactivate a retained user, a create inside a caller's transaction and
 * every create of a batch whose statement failed go through {@link UserService#create} on their own.
 */
@ApplicationScoped
public class UserCreates {

    /** The result of a create, and the connection's synchronous wait (seconds, 0 for none) read with it. */
    public record Outcome(UserService.Created created, int synchronousSeconds) {
    }

    private static final Logger LOG = Logger.getLogger(UserCreates.class);

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    private final UserService users;
    private final JsonColumns json;
    private final Clock clock;
    private final Instance<CreateAuditTrail> auditTrail;
    private final GroupCommit<PendingCreate> groups;
    private final String sql;

    public UserCreates(AgroalDataSource dataSource, TransactionManager transactions, UserService users,
            JsonColumns json, Clock clock, Instance<CreateAuditTrail> auditTrail, JobQueue queue,
            @ConfigProperty(name = "patchbay.database.group-committers", defaultValue = "2") int committers) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.users = users;
        this.json = json;
        this.clock = clock;
        this.auditTrail = auditTrail;
        this.groups = new GroupCommit<>(this::commit, committers);
        this.sql = StatementText.sql(queue);
    }

    /** Creates the user (or reactivates a retained one, see {@link UserService#create}) durably with its job. */
    public Outcome create(String connectionId, UserData data) {
        if (inTransaction()) {
            return individually(connectionId, data);
        }
        PendingCreate pending = new PendingCreate(connectionId, data,
                auditTrail.isResolvable() ? auditTrail.get().capture() : null);
        groups.submit(pending);
        switch (pending.result) {
            case CREATED:
                if (pending.auditWritten) {
                    auditTrail.get().writtenWithCreate();
                }
                return new Outcome(new UserService.Created(pending.stored, false), pending.synchronousSeconds);
            case TAKEN:
                throw new ProvisioningException(ProvisioningException.Kind.UNIQUENESS,
                        "userName '" + data.userName() + "' is already taken in this connection");
            default:
                return individually(connectionId, data);
        }
    }

    private Outcome individually(String connectionId, UserData data) {
        UserService.Created created = users.create(connectionId, data);
        return new Outcome(created, -1);
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }

    /** Commits one group; a create it could not settle is left {@link Result#INDIVIDUALLY}. */
    void commit(List<PendingCreate> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int size = batch.size();
        ArrayNode input = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < size; i++) {
            PendingCreate pending = batch.get(i);
            UserData data = pending.data;
            pending.id = UUID.randomUUID();
            ObjectNode row = input.addObject().put("n", i + 1).put("id", pending.id.toString())
                    .put("connection_id", pending.connectionId)
                    .put("lock_key", UserService.userNameLockKey(pending.connectionId, data.userName()))
                    .put("user_name", data.userName()).put("external_id", data.externalId())
                    .put("display_name", data.displayName()).put("active", data.active());
            row.putRawValue("resource", new RawValue(json.write(data.attributes())));
            data.emailKeys().forEach(row.putArray("email_keys")::add);
        }
        String auditRows = auditRows(batch);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true); // the statement is its own transaction: one round trip, one commit
            statement.setString(1, json.write(input));
            for (int parameter = 2; parameter <= 6; parameter++) {
                statement.setObject(parameter, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            }
            statement.setString(7, auditRows);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    PendingCreate pending = batch.get(rows.getInt(1) - 1);
                    if (rows.getBoolean(2)) {
                        pending.result = Result.INDIVIDUALLY;
                    } else if (rows.getBoolean(3)) {
                        pending.result = Result.CREATED;
                        pending.stored = new StoredUser(pending.id, pending.data, 0, now, now);
                        pending.synchronousSeconds = seconds(rows.getString(4));
                        pending.auditWritten = rows.getBoolean(5);
                    } else {
                        pending.result = Result.TAKEN;
                    }
                }
            }
        } catch (SQLException e) {
            // Nothing of the batch committed: each create goes on its own and gets its own answer.
            LOG.warnf("A group of %d creates failed as one statement (%s); each goes on its own", size, e.getMessage());
            batch.forEach(pending -> pending.result = Result.INDIVIDUALLY);
        }
    }

    /** The batch's audit entries as a JSON array of rows, each with the position {@code n} of its create. */
    private String auditRows(List<PendingCreate> batch) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < batch.size(); i++) {
            CreateAuditTrail.Row audit = batch.get(i).audit;
            if (audit == null) {
                continue;
            }
            ObjectNode row = rows.addObject().put("n", i + 1).put("at", audit.at().toString())
                    .put("request_id", audit.requestId()).put("actor", audit.actor())
                    .put("actor_role", audit.actorRole()).put("api", audit.api()).put("method", audit.method())
                    .put("path", audit.path()).put("operation", audit.operation())
                    .put("connection_id", audit.connectionId()).put("resource_type", audit.resourceType())
                    .put("status", audit.status()).put("source_address", audit.sourceAddress());
            row.putRawValue("attributes", new RawValue(audit.attributes()));
        }
        return json.write(rows);
    }

    /** {@code synchronousCreateSeconds} of the connection's settings, at most 60 (as {@link SynchronousCreates}). */
    private static int seconds(String setting) {
        if (setting == null) {
            return 0;
        }
        try {
            return Math.min(new BigDecimal(setting).intValue(), 60);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    enum Result { CREATED, TAKEN, INDIVIDUALLY }

    static final class PendingCreate {
        final String connectionId;
        final UserData data;
        final CreateAuditTrail.Row audit;
        UUID id;
        Result result = Result.INDIVIDUALLY;
        StoredUser stored;
        int synchronousSeconds;
        boolean auditWritten;

        PendingCreate(String connectionId, UserData data, CreateAuditTrail.Row audit) {
            this.connectionId = connectionId;
            this.data = data;
            this.audit = audit;
        }
    }

    /**
     * The group as one statement. Its job row is the one {@code JobQueue.enqueue} writes for a new user,
     * a wave job when the connection has a backlog ({@link JobQueue#backlogOfAWave}). Each create takes the same advisory lock on its userName as
     * {@link UserService} does, so updates claiming that name wait for the commit. {@code on conflict do
     * nothing} on the unique (connection, lower(userName)) index settles duplicates — with committed users
     * and between creates of the group alike (the earlier create wins) — without failing the statement.
     * Each created user's audit entry is written by the same statement, unless the connection waits for
     * the vendor after a create (its answer, and so the entry's status, is not yet known).
     */
    private static final class StatementText {
        static final String SQL = """
                with input as (
                    select * from jsonb_to_recordset(cast(? as jsonb))
                        as t(n bigint, id uuid, connection_id text, lock_key text, user_name text, external_id text,
                             display_name text, active boolean, resource jsonb, email_keys text[])),
                locked as materialized (
                    select i.*, pg_advisory_xact_lock(hashtext(i.lock_key)) from input i),
                retained as (
                    select l.n from locked l
                    where l.external_id is not null and exists (
                        select 1 from scim_user u where u.connection_id = l.connection_id
                        and u.external_id = l.external_id and u.active = false)),
                inserted as (
                    insert into scim_user (id, connection_id, user_name, external_id, display_name, active, resource,
                                           email_keys, version, created, last_modified)
                    select l.id, l.connection_id, l.user_name, l.external_id, l.display_name, l.active,
                           l.resource, l.email_keys, 0, ?, ?
                    from locked l where l.n not in (select n from retained)
                    order by l.n
                    on conflict do nothing
                    returning id, connection_id),
                jobs as (
                    insert into provisioning_job (connection_id, user_id, state, attempts, next_attempt_at, created,
                                                  updated, wave)
                    select i.connection_id, i.id, 'pending', 0, ?, ?, ?, %s from inserted i
                    on conflict (connection_id, user_id) where state = 'pending'
                    do update set updated = excluded.updated,
                                  next_attempt_at = least(provisioning_job.next_attempt_at, excluded.next_attempt_at),
                                  wave = provisioning_job.wave and excluded.wave),
                waits as (
                    select l.n, (select case when jsonb_typeof(c.settings -> 'synchronousCreateSeconds') = 'number'
                                             then c.settings ->> 'synchronousCreateSeconds' end
                                 from connection c where c.id = l.connection_id) as seconds
                    from locked l),
                audited as (
                    insert into audit_log (at, request_id, actor, actor_role, api, method, path, operation,
                                           connection_id, resource_type, resource_id, status, attributes,
                                           source_address)
                    select a.at, a.request_id, a.actor, a.actor_role, a.api, a.method, a.path, a.operation,
                           a.connection_id, a.resource_type, cast(l.id as text), a.status, a.attributes,
                           a.source_address
                    from jsonb_to_recordset(cast(? as jsonb)) as a(n bigint, at timestamptz, request_id text,
                             actor text, actor_role text, api text, method text, path text, operation text,
                             connection_id text, resource_type text, status int, attributes jsonb,
                             source_address text)
                    join locked l on l.n = a.n
                    join waits w on w.n = a.n
                    where l.id in (select id from inserted)
                      and coalesce(trunc(cast(w.seconds as numeric)), 0) = 0
                    returning resource_id)
                select l.n, l.n in (select n from retained), l.id in (select id from inserted), w.seconds,
                       cast(l.id as text) in (select resource_id from audited)
                from locked l join waits w on w.n = l.n order by l.n""";

        /** The statement, with the queue's rule for when a new user's job is part of a wave. */
        static String sql(JobQueue queue) {
            return SQL.formatted(queue.backlogOfAWave("i.connection_id"));
        }

        private StatementText() {
        }
    }
}
