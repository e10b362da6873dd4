-- Org tree with a materialized path ('/1/4/9/') so that a subtree is one prefix match.
create table org (
    id            bigserial    primary key,
    parent_id     bigint       references org (id),
    name          varchar(100) not null,
    type          varchar(20)  not null,
    division_code varchar(12),
    path          varchar(2000) not null,
    depth         int          not null,
    sort_order    int          not null default 0,
    closed_at     timestamptz,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    version       int          not null default 0,
    constraint org_type_chk check (type in ('CITY','DISTRICT','STREET','COMMUNITY','VILLAGE','AGENCY','DEPARTMENT','SCHOOL','ENTERPRISE','SOCIAL_ORG'))
);
create index org_parent_idx on org (parent_id);
create index org_path_idx on org (path text_pattern_ops);
create unique index org_division_code_uk on org (division_code) where division_code is not null and closed_at is null;

-- People. ID number, phone and address are AES-GCM ciphertext with a keyed hash (HMAC) beside
-- the first two for look-ups and uniqueness; the masked form is kept for lists.
create table person (
    id                 bigserial    primary key,
    name               varchar(50)  not null,
    gender             varchar(6),
    birth_date         date,
    id_number_cipher   bytea,
    id_number_hash     bytea,
    id_number_masked   varchar(18),
    phone_cipher       bytea,
    phone_hash         bytea,
    phone_masked       varchar(11),
    address_cipher     bytea,
    address_masked     varchar(100),
    political_status   varchar(20),
    tags               varchar(20)[] not null default '{}',
    work_org_id        bigint       references org (id),
    home_org_id        bigint       references org (id),
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    version            int          not null default 0,
    constraint person_org_chk check (work_org_id is not null or home_org_id is not null)
);
create unique index person_id_number_uk on person (id_number_hash) where id_number_hash is not null;
create index person_phone_hash_idx on person (phone_hash);
create index person_work_org_idx on person (work_org_id);
create index person_home_org_idx on person (home_org_id);
create index person_name_idx on person (name);

create table care_recipient (
    id                  bigserial    primary key,
    person_id           bigint       not null references person (id),
    type                varchar(30)  not null,
    needs               text         not null default '',
    responsible_org_id  bigint       not null references org (id),
    created_at          timestamptz  not null default now(),
    closed_at           timestamptz,
    version             int          not null default 0
);
create unique index care_recipient_uk on care_recipient (person_id, type) where closed_at is null;
create index care_recipient_org_idx on care_recipient (responsible_org_id);

create table account (
    id               bigserial    primary key,
    person_id        bigint       not null references person (id),
    username         varchar(64)  not null unique,
    password_hash    varchar(200) not null,
    enabled          boolean      not null default true,
    failed_attempts  int          not null default 0,
    locked_until     timestamptz,
    large_font       boolean      not null default false,
    last_login_at    timestamptz,
    created_at       timestamptz  not null default now(),
    version          int          not null default 0
);
create index account_person_idx on account (person_id);

create table role_assignment (
    id          bigserial   primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    role        varchar(30) not null,
    org_id      bigint      not null references org (id),
    created_at  timestamptz not null default now(),
    constraint role_assignment_uk unique (account_id, role, org_id),
    constraint role_chk check (role in ('OFFICE_ADMIN','UNIT_ADMIN','INSPECTOR','ASSESSOR','TEAM_LEADER','VOLUNTEER','RESIDENT'))
);
create index role_assignment_org_idx on role_assignment (org_id);
