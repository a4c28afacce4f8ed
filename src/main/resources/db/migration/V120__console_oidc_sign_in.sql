-- Console sign-ins through the admin OIDC provider (authorization-code flow with PKCE). A started sign-in
-- waits here for its callback and is used once: a replayed or forged callback finds no row. Only hashes of
-- the state and of the browser's binding cookie are stored.
create table console_oidc_login (
    state_hash     char(64)     primary key,
    browser_hash   char(64)     not null,
    nonce          varchar(64)  not null,
    code_verifier  varchar(128) not null,
    redirect_uri   text         not null,
    expires        timestamptz  not null
);
create index console_oidc_login_expires on console_oidc_login (expires);

-- A session opened through the provider is checked with it again at recheck_at (its refresh token, sealed
-- like other secrets); null for sessions opened with a pasted token.
alter table console_session
    add column oidc_refresh_token text,
    add column recheck_at timestamptz;
