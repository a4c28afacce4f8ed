-- What a job took from its connection's budget over all its runs (vendor calls where the budget counts
-- calls, else steps): the measured cost of a job, from which progress estimates when a backlog finishes.
alter table provisioning_job add column budget_used int not null default 0;
