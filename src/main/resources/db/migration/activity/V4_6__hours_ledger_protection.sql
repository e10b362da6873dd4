-- The application role may only append to the hours ledger and only read the sums kept from it; the
-- triggers that keep the sums run as the owner (security definer).
alter function hours_month_add() security definer set search_path = public, pg_temp;
alter function hours_year_add() security definer set search_path = public, pg_temp;
alter function hours_person_year_add() security definer set search_path = public, pg_temp;

insert into db_table_access (table_name, access) values
    ('hours_entry', 'APPEND_ONLY'),
    ('hours_month', 'READ_ONLY'),
    ('hours_year', 'READ_ONLY'),
    ('hours_person_year', 'READ_ONLY');

insert into ledger_chain (table_name, columns) values
    ('hours_entry', 'id,person_id,activity_id,org_id,team_id,kind,hours,service_date,period_start,period_end,'
        || 'reason,corrects_entry_id,recorded_by,approved_by,approver_person_id,created_at');
