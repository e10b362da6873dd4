-- An account opened by an admin, or whose password an admin reset, changes its password at its
-- next sign-in (/me/password) before it may do anything else.
alter table account add column must_change_password boolean not null default false;
