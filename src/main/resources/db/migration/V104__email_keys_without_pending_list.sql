-- An email lookup (emails[type eq "work"].value eq "…") reads the whole pending list of the GIN index,
-- the entries not yet merged into it: after a burst of creates (an IdP's first sync of 100,000 users) that
-- costs 3-6 ms per lookup until a vacuum merges them. Entries now go straight into the index; a create
-- pays a little more instead.
alter index scim_user_email_keys set (fastupdate = off);
select gin_clean_pending_list('scim_user_email_keys'::regclass);
