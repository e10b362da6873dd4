#!/usr/bin/env bash
# bench/run.sh leaderboard: with 1,000,000 ledger entries (inserted by SQL through the ledger's
# trigger, so that the monthly sums are kept as in production) spread over 10,000 people, 20
# communities and two years, prints the p95 of the city's leaderboard of people for one year
# (HoursLedger.ranking(PERSON, city, year): the very same SQL, run RUNS times through psql) and the
# time of a plain aggregate over the whole ledger:
#   leaderboard_p95_ms=… plain_aggregate_ms=…
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
ENTRIES=${ENTRIES:-1000000}
PEOPLE=${PEOPLE:-10000}
RUNS=${RUNS:-50}

JAR="$ROOT/target/wenming-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$JAR" || -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]]; then
  echo "building $JAR …" >&2
  ./mvnw -q -o -DskipTests package
fi

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

DATA=$(mktemp -d "${TMPDIR:-/tmp}/wenming-bench.XXXXXX")
LOG="$OUT/app.log"
PORT=$(free_port)
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

echo "starting the application on port $PORT (data in $DATA) …" >&2
java -Xmx2g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --wenming.data-dir="$DATA" >"$LOG" 2>&1 &
APP_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 180); do
  if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the application did not start, see $LOG" >&2; exit 1; fi
  sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null

# The first start creates "admin" with a random password printed once in the log.
PASSWORD=""
for _ in $(seq 1 30); do
  PASSWORD=$(sed -n 's/.*初始密码：\([A-Za-z0-9]*\).*/\1/p' "$LOG" | head -1)
  [[ -n "$PASSWORD" ]] && break
  sleep 1
done
PG_PORT=$(sed -n 's/.*Embedded PostgreSQL listening on port \([0-9]*\).*/\1/p' "$LOG" | head -1)
if [[ -z "$PASSWORD" || -z "$PG_PORT" ]]; then echo "admin password or database port not found in $LOG" >&2; exit 1; fi

TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/token" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[[ -n "$TOKEN" ]] || { echo "no token" >&2; exit 1; }

{
  printf '名称,类型,上级组织,行政区划代码\n基准区,区县,本市,330106\n基准街道,街道,基准区,\n'
  for i in $(seq 1 20); do printf '基准社区%s,社区,基准街道,\n' "$i"; done
} >"$OUT/leaderboard-orgs.csv"
curl -fsS -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/leaderboard-orgs.csv;filename=orgs.csv" \
  "$BASE/api/v1/imports/orgs" >/dev/null

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d wenming)
CITY=$("${PSQL[@]}" -tA -c "select id from org where parent_id is null order by id limit 1")
CITY_PATH=$("${PSQL[@]}" -tA -c "select path from org where id = $CITY")
START=$(date +%s)
"${PSQL[@]}" <<SQL
create temporary table bench_org as select id, row_number() over (order by id) - 1 as n from org where name like '基准社区%';
create temporary table bench_person as
  with p as (insert into person (name, home_org_id)
    select '榜单志愿者' || g, (select id from bench_org where n = g % 20) from generate_series(1, $PEOPLE) g returning id)
  select id, row_number() over (order by id) - 1 as n from p;
create temporary table bench_approver as
  with p as (insert into person (name, home_org_id) values ('榜单审核人', $CITY) returning id) select id from p;
insert into hours_entry (person_id, org_id, kind, hours, service_date, recorded_by, approved_by, approver_person_id)
select p.id, o.id, 'CREDIT', (1 + g % 16) / 4.0, current_date - (g % 730), 'bench', 'bench', a.id
from bench_approver a cross join generate_series(1, $ENTRIES) g
join bench_person p on p.n = (g::bigint * 7919) % $PEOPLE
join bench_org o on o.n = (g * 31) % 20;
analyze hours_entry;
analyze hours_month;
SQL
echo "inserted $("${PSQL[@]}" -tA -c "select count(*) from hours_entry") entries and $("${PSQL[@]}" -tA -c "select count(*) from hours_month") monthly sums in $(( $(date +%s) - START )) s" >&2

FROM=$(date -d "$(date +%Y-%m-01) -11 months" +%Y-%m-01)
TO=$(date +%Y-%m-01)
QUERY="select m.person_id as id, sum(m.hours) as hours, 1 as people
from hours_month m join org o on o.id = m.org_id
where o.path like '${CITY_PATH}%' and m.month between '$FROM' and '$TO'
group by m.person_id having sum(m.hours) > 0
order by hours desc, id limit 100"
{
  echo '\timing on'
  echo '\o /dev/null'
  for _ in $(seq 1 $((RUNS + 3))); do echo "$QUERY;"; done
} >"$OUT/leaderboard.sql"
"${PSQL[@]}" -f "$OUT/leaderboard.sql" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n "$RUNS" | sort -n >"$OUT/leaderboard.ms"
P95=$(awk -v runs="$RUNS" '{ a[NR] = $1 } END { i = int(runs * 0.95 + 0.999); print a[i] }' "$OUT/leaderboard.ms")
PLAIN=$("${PSQL[@]}" -c '\timing on' -c '\o /dev/null' \
  -c 'select person_id, sum(hours) from hours_entry group by person_id' | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
echo "leaderboard_p95_ms=$P95 plain_aggregate_ms=$PLAIN (entries=$ENTRIES people=$PEOPLE runs=$RUNS)"
