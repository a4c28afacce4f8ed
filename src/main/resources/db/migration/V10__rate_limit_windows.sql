-- Several fixed windows per vendor account (per minute, hour, day, ...), shared by every gateway
-- instance. A window starts on its period's boundary (epoch-aligned) and is reset when the next begins.
create table rate_limit_budget (
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    period_millis  bigint       not null,
    window_start   timestamptz  not null,
    used           int          not null,
    primary key (connection_id, period_millis)
);
-- rate_limit_window keeps one row per vendor account: the pause, and the lock that orders acquisitions.
-- Its window_start and used columns are no longer read (kept so that an instance of the previous
-- release still runs during a rolling deploy).
