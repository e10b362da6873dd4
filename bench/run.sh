#!/usr/bin/env bash
# Benchmarks of wenming. Usage: bench/run.sh import [ROWS] | startup | outline | checkin | leaderboard
#
# startup: seconds from launch to ready with an empty embedded database, and resident memory
#   (bench/startup.sh).
# outline: plan-document outline parsing speed on 1 MB of seed plans (bench/outline.sh).
# checkin: 10,000 volunteers check in and out of 100 activities over HTTP with 64 clients, against
#   plain JDBC inserts (bench/checkin.sh).
# leaderboard: p95 of the city's hours leaderboard for a year over 1,000,000 ledger entries, and a
#   plain aggregate over the whole ledger (bench/leaderboard.sh).
#
# import: imports ROWS (default 100,000) generated people from a CSV through the import API of a
# freshly started application (own temporary data dir, own embedded PostgreSQL), then loads the
# very same rows with PostgreSQL COPY into a copy of the person table, and prints
#   import_rows_per_s=… copy_rows_per_s=… ratio=…
#
# What each side does:
#  - import: HTTP upload of the CSV (multipart), parsing, per-row validation (People.validate,
#    org resolution, duplicates in the file and, in chunks, against the database), AES-GCM
#    encryption and keyed hashing of ID number, phone and address, JDBC batch inserts, one
#    transaction and one audit entry. Timed end to end by curl.
#  - COPY: the same 15 columns the import fills (name, gender, birth date, ID number / phone /
#    address ciphertext, hashes and masked forms, political status, tags, work and home org),
#    with the ciphertexts and hashes the import computed (exported from person first, untimed),
#    loaded by psql's \copy into "person_copy" (LIKE person INCLUDING ALL plus the two foreign
#    keys to org that LIKE leaves out: the same defaults, checks, indexes, including the unique
#    hash index, and foreign keys as person). Timed by psql ("\timing").
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

what=${1:-}
case "$what" in
  import) ;;
  startup) exec bench/startup.sh ;;
  outline) exec bench/outline.sh ;;
  checkin) exec bench/checkin.sh ;;
  leaderboard) exec bench/leaderboard.sh ;;
  *) echo "usage: bench/run.sh import [ROWS] | startup | outline | checkin | leaderboard" >&2; exit 2 ;;
esac
ROWS=${2:-100000}

. bench/app.sh
start_app

# Orgs for the people to live in, through the org import (the root org is 本市).
printf '名称,类型,上级组织,行政区划代码\n基准区,区县,本市,330106\n基准街道,街道,基准区,\n基准社区,社区,基准街道,\n' >"$OUT/orgs.csv"
curl -fsS -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/orgs.csv;filename=orgs.csv" \
  "$BASE/api/v1/imports/orgs" >/dev/null

java -cp target/classes bench/GeneratePeople.java "$OUT/people.csv" "$ROWS" 基准社区
echo "generated $ROWS people ($(du -h "$OUT/people.csv" | cut -f1)) in $OUT/people.csv" >&2

# Warm-up on the very same code path with a tiny file that is refused (nothing stored).
printf '姓名,身份证号,居住社区\n预热,110101199003071230,基准社区\n' >"$OUT/warmup.csv"
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/warmup.csv;filename=warmup.csv" \
  "$BASE/api/v1/imports/people" || true

RESULT="$OUT/import-response.json"
IMPORT_SECONDS=$(curl -sS -o "$RESULT" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
  -F "file=@$OUT/people.csv;type=text/csv;filename=people.csv" "$BASE/api/v1/imports/people")
if ! grep -q "\"imported\":$ROWS" "$RESULT"; then
  echo "the import failed: $(head -c 2000 "$RESULT")" >&2
  exit 1
fi

COLUMNS="name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash,
  phone_masked, address_cipher, address_masked, political_status, tags, work_org_id, home_org_id"
COLUMNS=$(echo $COLUMNS)
COMMUNITY=$("${PSQL[@]}" -tA -c "select id from org where name = '基准社区'")
"${PSQL[@]}" -c "drop table if exists person_copy; create table person_copy (like person including all);
  alter table person_copy add foreign key (work_org_id) references org (id),
    add foreign key (home_org_id) references org (id);"
"${PSQL[@]}" -c "\\copy (select $COLUMNS from person where home_org_id = $COMMUNITY order by id) to '$OUT/person.copy'"
COPY_MS=$("${PSQL[@]}" -c '\timing on' -c "\\copy person_copy ($COLUMNS) from '$OUT/person.copy'" \
  | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
COPIED=$("${PSQL[@]}" -tA -c "select count(*) from person_copy")
[[ "$COPIED" == "$ROWS" ]] || { echo "COPY loaded $COPIED rows, not $ROWS" >&2; exit 1; }

awk -v rows="$ROWS" -v imp="$IMPORT_SECONDS" -v copyms="$COPY_MS" 'BEGIN {
  i = rows / imp; c = rows / (copyms / 1000);
  printf "import_rows_per_s=%.0f copy_rows_per_s=%.0f ratio=%.3f\n", i, c, i / c
}'
