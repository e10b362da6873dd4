#!/usr/bin/env bash
# Outline parser throughput: MB of plan text (the seed repeated to 1 MB) read into outlines per second.
set -euo pipefail
cd "$(dirname "$0")/.."
bench_class=target/test-classes/org/wenming/plan/OutlineBenchmark.class
if [ ! -f "$bench_class" ] || [ -n "$(find src pom.xml -newer "$bench_class" -type f -print -quit)" ]; then
  ./mvnw -q -DskipTests test-compile
fi
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
java ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.wenming.plan.OutlineBenchmark
# Plan render time: p95 of GET /plans/{id} (or of the plan view JSON /api/v1/plans/{id} while the
# page does not exist) for a plan of 20 sections and 500 tasks, the app started in a temporary data dir.
java ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.wenming.plan.PlanPageBenchmark \
  | grep -E '^(plan_page|plan_view_api)'
