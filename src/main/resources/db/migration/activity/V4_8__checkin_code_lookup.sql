-- A typed six-digit code alone names the running activity: codes are looked up across activities.
create index checkin_token_code_live_idx on checkin_token (code, expires_at);
