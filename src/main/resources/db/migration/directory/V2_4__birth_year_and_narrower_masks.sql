-- The birth date in clear, beside a mask that hid exactly its eight digits, gave back every ID
-- number. Keep only the birth year in clear (age filters), show region and check character of the
-- ID number only, and no house number of an address. The full birth date stays inside the
-- encrypted ID number.
alter table person add column birth_year smallint;
update person set birth_year = extract(year from birth_date)::smallint where birth_date is not null;
alter table person drop column birth_date;
create index person_birth_year_idx on person (birth_year);

-- The new masks keep a subset of what the old ones showed, so they are derived without the key.
update person
set id_number_masked = substr(id_number_masked, 1, 6) || repeat('*', length(id_number_masked) - 7)
        || substr(id_number_masked, length(id_number_masked), 1)
where length(id_number_masked) >= 14;

update person
set address_masked = regexp_replace(address_masked, '[0-9０-９].*$', '') || '****'
where address_masked ~ '[0-9０-９]';
