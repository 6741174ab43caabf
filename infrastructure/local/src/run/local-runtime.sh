#!/usr/bin/env bash
# Starts the local runtime — what the README's run command (`mvn … package exec:exec -pl infrastructure/local`) runs.
#
# With JDK 25's AOT cache when there is one for exactly this JVM and these dependencies: their classes (three emulators,
# Micronaut, the AWS SDK: everything Maven resolves from the local repository) come loaded and linked from it instead of
# from ~330 jars, which halves the time to the first answer (BENCHMARKS.md, "Starting the local runtime"). The
# project's own classes (this module and the functions) are never in it: the training run loads them in a class loader
# of their own (TrainingLauncher.java), which the JVM does not cache, so a build of the project keeps the cache and its
# next start uses it; only other dependencies or another JDK need another one. Without one, the runtime starts without
# it at once, on the class path as Maven gave it, and in the background, niced to the lowest priority, the launcher makes
# what the cached class path needs and a training run (the runtime in memory, a few requests to itself, then exit) makes
# the cache beside it. Other dependencies or another JDK give another name, so a stale cache is never offered;
# if the JVM still refuses one, it starts without it (-XX:AOTMode=auto, its default).
# LOCAL_RUNTIME_AOT=off: neither use nor train a cache. LOCAL_RUNTIME_AOT=train: start nothing, but make the cache now,
# in the foreground, unless there is one for these dependencies — the build's step (pom.xml, `package`), so that the
# first start after a build already has it; a failure there costs the cache, never the build.
# LOCAL_RUNTIME_ARGS_TO=FILE: write this script's arguments to FILE, one a line, and start nothing
# (benchmarks/local-start.sh starts the runtime as the run command does with them).
#
# The cache needs the dependencies as jars (the JVM caches from jars only): DynamoDB Local's jar is used through a copy
# whose manifest names no Class-Path (the original names ".", a directory).
#
# usage: local-runtime.sh JAVA CLASSPATH BUILD_DIR ROOT REPOSITORY [runtime options...]
#   CLASSPATH: Maven's; its entries under REPOSITORY (the local Maven repository) are the dependencies, except the project's
#   own (org/teachertraining); the others the project's
set -euo pipefail
if [ -n "${LOCAL_RUNTIME_ARGS_TO:-}" ] && [ "${LOCAL_RUNTIME_AOT:-on}" != train ]; then   # the build's step still trains
  printf '%s\n' "$@" > "$LOCAL_RUNTIME_ARGS_TO"
  exit 0
fi
java=$1 classpath=$2 build=$3 root=$4 repository=$5
shift 5
aot="$build/local-runtime-aot"
# MetaspaceSize: the start loads ~23,000 classes (~120 MB of metaspace); at the default threshold (~21 MB) each step of that
# growth set off a GC and a concurrent mark of the heap (20 pauses and 4 marks before the first answer, 6 and 1 with this)
jvm=("$java" -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=256m)
main=(org.teachertraining.local.LocalRuntime --root "$root")

announce=()   # the JVM option naming the file by which the runtime says it has started, when something waits for it
start_without_cache() {   # the class path as Maven gave it
  exec "${jvm[@]}" "${announce[@]}" -cp "$classpath" "${main[@]}" "$@"
}
if [ "${LOCAL_RUNTIME_AOT:-on}" = off ]; then
  start_without_cache "$@"
fi

