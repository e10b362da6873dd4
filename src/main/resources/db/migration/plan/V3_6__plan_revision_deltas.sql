-- A revision keeps either the whole plan (the newest, and checkpoints) or the difference to the
-- revision after it, so that editing a large plan does not store it whole each time.
alter table plan_revision alter column snapshot drop not null;
alter table plan_revision add column delta text;
alter table plan_revision add constraint plan_revision_text_chk check ((snapshot is null) <> (delta is null));

-- Lengths the application checks, kept by the database as well (new rows only: not valid).
alter table plan add constraint plan_lead_text_len_chk check (length(lead_text) <= 10000) not valid;
alter table plan_section add constraint plan_section_body_len_chk check (length(body) <= 50000) not valid;
alter table plan_task add constraint plan_task_deadline_range_chk
    check (deadline is null or deadline between date '2000-01-01' and date '2199-12-31') not valid;
