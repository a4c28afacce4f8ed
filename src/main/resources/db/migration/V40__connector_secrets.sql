-- Secrets a connector rotates itself (VBC's single-use refresh token), encrypted like secret settings.
-- Renewal holds a transaction-scoped advisory lock on (connection_id, name) so that replicas take turns.
create table connector_secret (
    connection_id  varchar(63)   not null,
    name           varchar(100)  not null,
    value          jsonb         not null,
    updated_at     timestamptz   not null,
    primary key (connection_id, name)
);

-- No foreign key: a connector may renew before its connection row is committed (checking settings on save);
-- a deleted connection takes its rotated secrets with it.
create function connector_secret_forget() returns trigger language plpgsql as $$
begin
    delete from connector_secret where connection_id = old.id;
    return old;
end $$;

create trigger connection_forgets_rotated_secrets after delete on connection
    for each row execute function connector_secret_forget();
