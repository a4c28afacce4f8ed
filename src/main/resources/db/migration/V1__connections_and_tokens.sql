create table connection (
    id            varchar(63)  primary key,
    vendor        varchar(32)  not null,
    display_name  varchar(200) not null,
    settings      jsonb        not null default '{}'::jsonb,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint connection_id_slug check (id ~ '^[a-z0-9-]{3,63}$'),
    constraint connection_vendor check (vendor in ('five9', 'genesys', 'eightbyeight', 'vbc', 'vcc'))
);

create table scim_token (
    id             uuid         primary key,
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    token_hash     varchar(64)  not null,
    description    varchar(200),
    created_at     timestamptz  not null,
    expires_at     timestamptz,
    revoked_at     timestamptz
);
create unique index scim_token_hash on scim_token (token_hash);
create index scim_token_connection on scim_token (connection_id, created_at);

-- The generated admin bootstrap token (only its hash); a configured one is never stored.
create table admin_bootstrap_token (
    id          smallint     primary key default 1,
    token_hash  varchar(64)  not null,
    created_at  timestamptz  not null,
    constraint admin_bootstrap_token_single_row check (id = 1)
);
