#!/usr/bin/env bash
# How long the local runtime takes from its command to its first answer, after the build (BENCHMARKS.md).
# Starts the runtime's JVM exactly as `exec:exec` does (TieredStopAtLevel=1, the module's class path), with the data
# kept in .local/ as the README's command keeps it, and times launch → the first 200 of GET /openapi.yaml.
# usage: benchmarks/local-start.sh [starts (default 5)] [extra JVM flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
starts=${1:-5}; shift || true
cpfile=$(mktemp)
mvn -B -q -o dependency:build-classpath -pl infrastructure/local -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime >/dev/null
cp="infrastructure/local/target/classes:$(cat "$cpfile")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
times=()
for i in $(seq "$starts"); do
  t0=$(date +%s.%N)
  "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 "$@" -cp "$cp" org.teachertraining.local.LocalRuntime --root "$PWD" --port "$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/openapi.yaml"; do
    kill -0 "$pid" 2>/dev/null || { echo "the runtime stopped before answering" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  times+=("$(echo "$t1 - $t0" | bc)")
  echo "start $i: ${times[-1]} s"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %.2f s\n", NR, a[int((NR+1)/2)]}'
rm -f "$cpfile"
