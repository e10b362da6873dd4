-- Append-only audit log: the database itself refuses UPDATE, DELETE and TRUNCATE.
create table audit_log (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    actor       varchar(64)  not null,
    actor_ip    varchar(64),
    org_id      bigint,
    entity_type varchar(64)  not null,
    entity_id   varchar(64),
    action      varchar(64)  not null,
    summary     text         not null default ''
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_actor_idx on audit_log (actor, at desc);
create index audit_log_org_idx on audit_log (org_id, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception '审计日志只能追加，不能修改或删除' using errcode = 'P0001';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
