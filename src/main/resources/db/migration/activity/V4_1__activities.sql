-- Activities of every kind, their sign-ups, attendance and the hours ledger.
create table activity (
    id                 bigserial     primary key,
    title              varchar(200)  not null,
    type               varchar(20)   not null,
    organizer_org_id   bigint        not null references org (id),
    -- the volunteer team that runs it (volunteer_team of the volunteer module), if any
    team_id            bigint,
    place              varchar(200)  not null,
    lat                double precision,
    lng                double precision,
    radius_m           int           not null default 300,
    starts_at          timestamptz   not null,
    ends_at            timestamptz   not null,
    capacity           int           not null,
    signup_opens_at    timestamptz,
    signup_closes_at   timestamptz,
    cancel_deadline    timestamptz,
    audience           varchar(20)   not null default 'ANYONE',
    audience_org_id    bigint        references org (id),
    audience_team_id   bigint,
    hours_rule         varchar(10)   not null default 'ACTUAL',
    fixed_hours        numeric(5, 2),
    service_target     varchar(200),
    care_recipient_id  bigint        references care_recipient (id),
    summary            text,
    status             varchar(12)   not null default 'DRAFT',
    -- how many sign-ups are confirmed; guarded by the row lock of the sign-up transaction
    confirmed_count    int           not null default 0,
    -- secret of the rotating check-in tokens of this activity
    checkin_secret     bytea         not null,
    created_by         varchar(64)   not null,
    created_at         timestamptz   not null default now(),
    cancelled_at       timestamptz,
    cancel_reason      varchar(500),
    version            int           not null default 0,
    constraint activity_type_chk check (type in ('VOLUNTEER_SERVICE', 'THEORY_STUDY', 'MORAL_LECTURE', 'FESTIVAL',
        'CULTURE_SPORTS', 'TRAINING', 'CARE_VISIT', 'PAIRING', 'CONTEST', 'OTHER')),
    constraint activity_status_chk check (status in ('DRAFT', 'OPEN', 'ONGOING', 'FINISHED', 'CANCELLED')),
    constraint activity_audience_chk check (audience in ('ANYONE', 'ORG_RESIDENTS', 'TEAM_MEMBERS', 'VOLUNTEERS')),
    constraint activity_hours_rule_chk check (hours_rule in ('ACTUAL', 'FIXED')),
    constraint activity_period_chk check (ends_at > starts_at),
    constraint activity_capacity_chk check (capacity > 0 and confirmed_count between 0 and capacity),
    constraint activity_fixed_hours_chk check (hours_rule <> 'FIXED' or fixed_hours > 0),
    constraint activity_coordinates_chk check ((lat is null) = (lng is null))
);
create index activity_org_idx on activity (organizer_org_id, starts_at);
create index activity_team_idx on activity (team_id) where team_id is not null;
create index activity_status_idx on activity (status, starts_at);

create table activity_photo (
    id            bigserial    primary key,
    activity_id   bigint       not null references activity (id) on delete cascade,
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    content       bytea        not null,
    uploaded_by   varchar(64)  not null,
    uploaded_at   timestamptz  not null default now()
);
create index activity_photo_activity_idx on activity_photo (activity_id);

-- A person's sign-up. Waitlisted sign-ups move up in seq order; cancelled ones stay as history.
create table activity_signup (
    id            bigserial    primary key,
    activity_id   bigint       not null references activity (id),
    person_id     bigint       not null references person (id),
    status        varchar(12)  not null,
    seq           bigserial    not null,
    created_at    timestamptz  not null default now(),
    confirmed_at  timestamptz,
    cancelled_at  timestamptz,
    -- set when the activity finished and the person never checked in
    no_show       boolean      not null default false,
    constraint activity_signup_status_chk check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED'))
);
create unique index activity_signup_live_uk on activity_signup (activity_id, person_id) where status <> 'CANCELLED';
create index activity_signup_person_idx on activity_signup (person_id, status);
create index activity_signup_queue_idx on activity_signup (activity_id, status, seq);

