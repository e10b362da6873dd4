-- What the application role may do with a table (AppRoleGrants grants it after every migration):
-- APPEND_ONLY tables SELECT and INSERT, READ_ONLY tables SELECT, NONE nothing; a table not listed
-- here SELECT, INSERT, UPDATE and DELETE. TRUNCATE, REFERENCES, TRIGGER and DDL never. A module
-- lists its ledgers and derived tables here in the migration that creates them.
create table db_table_access (
    table_name  varchar(63)  primary key,
    access      varchar(12)  not null,
    constraint db_table_access_chk check (access in ('APPEND_ONLY', 'READ_ONLY', 'NONE'))
);

-- The tables whose rows are chained by hashes (LedgerSeals), with the columns that make a row's
-- canonical content, in order. A module registers its ledger here.
create table ledger_chain (
    table_name  varchar(63)  primary key,
    columns     text         not null,
    constraint ledger_chain_columns_chk check (columns ~ '^[a-z_][a-z0-9_]*(,[a-z_][a-z0-9_]*)*$')
);

-- The seal of each ledger row: SHA-256 over the previous row's hash and this row's canonical content,
-- written by the sealing job in id order, after the row's transaction committed. Append-only.
create table ledger_seal (
    table_name  varchar(63)  not null references ledger_chain (table_name),
    row_id      bigint       not null,
    hash        bytea        not null,
    sealed_at   timestamptz  not null default now(),
    primary key (table_name, row_id)
);

create function ledger_seal_append_only() returns trigger language plpgsql as $$
begin
    raise exception '账本封印只能追加，不能修改或删除' using errcode = 'P0001';
end;
$$;
create trigger ledger_seal_no_update before update or delete on ledger_seal
    for each row execute function ledger_seal_append_only();
create trigger ledger_seal_no_truncate before truncate on ledger_seal
    for each statement execute function ledger_seal_append_only();

insert into db_table_access (table_name, access) values
    ('audit_log', 'APPEND_ONLY'),
    ('ledger_seal', 'APPEND_ONLY'),
    ('db_table_access', 'READ_ONLY'),
    ('ledger_chain', 'READ_ONLY'),
    ('flyway_schema_history', 'NONE');

insert into ledger_chain (table_name, columns) values
    ('audit_log', 'id,at,actor,actor_ip,org_id,entity_type,entity_id,action,summary');
