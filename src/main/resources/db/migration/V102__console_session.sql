-- Operator console sign-ins. The cookie carries the session id; only its hash is stored.
create table console_session (
    id_hash     char(64)     primary key,
    actor       text         not null,
    role        varchar(8)   not null,
    csrf_token  varchar(64)  not null,
    created     timestamptz  not null,
    expires     timestamptz  not null,
    constraint console_session_role check (role in ('admin', 'operator', 'viewer'))
);
create index console_session_expires on console_session (expires);
