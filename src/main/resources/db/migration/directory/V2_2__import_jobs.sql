-- Background imports, so that every instance can show a job's progress and outcome: the instance
-- that took the upload runs it and writes here; the page may poll any instance.
create table import_job (
    id            varchar(36)  primary key,
    owner         varchar(64)  not null,
    kind          varchar(10)  not null,
    filename      varchar(255) not null,
    status        varchar(10)  not null default 'QUEUED',
    stage         varchar(10)  not null default 'READING',
    done          bigint       not null default 0,
    total         bigint       not null default -1,
    imported      int          not null default 0,
    problem_count int          not null default 0,
    -- the first 1,000 row problems: [{"row": 12, "field": "idNumber", "code": "...", "args": [...]}]
    problems      jsonb        not null default '[]',
    failure_code  varchar(100),
    failure_args  jsonb        not null default '[]',
    instance      varchar(100) not null,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    constraint import_job_kind_chk check (kind in ('PEOPLE','ORGS')),
    constraint import_job_status_chk check (status in ('QUEUED','RUNNING','DONE','REJECTED','FAILED')),
    constraint import_job_stage_chk check (stage in ('READING','CHECKING','STORING'))
);
create index import_job_owner_idx on import_job (owner, created_at desc);
-- Unfinished jobs, for the recovery at startup.
create index import_job_unfinished_idx on import_job (instance) where finished_at is null;
-- Finished jobs, for the purge.
create index import_job_finished_idx on import_job (finished_at) where finished_at is not null;
