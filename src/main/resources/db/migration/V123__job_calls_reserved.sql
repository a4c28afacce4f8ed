-- The vendor calls a running job's step has reserved from its connection's budget. They hold the budget
-- apart from the window's count while the step runs, and no longer once the step ends or its lease expires
-- (a worker that died), so that a reservation is never counted as calls made.
alter table provisioning_job add column calls_reserved integer not null default 0;
