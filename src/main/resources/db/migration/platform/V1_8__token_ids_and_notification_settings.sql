-- A number for each API token, so that its owner can see and revoke one on 个人中心 without the token
-- (only its hash is stored) ever being shown again.
alter table api_token add column id bigserial;
create unique index api_token_id_idx on api_token (id);
create index api_token_username_idx on api_token (username);

-- The kinds of notification (notification.category) a person chose not to receive in the inbox.
-- No row: every kind is received.
create table notification_mute (
    username    varchar(64)  not null,
    category    varchar(32)  not null,
    muted_at    timestamptz  not null default now(),
    primary key (username, category)
);
