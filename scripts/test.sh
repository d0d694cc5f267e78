#!/usr/bin/env bash
# Runs every test of the project: prepares what the tests need on this machine, then runs the
# Maven build (`./mvnw -B verify`, with any extra arguments passed through).
#
# On Debian or Ubuntu, run as root (or with sudo available), it installs and starts what is
# missing. Elsewhere it checks the prerequisites and says which are missing; docs/testing.md lists
# them with what each is for.
#
#   scripts/test.sh                     # everything
#   scripts/test.sh -pl workflow-core   # extra arguments go to Maven
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
fail() { printf 'scripts/test.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "'$*' needs root; run as root or install sudo"
  fi
}

is_debian() { [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }

apt_updated=false
apt_install() {
  is_debian || fail "missing: $* (install them; docs/testing.md says what each is for)"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y -qq "$@" >/dev/null 2>&1; then
    $apt_updated || { as_root apt-get update -qq; apt_updated=true; }
    as_root apt-get install -y -qq "$@" >/dev/null
  fi
}

# 1. A JDK 21 or newer for the build (the runtime module targets Java 21); JAVA_HOME first.
pick_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  fail "no JDK 21 or newer found (JAVA_HOME or /usr/lib/jvm); install one, e.g. Temurin 25"
}

# 1b. A JDK 17 for the ITs that run the plugin in a Maven started with Java 17.
ensure_jdk17() {
  [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ] && return 0
  log "installing openjdk-17-jdk-headless"
  apt_install openjdk-17-jdk-headless
}

# 2. A Docker engine: the plugin's ITs build, load and run real containers.
ensure_docker() {
  docker info >/dev/null 2>&1 && return 0
  command -v dockerd >/dev/null 2>&1 || { log "installing docker.io"; apt_install docker.io; }
  log "starting dockerd"
  as_root sh -c 'nohup dockerd >/tmp/test-dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    sleep 1
  done
  tail -n 50 /tmp/test-dockerd.log >&2 || true
  fail "dockerd did not start (its log is above); start a Docker engine and run again"
}

# 3. A container registry for the ITs that push to or build on a registry: Debian's
#    docker-registry, unpacked (never started as a service; the ITs start it on loopback).
ensure_registry() {
  local dir=${DOCKER_REGISTRY_HOME:-/opt/docker-registry}
  [ -x "$dir/usr/bin/docker-registry" ] && return 0
  is_debian || fail "missing: Debian's docker-registry unpacked into $dir (or set DOCKER_REGISTRY_HOME)"
  log "unpacking docker-registry into $dir"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && { apt-get download docker-registry >/dev/null 2>&1 \
    || { as_root apt-get update -qq && apt-get download docker-registry >/dev/null; }; })
  as_root dpkg -x "$tmp"/docker-registry_*.deb "$dir"
  rm -rf "$tmp"
}

# 3b. What the push IT and the generated files' checks use: OpenSSL (the IT registry's certificate),
#     Docker Compose ('config' on the generated compose files: Debian's docker-compose when neither
#     'docker compose' nor it is here) and HAProxy ('haproxy -c' on the generated load balancer's
#     configuration; its service is never used).
ensure_deploy_checkers() {
  command -v openssl >/dev/null 2>&1 || { log "installing openssl"; apt_install openssl; }
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { log "installing haproxy"; apt_install haproxy; }
  docker compose version >/dev/null 2>&1 && return 0
  command -v docker-compose >/dev/null 2>&1 && return 0
  log "installing docker-compose"
  apt_install docker-compose
}

# 4. A headless browser for the page tests: Chromium and its driver.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
  log "installing chromium and chromium-driver"
  apt_install chromium chromium-driver
}

# 5. PostgreSQL server binaries for the tests of the shared job store (the tests start and stop
#    their own server on loopback; nothing runs as a service).
ensure_postgresql() {
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && return 0
  command -v pg_ctl >/dev/null 2>&1 && return 0
  log "installing postgresql"
  apt_install postgresql
}

# 6. Node.js and npm, which fetch the OpenAPI linter the document's test runs.
ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  log "installing nodejs and npm"
  apt_install nodejs npm
}

pick_jdk
log "JDK: $JAVA_HOME"
ensure_jdk17
ensure_docker
ensure_registry
ensure_deploy_checkers
ensure_chromium
ensure_postgresql
ensure_node

log "./mvnw -B verify $*"
exec ./mvnw -B verify "$@"
