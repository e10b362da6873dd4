-- API bearer tokens: only a hash of the token is stored.
create table api_token (
    token_hash  bytea        primary key,
    username    varchar(64)  not null,
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz  not null
);
create index api_token_expires_idx on api_token (expires_at);

-- Failed logins per client address and minute, shared by every instance.
create table login_throttle (
    address      varchar(64)  not null,
    window_start timestamptz  not null,
    failures     int          not null,
    primary key (address, window_start)
);

-- In-app notifications any module posts to an account.
create table notification (
    id          bigserial    primary key,
    recipient   varchar(64)  not null,
    category    varchar(32)  not null default 'GENERAL',
    title       varchar(200) not null,
    body        text         not null default '',
    link        varchar(500),
    created_at  timestamptz  not null default now(),
    read_at     timestamptz
);
create index notification_recipient_idx on notification (recipient, read_at, created_at desc);

-- Runs a scheduled job once across instances (see ClusterLock).
create table job_lock (
    name        varchar(100) primary key,
    locked_until timestamptz not null,
    locked_by   varchar(100) not null
);
