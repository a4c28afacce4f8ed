-- A batched step that failed because a person must act keeps the task the vendor's answer calls for
-- (kind, reason, console path, field), so that the user's job raises it as a step run alone would.
alter table batched_step add column task jsonb;
