#!/usr/bin/env bash
# Seconds from launch to ready with an empty embedded database, and resident memory after start.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/wenming-0.1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then ./mvnw -q -DskipTests package; fi
out=bench/out/startup
rm -rf "$out" && mkdir -p "$out"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
start=$(date +%s.%N)
java ${BENCH_JAVA_OPTS:-} -jar target/wenming-0.1.0-SNAPSHOT.jar --server.port="$port" --wenming.data-dir="$out/data" \
  > "$out/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
  if ! kill -0 $pid 2>/dev/null; then echo "application exited; see $out/app.log" >&2; exit 1; fi
  sleep 0.1
done
ready=$(date +%s.%N)
sleep 2
# The JVM plus the embedded PostgreSQL it started (its postmaster and backends).
jvm_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
pm=$(head -1 "$out/data/pg/postmaster.pid")
pg_kb=$( (ps -o rss= -p "$pm"; ps -o rss= --ppid "$pm") | awk '{s+=$1} END {print s+0}')
printf 'startup_seconds=%.2f jvm_rss_mb=%d postgres_rss_mb=%d\n' "$(echo "$ready - $start" | bc)" $((jvm_kb/1024)) $((pg_kb/1024))
