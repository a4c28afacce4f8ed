-- A vendor's 429 with Retry-After pauses every instance's calls for that vendor account until then.
alter table rate_limit_window add column paused_until timestamptz;
