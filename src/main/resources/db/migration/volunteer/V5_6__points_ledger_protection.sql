-- The application role may only append to the points ledger and read the balances; a balance changes
-- only with an entry, by a trigger that runs as the owner (security definer) and refuses an entry whose
-- balance_after is not the balance plus its delta. Issued certificates are append-only.

-- Creates the person's account when missing and locks it for the caller's transaction; the balance.
create function points_account_lock(p_person bigint) returns bigint
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    b bigint;
begin
    insert into points_account (person_id, balance) values (p_person, 0) on conflict (person_id) do nothing;
    select balance into b from points_account where person_id = p_person for update;
    return b;
end;
$$;

create function points_account_apply() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    b bigint;
begin
    update points_account set balance = balance + new.delta where person_id = new.person_id
    returning balance into b;
    if not found then
        insert into points_account (person_id, balance) values (new.person_id, new.delta) returning balance into b;
    end if;
    if b <> new.balance_after then
        raise exception '积分余额与记录不符' using errcode = 'P0001';
    end if;
    return new;
end;
$$;
create trigger points_entry_account after insert on points_entry
    for each row execute function points_account_apply();

insert into db_table_access (table_name, access) values
    ('points_entry', 'APPEND_ONLY'),
    ('points_account', 'READ_ONLY'),
    ('volunteer_certificate', 'APPEND_ONLY');

insert into ledger_chain (table_name, columns) values
    ('points_entry', 'id,person_id,kind,delta,balance_after,reason,hours_entry_id,redemption_id,created_by,created_at');
