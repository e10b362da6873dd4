-- Each person's total of a year over the whole tree, kept by a trigger like hours_year, so that the
-- leaderboard of the city for a year is the first rows of one index.
create table hours_person_year (
    year       int            not null,
    person_id  bigint         not null,
    hours      numeric(12, 2) not null,
    primary key (year, person_id)
);
create index hours_person_year_rank_idx on hours_person_year (year, hours desc, person_id);

create function hours_person_year_add() returns trigger language plpgsql as $$
begin
    insert into hours_person_year (year, person_id, hours)
    values (extract(year from new.service_date)::int, new.person_id, new.hours)
    on conflict (year, person_id) do update set hours = hours_person_year.hours + excluded.hours;
    return new;
end;
$$;
create trigger hours_entry_person_year after insert on hours_entry
    for each row execute function hours_person_year_add();

insert into hours_person_year (year, person_id, hours)
select extract(year from service_date)::int, person_id, sum(hours) from hours_entry group by 1, 2;
