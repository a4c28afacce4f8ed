-- A window the vendor reports its own counters for follows them: its start moves to the vendor's
-- (now + reset - period), its used count is at least the vendor's, and allowed (null: as declared) is the
-- budget the vendor says it allows.
alter table rate_limit_budget add column allowed int;
