-- Every saved policy is kept; the highest version of a connection is in force.
create table connection_policy (
    connection_id  varchar(63)  not null references connection (id) on delete cascade,
    version        int          not null,
    document       jsonb        not null,
    created        timestamptz  not null,
    primary key (connection_id, version)
);
