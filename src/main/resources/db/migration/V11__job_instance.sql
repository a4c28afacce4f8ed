-- The gateway instance that runs a job: a job whose instance has no session left in PostgreSQL
-- belongs to a dead process, and neither waits for its lease nor counts toward the vendor's concurrency.
alter table provisioning_job add column instance text;
