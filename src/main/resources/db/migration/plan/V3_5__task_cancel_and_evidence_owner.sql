-- Why a task was cancelled and when: the send-back reason (return_reason) must not be overwritten.
alter table plan_task add column cancel_reason text;
alter table plan_task add column cancelled_at timestamptz;

-- A file is evidence of exactly one report or one submission.
alter table plan_evidence add constraint plan_evidence_owner_chk check (num_nonnulls(report_id, submission_id) = 1);
create index plan_evidence_report_idx on plan_evidence (report_id) where report_id is not null;
create index plan_evidence_submission_idx on plan_evidence (submission_id) where submission_id is not null;

-- The nightly overdue job looks for submissions still to come past their deadline.
create index plan_submission_deadline_idx on plan_submission (deadline) where status in ('PENDING', 'RETURNED', 'OVERDUE');
