-- Idempotency-Key of a create request that phones retry, per account, kept for a day (configurable):
-- claimed before the work runs (response_status null while it runs), then the answer to replay.
create table idempotency_key (
    owner              varchar(64)   not null,
    idem_key           varchar(255)  not null,
    request_hash       bytea         not null,
    created_at         timestamptz   not null default now(),
    response_status    int,
    response_type      varchar(200),
    response_location  varchar(500),
    response_body      bytea,
    primary key (owner, idem_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
