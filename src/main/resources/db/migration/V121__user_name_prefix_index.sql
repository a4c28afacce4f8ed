-- The console's and the admin API's user search by userName prefix (lower(user_name) like 'ada%'): the unique
-- index on lower(user_name) follows the database's collation, which a LIKE prefix cannot use unless it is C.
create index scim_user_user_name_prefix on scim_user (connection_id, lower(user_name) text_pattern_ops);
