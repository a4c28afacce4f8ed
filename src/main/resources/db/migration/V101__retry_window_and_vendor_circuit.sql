-- When a job's current run of retryable failures began: it is retried for a configured time
-- (patchbay.worker.retry-for), not a number of attempts.
alter table provisioning_job add column failing_since timestamptz;

-- One circuit per vendor account, shared by every instance: after repeated retryable failures it opens,
-- no job calls the vendor until probe_at, then one job probes it; the first success closes it.
create table vendor_circuit (
    connection_id    varchar(63)  primary key references connection (id) on delete cascade,
    failures         int          not null default 0,
    opened_at        timestamptz,
    probe_at         timestamptz,
    probe_millis     bigint,
    probe_job        bigint,
    last_error       text
);
