#!/usr/bin/env bash
# bench/run.sh checkin: 10,000 volunteers check in and out of 100 running activities through the HTTP
# API of a freshly started application (own data dir, own embedded PostgreSQL), 64 concurrent
# clients on loopback; then, in the same run, plain JDBC single-row inserts with the application's
# pool size. Prints
#   checkin_per_s=… p99_ms=…
#   jdbc_insert_per_s=… ratio=…
# and checks that exactly one attendance exists per volunteer, each checked out (nothing lost or
# doubled).
#
# What the figures mean:
#  - checkin_per_s: check-in and check-out requests completed per second (each volunteer does one
#    of each, so 2 × VOLUNTEERS requests) over the elapsed time of the whole HTTP run. Before each
#    check-in and each check-out the client fetches the organizer's current token (GET
#    …/checkin-token, as the organizer's screen does): those fetches are the screen's cost, inside
#    the elapsed time but not counted as requests. A refused attempt (someone else took the token
#    first) is retried with a new token and counted once, when it succeeds.
#  - p99_ms: the 99th percentile of the check-in and check-out request times (the successful
#    attempt, token fetch excluded), in milliseconds.
#  - jdbc_insert_per_s: single-row INSERTs in autocommit (one round trip and one commit each) per
#    second, as many as there were check-ins and check-outs, by POOL_SIZE threads with one
#    connection each: the same number of connections the application's Hikari pool holds
#    (spring.datasource.hikari.maximum-pool-size, default 10; passed to the application here).
#  - ratio: checkin_per_s / jdbc_insert_per_s.
# Volunteers (people, accounts, bearer tokens) and confirmed sign-ups are written by SQL before timing.
# VOLUNTEERS, ACTIVITIES, CLIENTS and POOL_SIZE may be set in the environment. Also printed: the
# database transactions and the table and index scans plus row writes per request (token fetch
# included), from PostgreSQL's statistics.
set -euo pipefail

cd "$(dirname "$0")/.."
VOLUNTEERS=${VOLUNTEERS:-10000}
ACTIVITIES=${ACTIVITIES:-100}
CLIENTS=${CLIENTS:-64}
POOL_SIZE=${POOL_SIZE:-10}

. bench/app.sh
start_app --spring.datasource.hikari.maximum-pool-size="$POOL_SIZE"

ROOT_ORG=$("${PSQL[@]}" -tA -c "select id from org where parent_id is null order by id limit 1")
"${PSQL[@]}" <<SQL
insert into activity (title, type, organizer_org_id, place, starts_at, ends_at, capacity, audience, status,
  confirmed_count, checkin_secret, created_by)
select '基准活动' || g, 'VOLUNTEER_SERVICE', $ROOT_ORG, '基准广场', now() - interval '1 hour', now() + interval '5 hours',
  $VOLUNTEERS / $ACTIVITIES, 'VOLUNTEERS', 'ONGOING', $VOLUNTEERS / $ACTIVITIES,
  decode(md5(random()::text) || md5(random()::text), 'hex'), 'admin'
from generate_series(1, $ACTIVITIES) g;
with p as (
  insert into person (name, home_org_id) select '基准志愿者' || g, $ROOT_ORG from generate_series(1, $VOLUNTEERS) g
  returning id, name)
insert into account (person_id, username, password_hash) select id, 'bench-vol-' || substr(name, 6), '{noop}-' from p;
insert into api_token (token_hash, username, expires_at)
select sha256(convert_to('bench-token-' || g, 'UTF8')), 'bench-vol-' || g, now() + interval '1 day'
from generate_series(1, $VOLUNTEERS) g;
insert into activity_signup (activity_id, person_id, status, confirmed_at)
select a.id, c.person_id, 'CONFIRMED', now()
from account c join (select id, row_number() over (order by id) - 1 as n from activity where title like '基准活动%') a
  on a.n = (substr(c.username, 11)::int - 1) / ($VOLUNTEERS / $ACTIVITIES)
where c.username like 'bench-vol-%';
SQL
echo "prepared $VOLUNTEERS volunteers signed up for $ACTIVITIES activities" >&2

# What the database did during the HTTP run, per check-in or check-out request (with its token
# fetch): transactions and index or table scans, from PostgreSQL's cumulative statistics.
db_work() {
  "${PSQL[@]}" -tA -F ' ' -c "select (select xact_commit + xact_rollback from pg_stat_database where datname = 'wenming'),
    (select sum(coalesce(idx_scan, 0) + coalesce(seq_scan, 0) + n_tup_ins + n_tup_upd) from pg_stat_user_tables
     where relname <> 'bench_insert')"
}
sleep 11
read -r XACT0 OPS0 <<<"$(db_work)"

PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort | tail -1)
java -cp "$PG_JAR" bench/CheckinLoad.java "$BASE" "$TOKEN" "jdbc:postgresql://127.0.0.1:$PG_PORT/wenming" "$CLIENTS" "$POOL_SIZE"

read -r TOTAL OUT_COUNT PAIRS <<<"$("${PSQL[@]}" -tA -F ' ' -c "select count(*), count(checked_out_at),
  count(distinct (activity_id, person_id)) from attendance")"
echo "attendances=$TOTAL checked_out=$OUT_COUNT distinct=$PAIRS"
if [[ "$TOTAL" != "$VOLUNTEERS" || "$OUT_COUNT" != "$VOLUNTEERS" || "$PAIRS" != "$VOLUNTEERS" ]]; then
  echo "lost or doubled attendances" >&2
  exit 1
fi

sleep 11
read -r XACT1 OPS1 <<<"$(db_work)"
# (The JDBC baseline's transactions are subtracted; its table is not counted.)
awk -v x=$((XACT1 - XACT0 - 2 * VOLUNTEERS)) -v o=$((OPS1 - OPS0)) -v n=$((2 * VOLUNTEERS)) \
  'BEGIN { printf "db_transactions_per_request=%.1f db_scans_and_writes_per_request=%.1f\n", x / n, o / n }'
