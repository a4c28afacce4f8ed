-- The IdP's view of users and groups, per connection. Columns hold what filters and uniqueness need;
-- `resource` holds every other SCIM attribute (canonical names, extension attributes under their URN).

create table scim_user (
    id             uuid         primary key,
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    user_name      text         not null,
    external_id    text,
    display_name   text,
    active         boolean      not null,
    resource       jsonb        not null,
    -- For each email: lower(type) || ':' || lower(value), and '*:' || lower(value) for any type.
    email_keys     text[]       not null default '{}',
    version        bigint       not null,
    created        timestamptz  not null,
    last_modified  timestamptz  not null
);
create unique index scim_user_user_name on scim_user (connection_id, lower(user_name));
create index scim_user_external_id on scim_user (connection_id, external_id);
create index scim_user_display_name on scim_user (connection_id, lower(display_name));
create index scim_user_email_keys on scim_user using gin (email_keys);
create index scim_user_created on scim_user (connection_id, created, id);

create table scim_group (
    id             uuid         primary key,
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    display_name   text         not null,
    external_id    text,
    resource       jsonb        not null,
    version        bigint       not null,
    created        timestamptz  not null,
    last_modified  timestamptz  not null
);
create unique index scim_group_display_name on scim_group (connection_id, lower(display_name));
create index scim_group_external_id on scim_group (connection_id, external_id);
create index scim_group_created on scim_group (connection_id, created, id);

-- Members are rows, so adding or removing one never reads or rewrites the whole list.
create table scim_group_member (
    group_id       uuid         not null references scim_group (id) on delete cascade,
    member_id      uuid         not null,
    member_type    varchar(5)   not null,
    connection_id  varchar(63)  not null,
    added          timestamptz  not null,
    primary key (group_id, member_id),
    constraint scim_group_member_type check (member_type in ('User', 'Group'))
);
create index scim_group_member_member on scim_group_member (member_id);
