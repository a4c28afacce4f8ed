-- Outbox of task notifications: written with the task, sent by a scheduled sender with retries.
create table webhook_delivery (
    id               bigserial    primary key,
    connection_id    varchar(63)  not null references connection (id) on delete cascade,
    task_id          uuid         not null,
    url              text         not null,
    payload          text         not null,
    state            varchar(10)  not null,
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       text,
    created          timestamptz  not null,
    updated          timestamptz  not null,
    constraint webhook_delivery_state check (state in ('pending', 'delivered', 'dead'))
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'pending';
