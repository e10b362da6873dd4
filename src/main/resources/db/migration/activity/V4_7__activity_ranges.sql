-- The windows the application checks (platform Bounds: from 2000-01-01, at most ten years ahead),
-- kept by the database with a fixed upper end so that the check does not depend on today.
-- Not valid: new and changed rows only; rows stored before stay readable.
alter table activity add constraint activity_range_chk check (
    starts_at >= timestamptz '2000-01-01 00:00+08' and ends_at < timestamptz '2200-01-01 00:00+08'
    and capacity <= 100000 and (fixed_hours is null or fixed_hours between 0 and 24)) not valid;
