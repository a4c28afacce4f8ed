-- A reconciliation run reads a connection's vendor accounts back page by page and classifies each one
-- against the IdP's view. The cursor and the counts are saved after every page, so a run that a restart
-- broke off continues where it stopped.
create table reconciliation_run (
    id               uuid         primary key,
    connection_id    varchar(63)  not null references connection (id) on delete cascade,
    preview          boolean      not null,
    trigger          varchar(10)  not null,
    state            varchar(8)   not null,
    phase            varchar(10)  not null,
    cursor           text,
    accounts_read    int          not null default 0,
    estimated_total  bigint,
    pages            int          not null default 0,
    vendor_calls     int          not null default 0,
    started          timestamptz  not null,
    updated          timestamptz  not null,
    finished         timestamptz,
    next_page_at     timestamptz  not null,
    lease_until      timestamptz,
    error            text,
    constraint reconciliation_run_trigger check (trigger in ('on_demand', 'scheduled')),
    constraint reconciliation_run_state check (state in ('running', 'done', 'failed')),
    constraint reconciliation_run_phase check (phase in ('listing', 'missing', 'done'))
);
create unique index reconciliation_run_one_running on reconciliation_run (connection_id) where state = 'running';
create index reconciliation_run_connection on reconciliation_run (connection_id, started desc);
create index reconciliation_run_due on reconciliation_run (next_page_at) where state = 'running';

-- One row per vendor account read (and per account Patchbay links that the vendor no longer has).
create table reconciliation_finding (
    id               bigserial    primary key,
    run_id           uuid         not null references reconciliation_run (id) on delete cascade,
    vendor_ref       text         not null,
    user_id          uuid,
    situation        varchar(16)  not null,
    user_name        text,
    email            text,
    license          text,
    -- The phone numbers (DIDs) the account holds, where the vendor bills lines and numbers.
    numbers          text,
    active           boolean,
    idp_active       boolean,
    last_login       timestamptz,
    never_logged_in  boolean      not null default false,
    drift            jsonb,
    action           varchar(8)   not null,
    action_taken     boolean      not null,
    constraint reconciliation_finding_situation
        check (situation in ('in_sync', 'drift', 'orphan', 'idp_only', 'unlinked_match')),
    constraint reconciliation_finding_action check (action in ('report', 'correct', 'task', 'adopt'))
);
-- A page read again after a crash adds nothing twice.
create unique index reconciliation_finding_account on reconciliation_finding (run_id, vendor_ref);
create index reconciliation_finding_situation on reconciliation_finding (run_id, situation, id);
