-- A follow-up the vendor sets for many users in one call (Genesys licenses, queue memberships): a
-- user's job leaves its step here and waits; a flush sends the connection's due steps together and
-- records each user's outcome on its own row, which the user's next run reads.
create table batched_step (
    id             bigserial    primary key,
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    user_id        uuid         not null,
    field          varchar(32)  not null,
    vendor_id      text         not null,
    value          jsonb,
    previous       jsonb,
    state          varchar(8)   not null,
    error_kind     varchar(16),
    error          text,
    created        timestamptz  not null,
    updated        timestamptz  not null,
    constraint batched_step_state check (state in ('pending', 'sending', 'done', 'failed'))
);
create unique index batched_step_one on batched_step (connection_id, user_id, field);
create index batched_step_due on batched_step (connection_id, state, created);
