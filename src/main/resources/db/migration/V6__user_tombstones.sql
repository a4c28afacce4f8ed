-- When the IdP deleted a user, so a policy can delete the vendor account some days later.
create table scim_user_tombstone (
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    user_id        uuid         not null,
    deleted_at     timestamptz  not null,
    primary key (connection_id, user_id)
);
