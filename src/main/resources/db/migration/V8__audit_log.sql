-- Who changed what through the admin and SCIM APIs (and failed authentication). Names of attributes only,
-- never values. No foreign keys: entries outlive the connections they name.
create table audit_log (
    id              bigserial    primary key,
    at              timestamptz  not null,
    request_id      varchar(128) not null,
    actor           varchar(200) not null,
    actor_role      varchar(32),
    api             varchar(8)   not null,
    method          varchar(8)   not null,
    path            varchar(500) not null,
    operation       varchar(16)  not null,
    connection_id   varchar(63),
    resource_type   varchar(32),
    resource_id     varchar(200),
    status          integer      not null,
    attributes      jsonb        not null default '[]'::jsonb,
    source_address  varchar(64)
);
create index audit_log_at on audit_log (at);
create index audit_log_connection on audit_log (connection_id, id);
create index audit_log_actor on audit_log (actor, id);
