#!/usr/bin/env bash
# Deploy benchmark: image size with the jlink base, redeploy time after editing only
# workflow.yaml, and container start to first healthy /health over 10 starts.
#
#   scripts/bench-deploy.sh            # builds what it needs, then measures
#   BENCH_SKIP_BUILD=1 scripts/bench-deploy.sh   # reuse the last build
#
# Needs a running Docker engine and a JDK 21+ (JAVA_HOME). Nothing is pulled and nothing is
# installed into ~/.m2: the plugin and the runtime go into the plugin module's IT repository
# (configurable-agents-maven-plugin/target/local-repo), as for the invoker ITs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
NAME=bench-deploy
PORT=${BENCH_PORT:-18201}
STARTS=${BENCH_STARTS:-10}
REDEPLOYS=${BENCH_REDEPLOYS:-5}
WORK=$ROOT/configurable-agents-maven-plugin/target/bench
REPO=$ROOT/configurable-agents-maven-plugin/target/local-repo

ms() { date +%s%N | cut -b1-13; }
cleanup() {
  docker rm -f "$NAME" >/dev/null 2>&1 || true
  docker volume rm -f "$NAME-data" >/dev/null 2>&1 || true
  docker image rm -f "$NAME:1.0.0" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "== building the plugin and the runtime (into $REPO)"
  # pre-integration-test runs the invoker's install into the IT repository, and no IT
  ./mvnw -B -q -pl configurable-agents-maven-plugin -am pre-integration-test -DskipTests
fi

# the sample project: the repository's example, deployed on the jlink base
rm -rf "$WORK" && mkdir -p "$WORK/project"
cp examples/hello/pom.xml examples/hello/workflow.yaml "$WORK/project/"
cat > "$WORK/settings.xml" <<XML
<settings><profiles><profile><id>bench</id><activation><activeByDefault>true</activeByDefault></activation>
<repositories><repository><id>local.central</id><url>file://${HOME}/.m2/repository</url></repository></repositories>
<pluginRepositories><pluginRepository><id>local.central</id><url>file://${HOME}/.m2/repository</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>
XML
MVN=("$ROOT/mvnw" -B -q -s "$WORK/settings.xml" -Dmaven.repo.local="$REPO" -f "$WORK/project/pom.xml"
  -Dworkflow.baseImage=jlink -Dworkflow.name=$NAME -Dworkflow.image=$NAME:1.0.0 -Dworkflow.port=$PORT
  -Dworkflow.tracesPort=0 -Dworkflow.skipEnvFile -Dworkflow.cacheDirectory="$WORK/cache")

echo "== first deploy (makes the jlink base when it is not cached)"
t=$(ms); "${MVN[@]}" workflow:deploy > "$WORK/first.log"; echo "first deploy: $(( $(ms) - t )) ms"

# -- sizes
size() { docker image inspect --format '{{.Size}}' "$1"; }
mb() { awk "BEGIN { printf \"%.1f\", $1 / 1000000 }"; }
total=$(size $NAME:1.0.0)
# the three application layers are the top three history entries (workflow, runtime, dependencies)
app=$(docker history --no-trunc --human=false --format '{{.Size}}' $NAME:1.0.0 | head -3 | awk '{ s += $1 } END { print s }')
echo
echo "image $NAME:1.0.0: $(mb "$total") MB in all; application layers $(mb "$app") MB; base $(mb $((total - app))) MB"

# -- redeploy after editing only workflow.yaml
echo
echo "== $REDEPLOYS redeploys after editing only workflow.yaml (mvn workflow:deploy -Dworkflow.replace, to healthy)"
times=()
for i in $(seq 1 "$REDEPLOYS"); do
  echo "# edit $i" >> "$WORK/project/workflow.yaml"
  t=$(ms); "${MVN[@]}" -o workflow:deploy -Dworkflow.replace > "$WORK/redeploy-$i.log"; d=$(( $(ms) - t ))
  times+=("$d"); echo "redeploy $i: $d ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "redeploy: median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms, min ${sorted[0]} ms, max ${sorted[-1]} ms"

# -- container start to first healthy /health
echo
echo "== $STARTS container starts to first healthy /health (docker start, then GET /health every 10 ms)"
starts=()
for i in $(seq 1 "$STARTS"); do
  docker stop -t 30 "$NAME" >/dev/null
  t=$(ms); docker start "$NAME" >/dev/null
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.01; done
  d=$(( $(ms) - t )); starts+=("$d"); echo "start $i: $d ms"
done
sorted=($(printf '%s\n' "${starts[@]}" | sort -n))
n=${#sorted[@]}
echo "start to healthy: median ${sorted[$(( n / 2 ))]} ms, min ${sorted[0]} ms, max ${sorted[-1]} ms (p90 ${sorted[$(( n * 9 / 10 < n ? n * 9 / 10 : n - 1 ))]} ms)"
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); Docker $(docker version --format '{{.Server.Version}}'); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
