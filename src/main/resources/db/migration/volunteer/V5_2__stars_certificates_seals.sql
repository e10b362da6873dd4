-- Star-level thresholds set by an org for its subtree (the nearest ancestor's setting applies;
-- without one, the national default of 中国社区志愿者注册管理办法), each issued 志愿服务证明,
-- and the seal image an org puts on them.
create table star_threshold (
    org_id      bigint        primary key references org (id),
    star1       numeric(8, 2) not null,
    star2       numeric(8, 2) not null,
    star3       numeric(8, 2) not null,
    star4       numeric(8, 2) not null,
    star5       numeric(8, 2) not null,
    updated_by  varchar(64)   not null,
    updated_at  timestamptz   not null default now(),
    constraint star_threshold_increasing_chk check (0 < star1 and star1 < star2 and star2 < star3
        and star3 < star4 and star4 < star5)
);

-- The highest level the volunteer was told about, so that reaching a level notifies once.
alter table volunteer add column star_notified int not null default 0;

create table volunteer_certificate (
    id          bigserial     primary key,
    code        varchar(20)   not null unique,
    person_id   bigint        not null references person (id),
    org_id      bigint        not null references org (id),
    issued_at   timestamptz   not null default now(),
    issued_by   varchar(64)   not null,
    -- what the certificate states, as JSON, and its HMAC-SHA256 under the server key
    snapshot    text          not null,
    signature   bytea         not null,
    total_hours numeric(10, 2) not null
);
create index volunteer_certificate_person_idx on volunteer_certificate (person_id);

create table org_seal (
    org_id      bigint        primary key references org (id),
    png         bytea         not null,
    uploaded_by varchar(64)   not null,
    uploaded_at timestamptz   not null default now()
);
