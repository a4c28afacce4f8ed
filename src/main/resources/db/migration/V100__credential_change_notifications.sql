-- Every change to a SCIM credential (revocation, deletion, a connection deleted with its credentials) tells
-- every gateway instance at commit, so that credentials verified and cached in memory stop working at once.
create function notify_credential_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('patchbay_credentials', tg_table_name);
    return null;
end;
$$;

create trigger scim_token_changed after update or delete on scim_token
    for each statement execute function notify_credential_change();
create trigger scim_basic_credential_changed after update or delete on scim_basic_credential
    for each statement execute function notify_credential_change();
create trigger scim_oauth_client_changed after update or delete on scim_oauth_client
    for each statement execute function notify_credential_change();
create trigger scim_trusted_issuer_changed after update or delete on scim_trusted_issuer
    for each statement execute function notify_credential_change();
create trigger connection_deleted after delete on connection
    for each statement execute function notify_credential_change();