-- One attendance per person and activity: check-in, check-out, and how the hours were settled.
create table attendance (
    id              bigserial    primary key,
    activity_id     bigint       not null references activity (id),
    person_id       bigint       not null references person (id),
    checked_in_at   timestamptz  not null,
    checked_out_at  timestamptz,
    -- QR (scanned token), CODE (typed short code), GROUP (集体录入 by the leader)
    method          varchar(8)   not null,
    recorded_by     varchar(64)  not null,
    -- closed at the scheduled end because nobody checked out; the leader must confirm
    auto_closed     boolean      not null default false,
    needs_review    boolean      not null default false,
    -- the ledger entry that credited it, once confirmed
    hours_entry_id  bigint,
    version         int          not null default 0,
    constraint attendance_uk unique (activity_id, person_id),
    constraint attendance_method_chk check (method in ('QR', 'CODE', 'GROUP')),
    constraint attendance_period_chk check (checked_out_at is null or checked_out_at >= checked_in_at)
);
create index attendance_person_idx on attendance (person_id);
create index attendance_open_idx on attendance (activity_id) where checked_out_at is null;

-- The hours ledger (谁组织谁记录，谁记录谁证明): append-only. A CREDIT is recorded by the organizing
-- org and approved by someone other than the person; a CORRECTION carries a reason and an
-- approver and names the entry it corrects. Totals are sums of entries, never stored.
create table hours_entry (
    id                 bigserial     primary key,
    person_id          bigint        not null references person (id),
    activity_id        bigint        references activity (id),
    -- the organizing org that records and certifies these hours
    org_id             bigint        not null references org (id),
    team_id            bigint,
    kind               varchar(12)   not null,
    hours              numeric(6, 2) not null,
    service_date       date          not null,
    period_start       timestamptz,
    period_end         timestamptz,
    reason             varchar(500),
    corrects_entry_id  bigint        references hours_entry (id),
    recorded_by        varchar(64)   not null,
    approved_by        varchar(64)   not null,
    approver_person_id bigint        not null references person (id),
    created_at         timestamptz   not null default now(),
    constraint hours_entry_kind_chk check (kind in ('CREDIT', 'CORRECTION')),
    constraint hours_entry_credit_chk check (kind <> 'CREDIT' or (hours > 0 and hours <= 24)),
    constraint hours_entry_correction_chk check (kind <> 'CORRECTION'
        or (reason is not null and corrects_entry_id is not null and hours <> 0)),
    constraint hours_entry_self_chk check (approver_person_id <> person_id),
    constraint hours_entry_period_chk check (period_start is null or period_end > period_start)
);
create index hours_entry_person_idx on hours_entry (person_id, service_date);
create index hours_entry_date_idx on hours_entry (service_date);
create unique index hours_entry_activity_credit_uk on hours_entry (activity_id, person_id) where kind = 'CREDIT';

create function hours_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception '志愿服务时长记录只能追加，不能修改或删除' using errcode = 'P0001';
end;
$$;
create trigger hours_entry_no_update before update or delete on hours_entry
    for each row execute function hours_entry_append_only();
create trigger hours_entry_no_truncate before truncate on hours_entry
    for each statement execute function hours_entry_append_only();

-- Monthly sums of the ledger per person, organizing org and team (0 when none), kept by a trigger
-- in the inserting transaction, so that leaderboards over a period read months, not entries.
create table hours_month (
    person_id  bigint        not null,
    org_id     bigint        not null,
    team_id    bigint        not null,
    month      date          not null,
    hours      numeric(12, 2) not null,
    entries    int           not null,
    primary key (month, person_id, org_id, team_id)
);
create index hours_month_person_idx on hours_month (person_id, month);

create function hours_month_add() returns trigger language plpgsql as $$
begin
    insert into hours_month (person_id, org_id, team_id, month, hours, entries)
    values (new.person_id, new.org_id, coalesce(new.team_id, 0), date_trunc('month', new.service_date)::date, new.hours, 1)
    on conflict (month, person_id, org_id, team_id)
    do update set hours = hours_month.hours + excluded.hours, entries = hours_month.entries + 1;
    return new;
end;
$$;
create trigger hours_entry_month after insert on hours_entry
    for each row execute function hours_month_add();
