-- Registered volunteers (志愿服务记录办法), their teams (志愿服务队) and team membership.
create table volunteer (
    id                 bigserial     primary key,
    person_id          bigint        not null references person (id),
    -- 志愿者编号, given when the registration is approved
    volunteer_no       varchar(20)   unique,
    -- the community (or unit) that reviews the registration and keeps the record
    org_id             bigint        not null references org (id),
    status             varchar(14)   not null default 'PENDING',
    -- SELF: registered from a phone; UNIT: registered by a unit
    source             varchar(6)    not null,
    skills             varchar(500)  not null default '',
    service_areas      varchar(500)  not null default '',
    availability       varchar(200)  not null default '',
    education          varchar(20),
    political_status   varchar(20),
    emergency_contact  varchar(50),
    emergency_phone_cipher bytea,
    emergency_phone_masked varchar(11),
    star_level         int           not null default 0,
    registered_at      timestamptz   not null default now(),
    reviewed_by        varchar(64),
    reviewed_at        timestamptz,
    review_note        varchar(500),
    deregistered_at    timestamptz,
    deregister_reason  varchar(500),
    version            int           not null default 0,
    constraint volunteer_status_chk check (status in ('PENDING', 'ACTIVE', 'REJECTED', 'DEREGISTERED')),
    constraint volunteer_source_chk check (source in ('SELF', 'UNIT')),
    constraint volunteer_star_chk check (star_level between 0 and 5)
);
create unique index volunteer_person_live_uk on volunteer (person_id) where status in ('PENDING', 'ACTIVE');
create index volunteer_org_idx on volunteer (org_id, status);

create sequence volunteer_no_seq;

create table volunteer_team (
    id                bigserial     primary key,
    name              varchar(100)  not null,
    org_id            bigint        not null references org (id),
    leader_person_id  bigint        not null references person (id),
    description       text          not null default '',
    service_areas     varchar(500)  not null default '',
    created_at        timestamptz   not null default now(),
    closed_at         timestamptz,
    version           int           not null default 0
);
create unique index volunteer_team_name_uk on volunteer_team (org_id, name) where closed_at is null;
create index volunteer_team_leader_idx on volunteer_team (leader_person_id);

create table team_member (
    id          bigserial    primary key,
    team_id     bigint       not null references volunteer_team (id),
    person_id   bigint       not null references person (id),
    status      varchar(10)  not null default 'PENDING',
    applied_at  timestamptz  not null default now(),
    decided_by  varchar(64),
    decided_at  timestamptz,
    left_at     timestamptz,
    note        varchar(500),
    constraint team_member_status_chk check (status in ('PENDING', 'ACTIVE', 'REJECTED', 'LEFT'))
);
create unique index team_member_live_uk on team_member (team_id, person_id) where status in ('PENDING', 'ACTIVE');
create index team_member_person_idx on team_member (person_id, status);
