-- Yearly sums of the ledger per person, organizing org and team (0 when none), kept by a trigger in
-- the inserting transaction like hours_month. A leaderboard over whole calendar years reads one row
-- per person, org and team and year (about one per volunteer and year) instead of twelve monthly
-- ones; because the org stays in the key, the same rows serve every subtree (one prefix match on
-- org.path) and the rankings of teams and of child orgs.
create table hours_year (
    year       int            not null,
    person_id  bigint         not null,
    org_id     bigint         not null,
    team_id    bigint         not null,
    hours      numeric(12, 2) not null,
    entries    int            not null,
    primary key (year, person_id, org_id, team_id)
);
-- a small subtree reaches its rows from its orgs
create index hours_year_org_idx on hours_year (org_id, year);

create function hours_year_add() returns trigger language plpgsql as $$
begin
    insert into hours_year (year, person_id, org_id, team_id, hours, entries)
    values (extract(year from new.service_date)::int, new.person_id, new.org_id, coalesce(new.team_id, 0), new.hours, 1)
    on conflict (year, person_id, org_id, team_id)
    do update set hours = hours_year.hours + excluded.hours, entries = hours_year.entries + 1;
    return new;
end;
$$;
create trigger hours_entry_year after insert on hours_entry
    for each row execute function hours_year_add();

-- the entries recorded before this migration
insert into hours_year (year, person_id, org_id, team_id, hours, entries)
select extract(year from service_date)::int, person_id, org_id, coalesce(team_id, 0), sum(hours), count(*)
from hours_entry
group by 1, 2, 3, 4;
