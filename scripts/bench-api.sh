#!/usr/bin/env bash
# Closed-loop load on loopback against the packaged runtime jar running the echo workflow, with a
# fake OpenAI-compatible provider. Prints runs per second, latency, answers by status, and checks
# that every run made exactly one provider request.
#
#   scripts/bench-api.sh [scenario...]     scenarios: slow200 slow2000 fast (default: all three)
#
# slow200:  200 clients, provider answering after 1 s     (target: >= 150 sync runs/s, no 202, no error)
# slow2000: 2,000 clients, provider after 1 s, -Xmx512m    (target: >= 1,000 runs/s)
# fast:     provider answering at once, 64 clients          (report runs/s, p50/p99; target 5,000/s on 2 cores)
# layer:    the run API without the engine (ApiLayerBench: server, job service, store), answering
#           at once, 64 clients: what the HTTP and job layers cost on their own
#
# SERVER_JAVA_OPTS adds JVM options to the server (a JFR recording: see docs/performance.md);
# WARMUP (default 5s) is the warm-up before the measured window; SKIP_BUILD=1 reuses the jar and test classes already built.
#
# Needs wrk (apt-get install wrk) and a JDK 21+ (JAVA_HOME, default temurin 25). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
DURATION="${DURATION:-20s}"
SCENARIOS=("$@")
[ $# -eq 0 ] && SCENARIOS=(slow200 slow2000 fast)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

WORK=$(mktemp -d /tmp/bench-api.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # package compiles the test classes too (the fake provider lives there); -am builds workflow-core from this tree
  ./mvnw -B -q -pl helidon-runtime -am package -DskipTests
fi
JAR=$(ls helidon-runtime/target/helidon-runtime-*.jar | grep -v -- '-tests.jar' | head -1)
TEST_CP="helidon-runtime/target/test-classes:$JAR:$(ls helidon-runtime/target/libs/*.jar | tr '\n' ':')"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for() { # url
  for _ in $(seq 1 200); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "nothing answered at $1" >&2; return 1
}

# CPU time a process has used, in milliseconds (user + system)
cpu_ms() { # pid
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"
}

# CPU time of a process's threads, in milliseconds, summed by kind: "carriers 1234 gc 56 jit 78 other 9"
# (carriers: the virtual threads' carrier threads, where requests, runs and exchanges execute)
thread_cpu() { # pid
  python3 - "$1" "$(getconf CLK_TCK)" <<'PY'
import glob, sys, collections
pid, hz = sys.argv[1], int(sys.argv[2])
kinds = collections.Counter()
for task in glob.glob(f"/proc/{pid}/task/*"):
    try:
        comm = open(task + "/comm").read().strip()
        stat = open(task + "/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    ms = (int(stat[11]) + int(stat[12])) * 1000 // hz
    kind = ("carriers" if comm.startswith("ForkJoinPool") else "gc" if comm.startswith(("GC ", "G1 ")) else
            "jit" if comm.startswith(("C1 ", "C2 ")) else "other")
    kinds[kind] += ms
print(" ".join(f"{k} {kinds[k]}" for k in ("carriers", "gc", "jit", "other")))
PY
}

# final status of every job in the store's log, counted: "completed 1234" (to wait for the runs in flight)
job_counts() { # data dir
  python3 - "$1" <<'PY'
import json, sys, glob, collections
final = {}
for seg in sorted(glob.glob(sys.argv[1] + "/jobs/jobs-*.log")):
    for line in open(seg, "rb"):
        try:
            job = json.loads(line[9:])
            final[job["job_id"]] = job["status"]
        except Exception:
            pass
for status, n in sorted(collections.Counter(final.values()).items()):
    print(status, n)
PY
}

run_scenario() { # name clients delay_ms heap [layer]
  local name=$1 clients=$2 delay=$3 heap=$4 layer=${5:-}
  local fake_port api_port data="$WORK/$name-data"
  fake_port=$(free_port); api_port=$(free_port)
  "$JAVA" -cp "$TEST_CP" io.configurableagents.runtime.FakeOpenAi "$fake_port" "$delay" >"$WORK/$name-fake.log" 2>&1 &
  local fake=$!
  PIDS+=($fake)
  sed "s#@API_BASE@#http://127.0.0.1:$fake_port/v1#" scripts/bench-echo.yaml >"$WORK/echo.yaml"
  # SERVER_JAVA_OPTS: extra JVM options for the server, e.g. a JFR recording
  local command=("$JAVA" "-Xmx$heap" ${SERVER_JAVA_OPTS:-} -jar "$JAR")
  [ -n "$layer" ] && command=("$JAVA" "-Xmx$heap" ${SERVER_JAVA_OPTS:-} -cp "$TEST_CP" io.configurableagents.runtime.ApiLayerBench "$delay")
  WORKFLOW_FILE="$WORK/echo.yaml" DATA_DIR="$data" PORT="$api_port" TRACES_PORT=0 \
    OPENAI_API_KEY=sk-bench-not-a-real-key \
    "${command[@]}" >"$WORK/$name-server.log" 2>&1 &
  local server=$!
  PIDS+=($server)
  wait_for "http://127.0.0.1:$fake_port/requests"
  wait_for "http://127.0.0.1:$api_port/health"
  # warm-up (JIT), not counted
  wrk -t2 -c"$clients" -d"${WARMUP:-5s}" --timeout 30s -s scripts/bench-api.lua \
    "http://127.0.0.1:$api_port/run" -- warmup >/dev/null
  sleep $(( delay / 1000 + 2 ))
  local before; before=$(curl -fs "http://127.0.0.1:$fake_port/requests")
  local before_prompts; before_prompts=$(curl -fs "http://127.0.0.1:$fake_port/prompts")
  local server_cpu fake_cpu threads_before; server_cpu=$(cpu_ms "$server"); fake_cpu=$(cpu_ms "$fake")
  threads_before=$(thread_cpu "$server")
  echo "== $name: $clients clients, provider answering after ${delay} ms, -Xmx$heap, $DURATION"
  wrk -t2 -c"$clients" -d"$DURATION" --timeout 30s --latency -s scripts/bench-api.lua \
    "http://127.0.0.1:$api_port/run" -- measured | grep -E "Requests/sec|answers|latency p50|socket errors|requests in"
  # let the runs whose clients wrk cut off finish (at most 60 s)
  for _ in $(seq 1 120); do
    job_counts "$data" | grep -qE '^(pending|running) ' || break
    sleep 0.5
  done
  local after; after=$(curl -fs "http://127.0.0.1:$fake_port/requests")
  server_cpu=$(( $(cpu_ms "$server") - server_cpu )); fake_cpu=$(( $(cpu_ms "$fake") - fake_cpu ))
  local threads_after; threads_after=$(thread_cpu "$server")
  local after_prompts; after_prompts=$(curl -fs "http://127.0.0.1:$fake_port/prompts")
  # every request carries a different message: as many different prompts as requests means that
  # no run asked the provider twice; each echo run asks once, so the requests count the runs
  local runs=$(( after - before )) prompts=$(( after_prompts - before_prompts ))
  if [ "$runs" -eq "$prompts" ]; then
    echo "runs in the measured window: $runs, each with exactly one provider request ($runs requests, $prompts different prompts)"
  else
    echo "RUNS ASKED MORE THAN ONCE: $runs provider requests for $prompts different prompts"
  fi
  awk -v s="$server_cpu" -v f="$fake_cpu" -v n="$runs" 'BEGIN { if (n > 0) printf "CPU per run: server %.3f ms, fake provider %.3f ms\n", s / n, f / n }'
  echo "$threads_before" "$threads_after" | awk -v n="$runs" '{ if (n > 0) printf "server CPU per run by thread: carriers %.3f ms, GC %.3f ms, JIT %.3f ms, other %.3f ms\n", ($10-$2)/n, ($12-$4)/n, ($14-$6)/n, ($16-$8)/n }'
  echo "machine load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$server"; wait "$server" 2>/dev/null || true
}

for s in "${SCENARIOS[@]}"; do
  case "$s" in
    slow200) run_scenario slow200 200 1000 512m ;;
    slow2000) run_scenario slow2000 2000 1000 512m ;;
    fast) run_scenario fast "${FAST_CLIENTS:-64}" 0 512m ;;
    layer) run_scenario layer "${FAST_CLIENTS:-64}" 0 512m layer ;;
    *) echo "unknown scenario $s (slow200, slow2000, fast, layer)" >&2; exit 1 ;;
  esac
done
