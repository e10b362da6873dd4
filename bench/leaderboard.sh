#!/usr/bin/env bash
# bench/run.sh leaderboard: the city's hours leaderboard of people for last calendar year
# (GET /api/v1/hours/leaderboard?by=PERSON&orgId=<city>&from=YYYY-01&to=YYYY-12&limit=100) over
# 1,000,000 ledger entries, and in the same run a plain aggregate over the whole ledger. Prints
#   leaderboard_p95_ms=…        p95 of the endpoint over HTTP (curl time_total, RUNS runs after 3 warm-ups)
#   leaderboard_sql_p95_ms=…    p95 of the SQL alone that HoursLedger.ranking runs (psql \timing)
#   plain_aggregate_ms=…        select person_id, sum(hours) from hours_entry group by person_id
#   leaderboard_12m_sql_p95_ms  the same for the last 12 months (no whole year: read from monthly sums)
# then, unless ADVERSARIAL=0, the same two leaderboard figures over the earlier adversarial spread
# (leaderboard_adversarial_p95_ms=… leaderboard_adversarial_sql_p95_ms=…).
#
# The realistic ledger (inserted by SQL through the ledger's triggers, so that the monthly and
# yearly sums are kept as in production): 4 streets of 10 communities; 20,000 volunteers, each
# living in one community and serving mostly there (a third of them also, one entry in ten, in a
# second community); each in one team of their community, a quarter in a second one (one entry
# in three), one entry in seven served without a team; 50 entries per volunteer on average, over
# a window of 3 to 24 consecutive months of the last 24 (volunteers serve in spells), 0.25 to 4
# hours each. So the monthly sums hold about a third as many rows as the ledger, and the yearly
# ones about one per volunteer, org and team.
# The adversarial spread (the first version of this benchmark): 10,000 people over 20
# communities, every entry on a uniformly random day of the last 730, so that nearly every person
# has hours in every month (the monthly sums are a quarter of the ledger).
set -euo pipefail

cd "$(dirname "$0")/.."
ENTRIES=${ENTRIES:-1000000}
PEOPLE=${PEOPLE:-20000}
RUNS=${RUNS:-50}

. bench/app.sh
start_app

{
  printf '名称,类型,上级组织,行政区划代码\n基准区,区县,本市,330106\n'
  for s in $(seq 1 4); do
    printf '基准街道%s,街道,基准区,\n' "$s"
    for c in $(seq 1 10); do printf '基准社区%s_%s,社区,基准街道%s,\n' "$s" "$c" "$s"; done
  done
} >"$OUT/leaderboard-orgs.csv"
curl -fsS -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/leaderboard-orgs.csv;filename=orgs.csv" \
  "$BASE/api/v1/imports/orgs" >/dev/null

CITY=$("${PSQL[@]}" -tA -c "select id from org where parent_id is null order by id limit 1")
CITY_PATH=$("${PSQL[@]}" -tA -c "select path from org where id = $CITY")
COMMUNITIES=$("${PSQL[@]}" -tA -c "select count(*) from org where name like '基准社区%'")
[[ "$COMMUNITIES" == 40 ]] || { echo "expected 40 communities, found $COMMUNITIES" >&2; exit 1; }
YEAR=$(( $(date +%Y) - 1 ))

"${PSQL[@]}" <<SQL
create table bench_org as select id, row_number() over (order by id) - 1 as n from org where name like '基准社区%';
create table bench_approver as
  with p as (insert into person (name, home_org_id) values ('榜单审核人', $CITY) returning id) select id from p;
SQL

