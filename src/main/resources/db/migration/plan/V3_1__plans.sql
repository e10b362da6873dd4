-- Work plans of an org and year, their outline, tasks, targets and submissions.
create table plan (
    id           bigserial    primary key,
    org_id       bigint       not null,
    year         int          not null,
    title        varchar(200) not null,
    lead_text    text         not null default '',
    status       varchar(12)  not null default 'DRAFT',
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    archived_at  timestamptz,
    version      int          not null default 0,
    constraint plan_status_chk check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    constraint plan_year_chk check (year between 2000 and 2100)
);
create index plan_org_year_idx on plan (org_id, year);

-- The outline: a tree of sections; position orders siblings.
create table plan_section (
    id         bigserial    primary key,
    plan_id    bigint       not null references plan (id) on delete cascade,
    parent_id  bigint       references plan_section (id) on delete cascade,
    position   int          not null,
    number     varchar(20),
    title      varchar(500) not null,
    body       text         not null default '',
    level      int          not null,
    weight     numeric(6,2) not null default 1
);
create index plan_section_plan_idx on plan_section (plan_id, parent_id, position);

-- Every change after publishing: who, when, what (a summary and the snapshot of the plan after it).
create table plan_revision (
    id         bigserial    primary key,
    plan_id    bigint       not null references plan (id) on delete cascade,
    number     int          not null,
    changed_by varchar(64)  not null,
    changed_at timestamptz  not null default now(),
    summary    text         not null,
    snapshot   text         not null,
    constraint plan_revision_uk unique (plan_id, number)
);

-- Tasks hang on a section; the owner org does them, cooperating orgs help.
create table plan_task (
    id                  bigserial    primary key,
    plan_id             bigint       not null references plan (id) on delete cascade,
    section_id          bigint       not null references plan_section (id) on delete cascade,
    title               varchar(500) not null,
    description         text         not null default '',
    owner_org_id        bigint       not null,
    cooperating_org_ids bigint[]     not null default '{}',
    leader              varchar(50),
    deadline            date,
    recurrence          varchar(12),
    priority            varchar(8)   not null default 'NORMAL',
    weight              numeric(6,2) not null default 1,
    status              varchar(12)  not null default 'NOT_STARTED',
    progress            int          not null default 0,
    return_reason       text,
    overdue_since       date,
    escalated_at        timestamptz,
    created_at          timestamptz  not null default now(),
    completed_at        timestamptz,
    version             int          not null default 0,
    constraint plan_task_status_chk check (status in ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'DONE', 'OVERDUE', 'CANCELLED')),
    constraint plan_task_recurrence_chk check (recurrence is null or recurrence in ('MONTHLY', 'QUARTERLY', 'YEARLY', 'SECOND_HALF')),
    constraint plan_task_priority_chk check (priority in ('LOW', 'NORMAL', 'HIGH')),
    constraint plan_task_progress_chk check (progress between 0 and 100)
);
create index plan_task_plan_idx on plan_task (plan_id, section_id);
create index plan_task_owner_idx on plan_task (owner_org_id, status);
create index plan_task_deadline_idx on plan_task (deadline) where status in ('NOT_STARTED', 'IN_PROGRESS', 'OVERDUE');

-- A completion report with its evidence; the plan owner accepts it or sends it back.
create table plan_task_report (
    id          bigserial    primary key,
    task_id     bigint       not null references plan_task (id) on delete cascade,
    reported_by varchar(64)  not null,
    reported_at timestamptz  not null default now(),
    text        text         not null,
    decision    varchar(10),
    decided_by  varchar(64),
    decided_at  timestamptz,
    reason      text,
    constraint plan_task_report_decision_chk check (decision is null or decision in ('ACCEPTED', 'RETURNED'))
);
create index plan_task_report_task_idx on plan_task_report (task_id, reported_at desc);

create table plan_evidence (
    id           bigserial    primary key,
    report_id    bigint       references plan_task_report (id) on delete cascade,
    submission_id bigint,
    filename     varchar(255) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    content      bytea        not null,
    uploaded_at  timestamptz  not null default now()
);

-- Quantitative targets: metric + comparator + threshold (+ baseline when relative) + period + org.
create table plan_target (
    id            bigserial     primary key,
    plan_id       bigint        not null references plan (id) on delete cascade,
    section_id    bigint        references plan_section (id) on delete cascade,
    text          text          not null,
    metric        varchar(100),
    comparator    varchar(10)   not null,
    threshold     numeric(14,4) not null,
    unit          varchar(10),
    period        varchar(10),
    relative      boolean       not null default false,
    baseline      numeric(14,4),
    org_id        bigint        not null,
    constraint plan_target_comparator_chk check (comparator in ('GE', 'LE', 'EQ', 'INCREASE', 'DECREASE')),
    constraint plan_target_period_chk check (period is null or period in ('YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH', 'WEEK'))
);
create index plan_target_plan_idx on plan_target (plan_id);

-- Values of the manual metric, entered with evidence.
create table plan_target_manual_value (
    id          bigserial     primary key,
    target_id   bigint        not null references plan_target (id) on delete cascade,
    value       numeric(14,4) not null,
    evidence    text          not null,
    entered_by  varchar(64)   not null,
    entered_at  timestamptz   not null default now()
);

-- Daily readings of each target, computed from its metric, for the trend.
create table plan_target_reading (
    target_id   bigint        not null references plan_target (id) on delete cascade,
    day         date          not null,
    value       numeric(14,4),
    status      varchar(12)   not null,
    primary key (target_id, day)
);

-- A distributed task (下发): each child org reports its own submission (报送).
create table plan_submission (
    id            bigserial    primary key,
    task_id       bigint       not null references plan_task (id) on delete cascade,
    org_id        bigint       not null,
    deadline      date,
    status        varchar(12)  not null default 'PENDING',
    text          text,
    submitted_by  varchar(64),
    submitted_at  timestamptz,
    score         numeric(5,1),
    review        text,
    reviewed_by   varchar(64),
    reviewed_at   timestamptz,
    reminded_at   timestamptz,
    reminders     int          not null default 0,
    overdue_since date,
    escalated_at  timestamptz,
    version       int          not null default 0,
    constraint plan_submission_uk unique (task_id, org_id),
    constraint plan_submission_status_chk check (status in ('PENDING', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'OVERDUE')),
    constraint plan_submission_score_chk check (score is null or score between 0 and 100)
);
create index plan_submission_org_idx on plan_submission (org_id, status);
alter table plan_evidence add constraint plan_evidence_submission_fk foreign key (submission_id) references plan_submission (id) on delete cascade;
