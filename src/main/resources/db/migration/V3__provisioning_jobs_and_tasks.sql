-- Durable queue: a job says "bring this user's vendor account to the IdP's current state". It is
-- written in the SCIM write's transaction (outbox). One pending job per user coalesces bursts.
create table provisioning_job (
    id               bigserial    primary key,
    connection_id    varchar(63)  not null references connection (id) on delete cascade,
    user_id          uuid         not null,
    state            varchar(8)   not null,
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    lease_until      timestamptz,
    worker           varchar(100),
    last_error       text,
    created          timestamptz  not null,
    updated          timestamptz  not null,
    constraint provisioning_job_state check (state in ('pending', 'running', 'done', 'dead'))
);
create unique index provisioning_job_one_pending on provisioning_job (connection_id, user_id) where state = 'pending';
create index provisioning_job_due on provisioning_job (next_attempt_at) where state = 'pending';
create index provisioning_job_running on provisioning_job (connection_id, user_id) where state = 'running';
create index provisioning_job_dead on provisioning_job (connection_id, updated) where state = 'dead';

-- What the vendor was last brought to, per user.
create table vendor_account (
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    user_id        uuid         not null,
    vendor_id      text,
    applied_seat   jsonb,
    status         varchar(16)  not null,
    last_error     text,
    pending_steps  int          not null default 0,
    updated        timestamptz  not null,
    primary key (connection_id, user_id),
    constraint vendor_account_status check (status in ('pending', 'provisioned', 'needs_action', 'failed'))
);

-- Work no API can do. At most one open task of a kind per user and field.
create table followup_task (
    id             uuid         primary key,
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    user_id        uuid,
    kind           varchar(64)  not null,
    field          varchar(32)  not null default '',
    reason         text         not null,
    console_path   text,
    monthly_cost   numeric(10, 2),
    currency       char(3),
    status         varchar(10)  not null,
    closed_by      text,
    created        timestamptz  not null,
    updated        timestamptz  not null,
    constraint followup_task_status check (status in ('open', 'done', 'verified', 'dismissed'))
);
create unique index followup_task_one_open on followup_task (connection_id, user_id, kind, field) where status = 'open';
create index followup_task_connection on followup_task (connection_id, status, created);

-- The timeline of each user's provisioning: steps, attempts, errors, tasks.
create table provisioning_event (
    id             bigserial    primary key,
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    user_id        uuid         not null,
    job_id         bigint,
    kind           varchar(16)  not null,
    detail         text         not null,
    at             timestamptz  not null
);
create index provisioning_event_user on provisioning_event (connection_id, user_id, at, id);

-- Calls made per vendor account in the current window, shared by every gateway instance.
create table rate_limit_window (
    connection_id  varchar(63)  primary key references connection (id) on delete cascade,
    window_start   timestamptz  not null,
    used           int          not null
);
