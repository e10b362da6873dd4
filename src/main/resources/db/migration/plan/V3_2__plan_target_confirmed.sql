-- A target found by the outline parser carries a suggested metric until someone confirms or changes it.
alter table plan_target add column confirmed boolean not null default false;
