#!/usr/bin/env bash
# Starts the local runtime — what the README's run command (`mvn … package exec:exec -pl infrastructure/local`) runs.
#
# With JDK 25's AOT cache when there is one for exactly this JVM and these jars: the runtime's classes (three emulators,
# Micronaut, the AWS SDK, the functions) come loaded and linked from it instead of from ~200 jars, which halves the time
# to the first answer (BENCHMARKS.md, "Starting the local runtime"). Without one, the runtime starts without it at once,
# and a training run (the runtime in memory, a few requests to itself, then exit) makes the cache beside it, niced to
# the lowest priority, so that the next start of the same build uses it. A changed jar or JDK gives another name, so a
# stale cache is never offered; if the JVM still refuses one, it starts without it (-XX:AOTMode=auto, its default).
# LOCAL_RUNTIME_AOT=off: neither use nor train a cache. LOCAL_RUNTIME_ARGS_TO=FILE: write this script's arguments to
# FILE, one a line, and start nothing (benchmarks/local-start.sh starts the runtime as the run command does with them).
#
# The cache needs a class path of jars only: the module's own jar stands for its target/classes, and DynamoDB Local's
# jar is used through a copy whose manifest names no Class-Path (the original names ".", a directory, which the JVM
# cannot cache from).
#
# usage: local-runtime.sh JAVA CLASSPATH CLASSES_DIR MODULE_JAR ROOT [runtime options...]
set -euo pipefail
if [ -n "${LOCAL_RUNTIME_ARGS_TO:-}" ]; then
  printf '%s\n' "$@" > "$LOCAL_RUNTIME_ARGS_TO"
  exit 0
fi
java=$1 classpath=$2 classes=$3 module_jar=$4 root=$5
shift 5
aot="$(dirname "$module_jar")/local-runtime-aot"
jvm=("$java" -XX:TieredStopAtLevel=1)
main=(org.teachertraining.local.LocalRuntime --root "$root")

start_without_cache() {   # the class path as Maven gave it
  exec "${jvm[@]}" -cp "$classpath" "${main[@]}" "$@"
}
if [ "${LOCAL_RUNTIME_AOT:-on}" = off ]; then
  start_without_cache "$@"
fi

# the class path of jars only (entries, cp) and the digest naming its cache; each step checked, as a failure here
# (no jar tool, another stat) must cost the cache, not the start
jars_only() {
  mkdir -p "$aot" || return 1
  entries=()
  local entry copy given
  IFS=: read -ra given <<< "$classpath"
  for entry in "${given[@]}"; do
    if [ "$entry" = "$classes" ]; then
      [ -f "$module_jar" ] || return 1
      entry=$module_jar
    elif [[ $(basename "$entry") == DynamoDBLocal-*.jar ]]; then
      copy="$aot/$(basename "$entry")"
      if [ ! -f "$copy" ] || [ "$entry" -nt "$copy" ]; then
        cp "$entry" "$copy.part" && printf 'Class-Path: \n' > "$aot/no-class-path.mf" || return 1
        # jar merges the manifest given into the jar's: the empty Class-Path replaces DynamoDB Local's
        "$(dirname "$java")/jar" --update --file "$copy.part" --manifest "$aot/no-class-path.mf" 2>/dev/null || return 1
        mv "$copy.part" "$copy" || return 1
      fi
      entry=$copy
    elif [ -d "$entry" ]; then
      return 1   # another directory: the JVM caches from jars only
    fi
    entries+=("$entry")
  done
  cp=$(IFS=:; echo "${entries[*]}")
  # the JVM checks a cache against the jars' paths, sizes and times; the name says which JVM and jars it was made from
  local listed
  listed=$(stat -L -c '%n %s %Y' "$java" "$(dirname "$java")/../lib/modules" "${entries[@]}") || return 1
  digest=$(printf '%s\n' "$listed" | cksum | cut -d' ' -f1)
}
if ! jars_only; then
  echo "local runtime: no AOT cache can be made here (see src/run/local-runtime.sh); starting without one"
  start_without_cache "$@"
fi
runtime=(-cp "$cp" "${main[@]}")
cache="$aot/local-runtime-$digest.aot"
if [ -f "$cache" ]; then
  echo "local runtime: AOT cache $cache"
  # -Xlog: JDK 25 warns of code stubs it does not link from the cache; only errors are worth showing
  exec "${jvm[@]}" -XX:AOTCache="$cache" -Xlog:aot*=error "${runtime[@]}" "$@"
fi

echo "local runtime: no AOT cache for these jars yet; making one in the background ($aot/training.log) for the next start"
(
  flock -n 9 || exit 0   # one training at a time: a start while one runs leaves it be
  rm -f "$aot"/local-runtime-*.aot "$aot"/local-runtime-*.aot.part*
  nice -n 19 "${jvm[@]}" -XX:AOTCacheOutput="$cache.part" -Xlog:aot*=error "${runtime[@]}" --aot-training \
    && mv "$cache.part" "$cache"
) 9> "$aot/training.lock" < /dev/null > "$aot/training.log" 2>&1 &   # none of the run's output streams held open
exec "${jvm[@]}" "${runtime[@]}" "$@"
