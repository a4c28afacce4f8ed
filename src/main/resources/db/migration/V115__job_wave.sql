-- A job that is part of a wave (one of many users enqueued together, or a new user arriving while its
-- connection has a backlog) yields to single changes; offboarding goes first (decided at claim time).
alter table provisioning_job add column wave boolean not null default false;