# The cache's plan, with nothing made yet: the cached class path (the dependencies, then the training's launcher), the
# project's after it, and the digest naming the cache. Only `stat` and `cksum` here: a start without a cache must not wait
# for what only the cache needs (the copy of DynamoDB Local's jar, the launcher compiled), which is made in the background
# with the training. A failure (a dependency as a directory, another stat) must cost the cache, not the start.
plan_class_path() {
  local entry given dependencies=() originals=()
  project=()
  IFS=: read -ra given <<< "$classpath"
  for entry in "${given[@]}"; do
    # the project's own artifacts are the project's even as `mvn install` put them in the repository (a build of one
    # module, `-pl infrastructure/local` without `-am`, is given them from there): the same cache either way
    if [[ "$entry" != "$repository"/* || "$entry" == "$repository"/org/teachertraining/* ]]; then
      project+=("$entry")
      continue
    fi
    [ -d "$entry" ] && return 1   # a dependency as a directory: the JVM caches from jars only
    originals+=("$entry")
    if [[ "${entry##*/}" == DynamoDBLocal-*.jar ]]; then   # no basename: a fork per entry cost ~0.5 s a start
      dynamodb=$entry
      entry="$aot/${entry##*/}"
    fi
    dependencies+=("$entry")
  done
  [ ${#project[@]} -gt 0 ] || return 1
  launcher_source="$(dirname "${BASH_SOURCE[0]}")/TrainingLauncher.java"
  launcher="$aot/training-launcher.jar"
  cached=$(IFS=:; echo "${dependencies[*]}"):$launcher
  project_cp=$(IFS=:; echo "${project[*]}")
  # the JVM checks a cache against the jars' paths, sizes and times; the name says which JVM and jars it was made from
  # (DynamoDB Local's by its original, whose copy is remade when it changes) and which launcher (by its source's bytes)
  local listed
  listed=$(stat -L -c '%n %s %Y' "$java" "$(dirname "$java")/../lib/modules" "${originals[@]}" && cksum < "$launcher_source") || return 1
  digest=$(printf '%s\n' "$listed" | cksum | cut -d' ' -f1)
}

# What the cached class path needs on disk: DynamoDB Local's jar through a copy whose manifest names no Class-Path, and the
# training's launcher compiled into a jar; each remade when what it comes from is newer.
prepare_class_path() {
  mkdir -p "$aot" || return 1
  if [ -n "${dynamodb:-}" ]; then
    local copy
    copy="$aot/${dynamodb##*/}"
    if [ ! -f "$copy" ] || [ "$dynamodb" -nt "$copy" ]; then
      cp "$dynamodb" "$copy.part" && printf 'Class-Path: \n' > "$aot/no-class-path.mf" || return 1
      # jar merges the manifest given into the jar's: the empty Class-Path replaces DynamoDB Local's
      "$(dirname "$java")/jar" --update --file "$copy.part" --manifest "$aot/no-class-path.mf" 2>/dev/null || return 1
      mv "$copy.part" "$copy" || return 1
    fi
  fi
  if [ ! -f "$launcher" ] || [ "$launcher_source" -nt "$launcher" ]; then
    rm -rf "$aot/training-launcher" && "$(dirname "$java")/javac" -d "$aot/training-launcher" "$launcher_source" \
      && "$(dirname "$java")/jar" --create --file "$launcher.part" -C "$aot/training-launcher" . && mv "$launcher.part" "$launcher" || return 1
  fi
}
if ! plan_class_path; then
  if [ "${LOCAL_RUNTIME_AOT:-on}" = train ]; then
    echo "local runtime: no AOT cache can be made here (see src/run/local-runtime.sh); the runtime will start without one"
    exit 0
  fi
  echo "local runtime: no AOT cache can be made here (see src/run/local-runtime.sh); starting without one"
  start_without_cache "$@"
fi
cache="$aot/local-runtime-$digest.aot"
cache_ready() {   # the cache and the files its class path names besides the dependencies
  [ -f "$cache" ] && [ -f "$launcher" ] && { [ -z "${dynamodb:-}" ] || [ -f "$aot/${dynamodb##*/}" ]; }
}

# The training run: the runtime in memory, a few requests to itself, then exit (AotTraining.java); the JVM writes the cache
# as it exits. Any cache of other dependencies goes first: only the one named by the digest is ever offered.
train() {
  prepare_class_path || { echo "the cached class path could not be prepared (see src/run/local-runtime.sh)"; return 1; }
  rm -f "$aot"/local-runtime-*.aot "$aot"/local-runtime-*.aot.part*
  local entry logback=()
  for entry in "${project[@]}"; do
    [ -f "$entry/logback.xml" ] && logback=(-Dlogback.configurationFile="$entry/logback.xml") && break
  done
  "${jvm[@]}" -XX:AOTCacheOutput="$cache.part" -Xlog:aot*=error "${logback[@]}" -cp "$cached" TrainingLauncher "$project_cp" \
    "${main[@]}" --aot-training && mv "$cache.part" "$cache"
}

if [ "${LOCAL_RUNTIME_AOT:-on}" = train ]; then
  mkdir -p "$aot" || exit 0
  (
    flock 9   # a training a start began in the background: wait for it, then there is nothing left to do
    if cache_ready; then echo "local runtime: AOT cache $cache"; exit 0; fi
    echo "local runtime: making the AOT cache for these dependencies ($aot/training.log): about 30 s, once"
    SECONDS=0
    if train < /dev/null > "$aot/training.log" 2>&1; then
      echo "local runtime: AOT cache $cache made in $SECONDS s"
    else
      echo "local runtime: no AOT cache made ($aot/training.log); the runtime will start without one and make it in the background"
    fi
  ) 9> "$aot/training.lock"
  exit 0
fi

if cache_ready; then
  echo "local runtime: AOT cache $cache"
  # -Xlog: JDK 25 warns of code stubs it does not link from the cache; only errors are worth showing
  exec "${jvm[@]}" -XX:AOTCache="$cache" -Xlog:aot*=error -cp "$cached:$project_cp" "${main[@]}" "$@"
fi

mkdir -p "$aot" || start_without_cache "$@"
echo "local runtime: no AOT cache for these dependencies yet; making one in the background ($aot/training.log) for the next start"
started="$aot/started.$$"   # the runtime creates it once it has started (LocalRuntime.announceStarted)
rm -f "$started"
(
  flock -n 9 || exit 0   # one training at a time: a start while one runs leaves it be
  renice -n 19 -p "$BASHPID" > /dev/null || true   # this and all it starts: the start in front goes first
  # and only once the start is over (the runtime says it has started, or it has ended): niced but beside the start, this
  # work still took ~0.8 s from it (BENCHMARKS.md); $$ is the runtime's JVM once this script has exec'd it
  for _ in $(seq 600); do
    { [ -e "$started" ] || ! kill -0 $$ 2> /dev/null; } && break
    sleep 0.5
  done
  rm -f "$started"
  train || true
) 9> "$aot/training.lock" < /dev/null > "$aot/training.log" 2>&1 &   # none of the run's output streams held open
# meanwhile this start, saying when it has started
announce=(-Dlocal.runtime.started-file="$started")
start_without_cache "$@"
