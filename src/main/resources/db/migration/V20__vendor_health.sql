-- The vendor list is the connectors present in the gateway, checked when a connection is saved.
alter table connection drop constraint connection_vendor;

-- The last check of each connection's vendor account: credentials accepted, vendor reachable.
create table connection_health (
    connection_id  varchar(63)  primary key references connection (id) on delete cascade,
    state          varchar(32)  not null,
    detail         text,
    checked_at     timestamptz  not null
);
