-- The rotating check-in tokens of an activity: each lives 30 seconds and, once used, belongs to
-- the person who used it. The short code is unique among the live tokens of its activity (checked
-- when issued, under an advisory lock per activity).
create table checkin_token (
    id           bigserial    primary key,
    activity_id  bigint       not null references activity (id),
    nonce        varchar(32)  not null,
    code         char(6)      not null,
    issued_at    timestamptz  not null,
    expires_at   timestamptz  not null,
    used_by      bigint       references person (id),
    used_at      timestamptz,
    constraint checkin_token_period_chk check (expires_at > issued_at)
);
create unique index checkin_token_nonce_uk on checkin_token (activity_id, nonce);
create index checkin_token_live_idx on checkin_token (activity_id, expires_at);
create index checkin_token_code_idx on checkin_token (activity_id, code, expires_at);
