-- The console's "backlog over the last day" chart: each connection's outstanding jobs, sampled on a fixed grid
-- (replicas sampling the same instant write one row), kept for two days.
create table console_backlog_sample (
    connection_id text not null,
    at timestamptz not null,
    remaining bigint not null,
    primary key (connection_id, at)
);
create index console_backlog_sample_at on console_backlog_sample (at);
