#!/usr/bin/env bash
# Closed-loop load on loopback against three replicas of the packaged runtime (the echo workflow,
# a fake OpenAI-compatible provider), each scenario run twice in one go: the replicas sharing a
# PostgreSQL job store (JOB_STORE_URL), then each with its own embedded store (DATA_DIR). Prints
# runs per second, answers by status, latency, provider requests per run, CPU per run (replicas,
# PostgreSQL, fake provider) and PostgreSQL's share of the CPU.
#
#   scripts/bench-replicas.sh [scenario...]     scenarios: slow fast (default: both)
#
# slow: 600 clients (200 per replica), provider answering after 1 s
#       (target: >= 500 runs/s over the three replicas, exactly one provider request per run)
# fast: the same clients, provider answering at once (report runs/s and PostgreSQL's share of the CPU)
#
# CLIENTS (600, spread evenly), REPLICAS (3), DURATION (20s), HEAP (384m, per replica), WARMUP (10s:
# on a loaded machine the replicas' JIT needs about 60s to settle, see docs/performance.md),
# STORES ("postgres embedded"), SERVER_JAVA_OPTS (extra JVM options of the replicas), SKIP_BUILD=1
# reuses the jar and test classes already built.
#
# Needs wrk, a JDK 21+ (JAVA_HOME, default temurin 25) and PostgreSQL's server binaries
# (apt-get install -y wrk postgresql): it starts a private PostgreSQL cluster on a free loopback
# port (as the postgres user when run as root; PostgresServer in the test classes) and deletes it
# at the end. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
CLIENTS="${CLIENTS:-600}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
HEAP="${HEAP:-384m}"
STORES=(${STORES:-postgres embedded})
REPLICAS="${REPLICAS:-3}"
SCENARIOS=("$@")
[ $# -eq 0 ] && SCENARIOS=(slow fast)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

WORK=$(mktemp -d /tmp/bench-replicas.XXXXXX)
PIDS=()
POSTGRES_PID=
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  # PostgresServer stops and deletes its cluster when it gets SIGTERM
  if [ -n "$POSTGRES_PID" ]; then kill "$POSTGRES_PID" 2>/dev/null || true; wait "$POSTGRES_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # -DskipTests still compiles the test classes (FakeOpenAi, PostgresServer)
  ./mvnw -B -q -pl helidon-runtime -am package -DskipTests
fi
JAR=$(ls helidon-runtime/target/helidon-runtime-*.jar | grep -v -- '-tests.jar' | head -1)
TEST_CP="helidon-runtime/target/test-classes:$JAR:$(ls helidon-runtime/target/libs/*.jar | tr '\n' ':')"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for() { # url
  for _ in $(seq 1 600); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "nothing answered at $1" >&2; return 1
}

# CPU time (user + system, ms) of processes: "replicas" (the given pids), or the PostgreSQL server:
# the postmaster with what its exited children used, and its live children (the sessions)
cpu_ms() { # pid...
  python3 - "$(getconf CLK_TCK)" "$@" <<'PY'
import sys
hz, pids = int(sys.argv[1]), sys.argv[2:]
total = 0
for pid in pids:
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    total += int(f[11]) + int(f[12])
print(total * 1000 // hz)
PY
}
postgres_cpu_ms() { # postmaster pid
  python3 - "$(getconf CLK_TCK)" "$1" <<'PY'
import glob, sys
hz, root = int(sys.argv[1]), sys.argv[2]
total = 0
for path in glob.glob("/proc/[0-9]*/stat"):
    try:
        pid = path.split("/")[2]
        f = open(path).read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    if pid == root:
        total += int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
    elif f[1] == root:
        total += int(f[11]) + int(f[12])
print(total * 1000 // hz)
PY
}
# busy CPU time of the whole machine (all cores), ms
machine_busy_ms() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%d", ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz }' /proc/stat
}

# the private PostgreSQL: its URL, user, password and postmaster pid
"$JAVA" -cp "$TEST_CP" io.configurableagents.runtime.jobs.postgres.PostgresServer >"$WORK/postgres.out" 2>&1 &
POSTGRES_PID=$!
for _ in $(seq 1 600); do grep -q '^postgres url' "$WORK/postgres.out" && break; sleep 0.1; done
grep -q '^postgres url' "$WORK/postgres.out" || { cat "$WORK/postgres.out" >&2; exit 1; }
read -r _ _ PG_URL _ PG_USER _ PG_PASSWORD _ PG_PID < <(grep '^postgres url' "$WORK/postgres.out")
PSQL_BIN=$(dirname "$(readlink -f "/proc/$PG_PID/exe")")/psql
PG_PORT=$(echo "$PG_URL" | sed 's#.*:\([0-9]*\)/.*#\1#')
PG_DB=${PG_URL##*/}
sql() { PGPASSWORD="$PG_PASSWORD" "$PSQL_BIN" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -tAc "$1"; }

# jobs not finished yet: in the shared table, or in the replicas' embedded logs
unfinished() { # store data-dir...
  local store=$1; shift
  if [ "$store" = postgres ]; then
    sql "SELECT count(*) FROM agent_jobs WHERE completed_at IS NULL"
  else
    python3 - "$@" <<'PY'
import json, sys, glob
unfinished = 0
for data in sys.argv[1:]:
    final = {}
    for seg in sorted(glob.glob(data + "/jobs/jobs-*.log")):
        for line in open(seg, "rb"):
            try:
                job = json.loads(line[9:])
                final[job["job_id"]] = job["status"]
            except Exception:
                pass
    unfinished += sum(1 for s in final.values() if s in ("pending", "running"))
print(unfinished)
PY
  fi
}

load() { # phase duration latency(yes|no) ports...
  local phase=$1 duration=$2 latency=$3; shift 3
  local i=0 pids=()
  for port in "$@"; do
    local extra=()
    [ "$latency" = yes ] && extra=(--latency)
    wrk -t1 -c$((CLIENTS / REPLICAS)) -d"$duration" --timeout 30s "${extra[@]}" -s scripts/bench-api.lua \
      "http://127.0.0.1:$port/run" -- "$phase-r$i" >"$WORK/wrk-$phase-$i.out" 2>&1 &
    pids+=($!)
    i=$((i + 1))
  done
  wait "${pids[@]}"
}

run_scenario() { # name delay_ms store
  local name=$1 delay=$2 store=$3
  local fake_port; fake_port=$(free_port)
  "$JAVA" -cp "$TEST_CP" io.configurableagents.runtime.FakeOpenAi "$fake_port" "$delay" >"$WORK/$name-$store-fake.log" 2>&1 &
  local fake=$!
  PIDS+=($fake)
  sed "s#@API_BASE@#http://127.0.0.1:$fake_port/v1#" scripts/bench-echo.yaml >"$WORK/echo.yaml"
  wait_for "http://127.0.0.1:$fake_port/requests"

  local ports=() servers=() dirs=()
  for r in $(seq 0 $((REPLICAS - 1))); do
    local port; port=$(free_port)
    local data="$WORK/$name-$store-data-$r"
    local env=(WORKFLOW_FILE="$WORK/echo.yaml" DATA_DIR="$data" PORT="$port" TRACES_PORT=0 OPENAI_API_KEY=sk-bench-not-a-real-key)
    [ "$store" = postgres ] && env+=(JOB_STORE_URL="$PG_URL" JOB_STORE_USER="$PG_USER" JOB_STORE_PASSWORD="$PG_PASSWORD")
    env "${env[@]}" "$JAVA" "-Xmx$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" >"$WORK/$name-$store-server-$r.log" 2>&1 &
    servers+=($!)
    PIDS+=($!)
    ports+=("$port")
    dirs+=("$data")
  done
  for port in "${ports[@]}"; do wait_for "http://127.0.0.1:$port/health"; done

  # warm-up (JIT), not counted; then let the runs in flight finish
  load warmup "$WARMUP" no "${ports[@]}"
  sleep $((delay / 1000 + 2))
  for _ in $(seq 1 120); do [ "$(unfinished "$store" "${dirs[@]}")" -eq 0 ] && break; sleep 0.5; done

  local before_requests before_prompts before_servers before_pg before_fake before_machine
  before_requests=$(curl -fs "http://127.0.0.1:$fake_port/requests")
  before_prompts=$(curl -fs "http://127.0.0.1:$fake_port/prompts")
  before_servers=$(cpu_ms "${servers[@]}"); before_fake=$(cpu_ms "$fake")
  before_pg=$(postgres_cpu_ms "$PG_PID"); before_machine=$(machine_busy_ms)
  local started; started=$(date +%s%N)

  echo "== $name, $store store: $REPLICAS replicas, $CLIENTS clients ($((CLIENTS / REPLICAS)) each), provider answering after ${delay} ms, -Xmx$HEAP, $DURATION"
  load measured "$DURATION" yes "${ports[@]}"
  local window_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  local servers_cpu=$(( $(cpu_ms "${servers[@]}") - before_servers ))
  local pg_cpu=$(( $(postgres_cpu_ms "$PG_PID") - before_pg ))
  local fake_cpu=$(( $(cpu_ms "$fake") - before_fake ))
  local machine=$(( $(machine_busy_ms) - before_machine ))
  local load_average; load_average=$(cut -d' ' -f1-3 /proc/loadavg)

  for r in $(seq 0 $((REPLICAS - 1))); do
    local out="$WORK/wrk-measured-$r.out"
    echo "replica $r: $(awk '/Requests\/sec/ { print $2 }' "$out") runs/s; $(grep -E '^answers' "$out" | paste -sd, -); $(grep -E 'latency p50' "$out")"
    grep -E 'socket errors' "$out" | grep -v 'connect 0, read 0, write 0, timeout 0' || true
  done
  awk '/Requests\/sec/ { sum += $2 } END { printf "runs/s over the %d replicas: %.1f\n", n, sum }' n=$REPLICAS "$WORK"/wrk-measured-*.out

  # let the runs whose clients wrk cut off finish (at most 60 s)
  for _ in $(seq 1 120); do [ "$(unfinished "$store" "${dirs[@]}")" -eq 0 ] && break; sleep 0.5; done
  local runs=$(( $(curl -fs "http://127.0.0.1:$fake_port/requests") - before_requests ))
  local prompts=$(( $(curl -fs "http://127.0.0.1:$fake_port/prompts") - before_prompts ))
  if [ "$runs" -eq "$prompts" ]; then
    echo "runs in the measured window: $runs, each with exactly one provider request ($runs requests, $prompts different prompts)"
  else
    echo "RUNS ASKED MORE THAN ONCE: $runs provider requests for $prompts different prompts"
  fi
  awk -v s="$servers_cpu" -v f="$fake_cpu" -v n="$runs" 'BEGIN {
    if (n > 0) printf "CPU per run: replicas %.3f ms, fake provider %.3f ms\n", s / n, f / n }'
  if [ "$store" = postgres ]; then
    awk -v s="$servers_cpu" -v p="$pg_cpu" -v n="$runs" -v m="$machine" -v w="$window_ms" -v cores="$(nproc)" 'BEGIN {
      if (n > 0) printf "PostgreSQL: %.3f ms of CPU per run; %.1f%% of the CPU the replicas and PostgreSQL used, %.1f%% of all CPU used on the machine, %.1f%% of its %d cores\n", p / n, 100 * p / (s + p), 100 * p / m, 100 * p / (w * cores), cores }'
    echo "jobs table: $(sql "SELECT count(*) FROM agent_jobs") rows, $(sql "SELECT pg_size_pretty(pg_total_relation_size('agent_jobs'))")"
  fi
  echo "machine load average during the run: $load_average"
  kill "${servers[@]}" "$fake" 2>/dev/null || true
  wait "${servers[@]}" "$fake" 2>/dev/null || true
  grep -hE 'SEVERE|WARNING' "$WORK"/$name-$store-server-*.log | sort | uniq -c | head -5 || true
}

for s in "${SCENARIOS[@]}"; do
  for store in "${STORES[@]}"; do
    case "$s" in
      slow) run_scenario slow 1000 "$store" ;;
      fast) run_scenario fast 0 "$store" ;;
      *) echo "unknown scenario $s (slow, fast)" >&2; exit 1 ;;
    esac
  done
done
