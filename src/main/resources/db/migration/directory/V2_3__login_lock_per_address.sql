-- Failed logins per account AND client address: a stranger who guesses wrong locks out only
-- their own address, never the account's owner signing in from elsewhere.
-- account.locked_until keeps the latest lock from any address, for the admin's list.
create table account_login_lock (
    account_id       bigint       not null references account (id) on delete cascade,
    address          varchar(64)  not null,
    failed_attempts  int          not null default 0,
    locked_until     timestamptz,
    primary key (account_id, address)
);