# Inserts ENTRIES entries by the generator named, after emptying the ledger (its guard against
# changes, and that of the points that refer to it, lifted for that moment only; the sums are
# emptied with it).
generate() {
  local spread=$1 start
  start=$(date +%s)
  "${PSQL[@]}" <<SQL
alter table hours_entry disable trigger hours_entry_no_truncate;
alter table points_entry disable trigger points_entry_no_truncate;
truncate hours_entry, points_entry, hours_month, hours_year, hours_person_year;
alter table hours_entry enable trigger hours_entry_no_truncate;
alter table points_entry enable trigger points_entry_no_truncate;
drop table if exists bench_person;
create table bench_person as
  with p as (insert into person (name, home_org_id)
    select '榜单志愿者' || g, (select id from bench_org where n = g % 40) from generate_series(0, $PEOPLE - 1) g returning id)
  select id, row_number() over (order by id) - 1 as n from p;
SQL
  if [[ "$spread" == realistic ]]; then
    "${PSQL[@]}" <<SQL
-- entry g: volunteer n = g mod PEOPLE, its j-th entry j = g div PEOPLE, in month (13n + j mod (3 + n mod 22)) mod 24 of the window
insert into hours_entry (person_id, org_id, team_id, kind, hours, service_date, recorded_by, approved_by, approver_person_id)
select p.id,
  o.id,
  case when x.j % 7 = 0 then null
    when x.n % 4 = 0 and x.j % 3 = 0 then (x.n % 40) * 5 + (x.n + 1) % 5 + 1 else (x.n % 40) * 5 + x.n % 5 + 1 end,
  'CREDIT', (1 + (x.g * 17) % 16) / 4.0,
  least(current_date, (date_trunc('month', current_date) - interval '23 months'
    + make_interval(months => ((x.n * 13) % 24 + x.j % (3 + x.n % 22)) % 24))::date + ((x.g * 37) % 28)::int),
  'bench', 'bench', a.id
from (select g, g % $PEOPLE as n, g / $PEOPLE as j from generate_series(0, $ENTRIES - 1) g) x
cross join bench_approver a
join bench_person p on p.n = x.n
join bench_org o on o.n = case when x.n % 3 = 0 and x.j % 10 = 0 then (x.n % 40 + 1 + x.n % 7) % 40 else x.n % 40 end;
SQL
  else
    "${PSQL[@]}" <<SQL
insert into hours_entry (person_id, org_id, kind, hours, service_date, recorded_by, approved_by, approver_person_id)
select p.id, o.id, 'CREDIT', (1 + g % 16) / 4.0, current_date - (g % 730), 'bench', 'bench', a.id
from bench_approver a cross join generate_series(1, $ENTRIES) g
join bench_person p on p.n = (g::bigint * 7919) % $PEOPLE
join bench_org o on o.n = (g * 31) % 20;
SQL
  fi
  "${PSQL[@]}" -c "analyze hours_entry" -c "analyze hours_month" -c "analyze hours_year" -c "analyze hours_person_year"
  echo "$spread: $("${PSQL[@]}" -tA -c "select count(*) from hours_entry") entries, $("${PSQL[@]}" -tA -c "select count(*) from hours_month") monthly sums, $("${PSQL[@]}" -tA -c "select count(*) from hours_year") yearly sums, $PEOPLE people, inserted in $(( $(date +%s) - start )) s" >&2
}

# p95 of a list of milliseconds, one a line
p95() { sort -n | awk '{ a[NR] = $1 } END { i = int(NR * 0.95 + 0.999); print a[i] }'; }

# The SQL HoursLedger.ranking(PERSON, city, …, 100) runs, with its parameters written in: for one
# whole year over the whole tree, each person's yearly total; for months, the monthly sums of the
# subtree's orgs.
year_sql() {
  echo "select person_id as id, hours, 1 as people from hours_person_year
where year = $1 and year = $1 and hours > 0
order by hours desc, id limit 100"
}

months_sql() {
  echo "select m.person_id as id, sum(m.hours) as hours, 1 as people
from (select m.person_id, m.org_id, m.team_id, m.hours from hours_month m
 where m.month between '$1' and '$2' and m.org_id = any('{$("${PSQL[@]}" -tA -c "select string_agg(id::text, ',') from org where path like '${CITY_PATH}%'")}'::bigint[])) m
group by m.person_id having sum(m.hours) > 0
order by hours desc, id limit 100"
}

time_sql() {
  {
    echo '\timing on'
    echo '\o /dev/null'
    for _ in $(seq 1 $((RUNS + 3))); do echo "$1;"; done
  } >"$OUT/leaderboard.sql"
  "${PSQL[@]}" -f "$OUT/leaderboard.sql" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n "$RUNS" | p95
}

time_http() {
  local url="$BASE/api/v1/hours/leaderboard?by=PERSON&orgId=$CITY&from=$YEAR-01&to=$YEAR-12&limit=100"
  local rows
  rows=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$url" | grep -o '"rank"' | wc -l)
  [[ "$rows" == 100 ]] || { echo "the leaderboard answered $rows rows, not 100" >&2; exit 1; }
  for _ in 1 2 3; do curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"; done
  for _ in $(seq 1 "$RUNS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$url"
  done | awk '{ print $1 * 1000 }' | p95
}

YEAR_SQL=$(year_sql "$YEAR")
FROM12=$(date -d "$(date +%Y-%m-01) -11 months" +%Y-%m-01)
TO12=$(date +%Y-%m-01)
ROLLING_SQL=$(months_sql "$FROM12" "$TO12")

generate realistic
HTTP_P95=$(time_http)
SQL_P95=$(time_sql "$YEAR_SQL")
ROLLING_P95=$(time_sql "$ROLLING_SQL")
PLAIN=$("${PSQL[@]}" -c '\timing on' -c '\o /dev/null' \
  -c 'select person_id, sum(hours) from hours_entry group by person_id' | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
echo "leaderboard_p95_ms=$HTTP_P95 leaderboard_sql_p95_ms=$SQL_P95 plain_aggregate_ms=$PLAIN leaderboard_12m_sql_p95_ms=$ROLLING_P95 (entries=$ENTRIES people=$PEOPLE runs=$RUNS year=$YEAR)"

if [[ "${ADVERSARIAL:-1}" != 0 ]]; then
  PEOPLE=10000
  generate adversarial
  echo "leaderboard_adversarial_p95_ms=$(time_http) leaderboard_adversarial_sql_p95_ms=$(time_sql "$YEAR_SQL") (entries=$ENTRIES people=$PEOPLE runs=$RUNS year=$YEAR)"
fi
