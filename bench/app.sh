# Sourced by the benchmarks that drive a freshly started application: builds the jar when the
# sources are newer, then `start_app [ARGS…]` starts it on a free port with its own data dir and
# embedded PostgreSQL (both removed on exit) and sets BASE (its URL), LOG, PG_PORT, PGPASSWORD (the
# superuser's), PSQL (a psql command on its database) and TOKEN (a bearer token of the first start's "admin").

ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

JAR="$ROOT/target/wenming-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$JAR" || -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]]; then
  echo "building $JAR …" >&2
  ./mvnw -q -DskipTests package
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
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

start_app() {
  local port password
  port=$(free_port)
  echo "starting the application on port $port (data in $DATA) …" >&2
  java -Xmx2g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$port" --wenming.data-dir="$DATA" "$@" >"$LOG" 2>&1 &
  APP_PID=$!
  BASE="http://127.0.0.1:$port"
  for _ in $(seq 1 180); do
    if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the application did not start, see $LOG" >&2; exit 1; fi
    sleep 1
  done
  curl -fs "$BASE/actuator/health" >/dev/null

  # The first start creates "admin" with a random password printed once in the log.
  password=""
  for _ in $(seq 1 30); do
    password=$(sed -n 's/.*初始密码：\([A-Za-z0-9]*\).*/\1/p' "$LOG" | head -1)
    [[ -n "$password" ]] && break
    sleep 1
  done
  PG_PORT=$(sed -n 's/.*Embedded PostgreSQL listening on port \([0-9]*\).*/\1/p' "$LOG" | head -1)
  if [[ -z "$password" || -z "$PG_PORT" ]]; then echo "admin password or database port not found in $LOG" >&2; exit 1; fi

  TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$BASE/api/v1/auth/token" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [[ -n "$TOKEN" ]] || { echo "no token" >&2; exit 1; }
  # the embedded cluster asks for passwords; the superuser's is in the data dir (mode 600)
  export PGPASSWORD=$(sed -n 's/^postgres=//p' "$DATA/database.secret")
  PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d wenming)
}
