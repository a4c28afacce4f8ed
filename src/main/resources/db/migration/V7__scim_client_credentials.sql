-- OAuth 2.0 clients (client credentials grant) of a connection; only the SHA-256 of the 256-bit secret is kept.
create table scim_oauth_client (
    id                      uuid         primary key,
    connection_id           varchar(63)  not null references connection (id) on delete cascade,
    client_id               varchar(100) not null,
    secret_hash             varchar(64)  not null,
    description             varchar(200),
    token_lifetime_minutes  integer,
    created_at              timestamptz  not null,
    revoked_at              timestamptz,
    constraint scim_oauth_client_lifetime check (token_lifetime_minutes between 60 and 360)
);
create unique index scim_oauth_client_client_id on scim_oauth_client (client_id);
create index scim_oauth_client_connection on scim_oauth_client (connection_id, created_at);

-- HTTP Basic credentials of a connection; the password is kept as a salted PBKDF2 hash.
create table scim_basic_credential (
    id             uuid         primary key,
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    username       varchar(200) not null,
    password_hash  varchar(200) not null,
    description    varchar(200),
    created_at     timestamptz  not null,
    revoked_at     timestamptz
);
create unique index scim_basic_credential_live_username
    on scim_basic_credential (connection_id, username) where revoked_at is null;

-- External token issuers (for example Entra ID) whose JWTs a connection accepts.
create table scim_trusted_issuer (
    id               uuid          primary key,
    connection_id    varchar(63)   not null references connection (id) on delete cascade,
    issuer           varchar(500)  not null,
    audience         varchar(500)  not null,
    jwks_url         varchar(1000),
    required_claims  jsonb         not null default '{}'::jsonb,
    description      varchar(200),
    created_at       timestamptz   not null
);
create unique index scim_trusted_issuer_connection_issuer on scim_trusted_issuer (connection_id, issuer);

-- The key pair Patchbay signs its OAuth access tokens with, shared by every replica.
create table oauth_signing_key (
    id           smallint      primary key default 1,
    key_id       varchar(64)   not null,
    algorithm    varchar(16)   not null,
    private_key  text          not null,
    public_key   text          not null,
    created_at   timestamptz   not null,
    constraint oauth_signing_key_single_row check (id = 1)
);
