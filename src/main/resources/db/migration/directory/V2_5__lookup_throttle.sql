-- Look-ups that can confirm a full ID number or phone (exact search, self-registration checks,
-- refused duplicates), per account and minute, shared by every instance.
create table lookup_throttle (
    account      varchar(64)  not null,
    window_start timestamptz  not null,
    lookups      int          not null,
    primary key (account, window_start)
);
