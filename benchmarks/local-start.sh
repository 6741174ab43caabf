#!/usr/bin/env bash
# How long the local runtime takes from its command to its first answer, after the build (BENCHMARKS.md).
# Builds as the README's run command does — which makes the runtime's AOT cache for these dependencies if there is none
# (local-runtime.sh, LOCAL_RUNTIME_AOT=train) — and takes the launcher's arguments from it (LOCAL_RUNTIME_ARGS_TO), then
# starts infrastructure/local/src/run/local-runtime.sh with them — exactly what `exec:exec` runs — with the data kept in
# .local/, and times launch → the first 200 of GET /openapi.yaml. First, once: how long the build's step takes to make
# the cache (the cache directory moved aside, then put back). Then side by side, alternating: a start with no cache
# directory at all (the build's step skipped with -Dlocal.aot.skip, or failed: it starts without a cache and makes one in
# the background, which is stopped here), a start without the AOT cache (LOCAL_RUNTIME_AOT=off), one with it (the first
# start after a build, a fresh clone's too), and one with it after a build of the project (its jars rebuilt: touched here).
# usage: benchmarks/local-start.sh [starts of each (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
starts=${1:-5}
argsfile=$(mktemp)
LOCAL_RUNTIME_ARGS_TO="$argsfile" mvn -B -q -o -DskipTests -Dlint.skip package exec:exec -pl infrastructure/local -am >/dev/null
mapfile -t launcher < "$argsfile"
launcher=("${launcher[@]:0:5}")   # java, class path, build dir, root, repository (run.args left out)
rm -f "$argsfile"
aot="${launcher[2]}/local-runtime-aot"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

start() {   # $1: on|off → seconds to the first answer
  local t0 t1 pid
  t0=$(date +%s.%N)
  LOCAL_RUNTIME_AOT=$1 bash infrastructure/local/src/run/local-runtime.sh "${launcher[@]}" --port "$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/openapi.yaml"; do
    kill -0 "$pid" 2>/dev/null || { echo "the runtime stopped before answering" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$t1 - $t0" | bc
}

ls "$aot"/local-runtime-*.aot >/dev/null 2>&1 || { echo "the build made no AOT cache: $aot/training.log" >&2; exit 1; }

# the build's step on a clone (or after a change of dependencies): the cache directory moved aside, the step timed, put back
saved=$(mktemp -d)
mv "$aot" "$saved/aot"
t0=$(date +%s.%N)
LOCAL_RUNTIME_AOT=train bash infrastructure/local/src/run/local-runtime.sh "${launcher[@]}" >/dev/null 2>&1
t1=$(date +%s.%N)
ls "$aot"/local-runtime-*.aot >/dev/null 2>&1 || { echo "the build's step made no AOT cache: $aot/training.log" >&2; exit 1; }
rm -rf "$aot"
mv "$saved/aot" "$aot"
echo "the build's step making the AOT cache (once per clone and change of dependencies): $(echo "$t1 - $t0" | bc) s"

# no cache at all (the build's step skipped or failed): the cache directory moved aside (and put back after), the
# training the start begins in the background stopped
fresh() {
  local seconds
  mv "$aot" "$saved/aot"
  seconds=$(start on)
  until flock -n "$aot/training.lock" true 2>/dev/null; do
    pkill -f -- "-XX:AOTCacheOutput=$aot" || true
    sleep 0.2
  done
  rm -rf "$aot"
  mv "$saved/aot" "$aot"
  echo "$seconds"
}

first=(); without=(); with=(); rebuilt=()
for i in $(seq "$starts"); do
  first+=("$(fresh)")
  without+=("$(start off)")
  with+=("$(start on)")
  touch functions/*/target/*-SNAPSHOT.jar infrastructure/local/target/classes/logback.xml   # as a build of the project leaves them
  rebuilt+=("$(start on)")
  echo "round $i: no cache at all ${first[-1]} s, without the cache ${without[-1]} s, with it ${with[-1]} s, with it after a build of the project ${rebuilt[-1]} s"
done
rmdir "$saved"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }
echo "median of $starts: no cache at all $(median "${first[@]}") s, without the AOT cache $(median "${without[@]}") s, with it (a fresh clone's first start after its build) $(median "${with[@]}") s, after a build of the project $(median "${rebuilt[@]}") s"
