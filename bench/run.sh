#!/usr/bin/env bash
# Runs every Resident benchmark in one go and prints the figures (docs/BENCHMARKS.md explains them):
#   R-PERF-1  hello world on bare Undertow vs through a Resident host, with wrk, alternating runs
#   R-PERF-2  10,000 requests waiting on a busy one-slot instance: threads, heap, timeout accuracy
#   R-PERF-3  200 manual instances started; idle instances stopped one at a time
#   R-WAR     a 10-module EAR's descriptors read; WAR instances started at 20 and 200, metaspace per instance
#   JMH       admission queue offer/release, Environment.current(), signing and verifying internal requests,
#             per-request metric counters
#   R-PERF-4  the launcher's cold start to every manual instance serving, with and without AppCDS, and RSS
#
# Usage: bench/run.sh [PART...]  (from any directory; every part: about 8 minutes on 2 cores)
#   PART is one of perf1 perf2 perf3 war jmh launcher (or BENCH_PARTS="launcher jmh"); none means every part.
#   bench/run.sh launcher runs only R-PERF-4 (about 2 minutes), no wrk.
#
# It installs nothing. It builds the bench module with the Maven wrapper (-Pbench; the first build
# downloads JMH from Maven Central like any dependency; BENCH_MVN_FLAGS=-o builds offline). Without wrk
# (Debian package "wrk": apt-get install wrk) R-PERF-1 is skipped; with fewer than 12,000 file
# descriptors allowed, R-PERF-2 is skipped. The other parts run all the same.
#
# Exit status: 0 when every part ran; 2 when a part was skipped (the reason is printed); 1 on a failure.
# Everything printed is also kept in bench/target/run-<time>/run.log, beside the raw outputs.
#
# Settings (environment): BENCH_WRK_RUNS (5), BENCH_WRK_SECONDS (10), BENCH_WRK_CONNECTIONS (50),
# BENCH_WRK_WARMUP_SECONDS (30 per server), BENCH_SLOTS (100: max_concurrent_requests of the R-PERF-1 instance), BENCH_PARKED (10000), BENCH_PENDING_TIMEOUT_MS (10000),
# BENCH_START_REPETITIONS (5), BENCH_STOPS (10), BENCH_WAR_REPETITIONS (3), BENCH_JMH_ARGS (extra JMH options),
# BENCH_MVN_FLAGS, BENCH_OPS (off: R-PERF-1's Resident host without access log; on: with the access log on the
# logger dev.resident.access through slf4j-simple and /_ah/metrics scraped every second, R-OPS-3; logback: the
# same through a buffered logback FileAppender, bench/src/main/resources/logback-bench.xml; file: the lines in
# the access log's own file, bench/target/run-<time>/access.log), BENCH_BREAKDOWN (off; on: R-PERF-1's server records where each
# Resident request's time goes, stage by stage, and prints the table after each run: RequestBreakdown),
# BENCH_JAVA_OPTS (extra options of R-PERF-1's server JVM),
# BENCH_LAUNCHER_STARTS (5 cold starts per JVM set-up and app), BENCH_PARTS.
set -euo pipefail

PARTS=" ${*:-${BENCH_PARTS:-perf1 perf2 perf3 war jmh launcher}} "
for part in $PARTS; do
  case "$part" in
    perf1 | perf2 | perf3 | war | jmh | launcher) ;;
    *) echo "Unknown part $part; the parts are perf1 perf2 perf3 war jmh launcher" >&2; exit 1 ;;
  esac
done
want() { [[ "$PARTS" == *" $1 "* ]]; }

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/target/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT/wrk"
exec > >(tee "$OUT/run.log") 2>&1

WRK_RUNS=${BENCH_WRK_RUNS:-5}
WRK_SECONDS=${BENCH_WRK_SECONDS:-10}
WRK_CONNECTIONS=${BENCH_WRK_CONNECTIONS:-50}
WRK_WARMUP=${BENCH_WRK_WARMUP_SECONDS:-30}
SLOTS=${BENCH_SLOTS:-100}
OPS=${BENCH_OPS:-off}
case "$OPS" in
  off | on | logback | file) ;;
  *) echo "Unknown BENCH_OPS=$OPS; it is one of off on logback file" >&2; exit 1 ;;
esac
BREAKDOWN=$([ "${BENCH_BREAKDOWN:-off}" = on ] && echo true || echo false)
PARKED=${BENCH_PARKED:-10000}
PENDING_TIMEOUT_MS=${BENCH_PENDING_TIMEOUT_MS:-10000}
START_REPETITIONS=${BENCH_START_REPETITIONS:-5}
STOPS=${BENCH_STOPS:-10}
LAUNCHER_STARTS=${BENCH_LAUNCHER_STARTS:-5}
SKIPPED=0
BEGAN=$(date +%s)
SERVER_PID=

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# Share of the machine's CPU busy over two seconds, from /proc/stat: other work running beside the part.
# (The load average printed too lags: after R-PERF-1 it still counts that part's own request threads.)
busy() {
  local a b
  a=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat)
  sleep 2
  b=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat)
  echo "$a $b" | awk '{busy = $3 - $1; idle = $4 - $2; printf "%.0f%%", 100 * busy / (busy + idle)}'
}

section() {
  echo
  echo "== $1"
  echo "   before it: CPU $(busy) busy over 2 s; $(uptime | sed 's/^.*load average/load average/'); $(nproc) cores"
}

echo "Resident benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r)"
echo "  java: $(java -version 2>&1 | head -2 | tail -1)"
if command -v wrk >/dev/null; then
  echo "  wrk: $( (wrk --version 2>&1 || true) | head -1 | cut -d' ' -f1-2)"
else
  echo "  wrk: not installed"
fi
echo "  commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
echo "  raw outputs: $OUT"

section "build (./mvnw -Pbench -pl bench -am package)"
./mvnw -B -q ${BENCH_MVN_FLAGS:-} -Pbench -pl bench -am package -DskipTests
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
LOGGING=(-Dorg.jboss.logging.provider=slf4j -Dorg.slf4j.simpleLogger.defaultLogLevel=info)

if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  SERVER_CPU=(taskset -c 0)
  CLIENT_CPU=(taskset -c 1)
  PINNING="server JVM on core 0, wrk on core 1"
else
  SERVER_CPU=()
  CLIENT_CPU=()
  PINNING="no pinning (taskset missing or one core)"
fi

# ---------------------------------------------------------------------------------------------------------
if want perf1; then
section "R-PERF-1 hello world: bare Undertow vs a whole Resident host, one JVM, loopback (operations: $OPS)"
if ! command -v wrk >/dev/null; then
  echo "  SKIPPED: wrk is not installed. Install it with: apt-get install wrk (Debian package wrk)"
  SKIPPED=1
else
  rm -f "$OUT/ports"
  SERVER_CP=$CP
  SERVER_OPS=$OPS
  SERVER_LOGGING=("${LOGGING[@]}" -Dorg.slf4j.simpleLogger.logFile="$OUT/perf1-server.log")
  if [ "$OPS" = logback ]; then
    # slf4j-simple out, logback in: bench/src/main/resources/logback-bench.xml, a buffered FileAppender.
    SERVER_CP="$ROOT/bench/target/classes:$(tr ':' '\n' <"$ROOT/bench/target/classpath.txt" | grep -v '/slf4j-simple-' | paste -sd:):$(cat "$ROOT/bench/target/classpath-logback.txt")"
    SERVER_OPS=on
    SERVER_LOGGING=(-Dorg.jboss.logging.provider=slf4j -Dlogback.configurationFile="$ROOT/bench/src/main/resources/logback-bench.xml"
      -Dbench.log_file="$OUT/perf1-server.log")
  fi
  "${SERVER_CPU[@]}" java "${SERVER_LOGGING[@]}" \
    -Dresident.request_breakdown="$BREAKDOWN" ${BENCH_JAVA_OPTS:-} \
    -Dbench.slots="$SLOTS" -Dbench.ops="$SERVER_OPS" -Dbench.access_log="$OUT/access.log" -cp "$SERVER_CP" dev.resident.bench.ThroughputServers "$OUT/ports" >"$OUT/perf1-server.out" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 600); do
    [ -f "$OUT/ports" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "  the server JVM exited:"; cat "$OUT/perf1-server.out"; exit 1; }
    sleep 0.1
  done
  [ -f "$OUT/ports" ] || { echo "  the server JVM did not start within 60 s"; exit 1; }
  BARE_URL="http://127.0.0.1:$(awk '$1 == "bare" {print $2}' "$OUT/ports")/"
  RESIDENT_URL="http://127.0.0.1:$(awk '$1 == "resident" {print $2}' "$OUT/ports")/"
  CLK_TCK=$(getconf CLK_TCK)
  server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
  url_of() { if [ "$1" = bare ]; then echo "$BARE_URL"; else echo "$RESIDENT_URL"; fi; }
  CONTROL_PORT=$(awk '$1 == "control" {print $2}' "$OUT/ports")
  # GET of the breakdown's control listener (bash's /dev/tcp: no curl needed); prints the body.
  control() {
    exec 3<>"/dev/tcp/127.0.0.1/$CONTROL_PORT"
    printf 'GET /%s HTTP/1.0\r\n\r\n' "$1" >&3
    sed '1,/^\r$/d' <&3
    exec 3<&-
  }
  WRK=(wrk -t1 -c"$WRK_CONNECTIONS" --latency)
  echo "  ${WRK[*]} -d${WRK_SECONDS}s; $PINNING; Resident instance with $SLOTS slots"
  echo "  warm-up: ${WRK_WARMUP} s per server, in two alternating halves (JIT compilation shares the server's core)"
  for _ in 1 2; do
    for server in bare resident; do
      "${CLIENT_CPU[@]}" "${WRK[@]}" -d"$((WRK_WARMUP / 2))s" "$(url_of $server)" >/dev/null
    done
  done
  echo "  measuring: $WRK_RUNS run pairs of ${WRK_SECONDS} s"
  for run in $(seq "$WRK_RUNS"); do
    if [ $((run % 2)) -eq 1 ]; then order="bare resident"; else order="resident bare"; fi
    for server in $order; do
      [ "$BREAKDOWN" = true ] && [ "$server" = resident ] && control reset
      before=$(server_ticks)
      "${CLIENT_CPU[@]}" "${WRK[@]}" -d"${WRK_SECONDS}s" "$(url_of $server)" >"$OUT/wrk/$server-$run.txt"
      echo "server_cpu_ticks $(($(server_ticks) - before)) clk_tck $CLK_TCK" >>"$OUT/wrk/$server-$run.txt"
      if [ "$BREAKDOWN" = true ] && [ "$server" = resident ]; then
        control report >"$OUT/breakdown-$run.txt"
      fi
    done
  done
  cleanup
  SERVER_PID=
  java -cp "$CP" dev.resident.bench.WrkSummary "$OUT/wrk"
  if [ "$BREAKDOWN" = true ]; then
    echo "  request breakdown of the Resident runs (server side, RequestBreakdown; wrk's p99 is the client's):"
    for run in $(seq "$WRK_RUNS"); do
      echo "  run $run"
      sed 's/^/    /' "$OUT/breakdown-$run.txt"
    done
  fi
fi
fi

# ---------------------------------------------------------------------------------------------------------
if want perf2; then
section "R-PERF-2 $PARKED requests waiting on a busy one-slot instance, pending_timeout ${PENDING_TIMEOUT_MS} ms"
WANT_FILES=$((PARKED + 2000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$WANT_FILES" ]; then
  ulimit -n "$WANT_FILES" 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$WANT_FILES" ]; then
  echo "  SKIPPED: each JVM needs $WANT_FILES file descriptors; this shell allows $(ulimit -n) (hard limit $(ulimit -Hn))."
  echo "  Raise the hard limit (for example in /etc/security/limits.conf) and run again."
  SKIPPED=1
else
  echo "  file descriptors per process: $(ulimit -n); the client and the server are separate JVMs"
  java "${LOGGING[@]}" -Dorg.slf4j.simpleLogger.logFile="$OUT/perf2-server.log" -cp "$CP" \
    dev.resident.bench.ParkedRequests "$PARKED" "$PENDING_TIMEOUT_MS"
fi
fi

# ---------------------------------------------------------------------------------------------------------
if want perf3; then
section "R-PERF-3 200 manual instances: start, then idle stops with an empty hook"
java "${LOGGING[@]}" -Dorg.slf4j.simpleLogger.logFile="$OUT/perf3.log" -cp "$CP" \
  dev.resident.bench.InstanceStartStop "$START_REPETITIONS" 200 "$STOPS"
fi

# ---------------------------------------------------------------------------------------------------------
if want war; then
section "R-CFG-7, R-WAR-5 WARs and EARs: a 10-module EAR's descriptors; WAR instances at 20 and 200, class-loading version and instance"
java "${LOGGING[@]}" -Dorg.slf4j.simpleLogger.logFile="$OUT/war.log" -cp "$CP" \
  dev.resident.bench.WarLoading "${BENCH_WAR_REPETITIONS:-3}"
fi

# ---------------------------------------------------------------------------------------------------------
if want jmh; then
section "JMH admission queue, environment lookup, signatures, request metrics and the access log (-prof gc: bytes allocated per operation)"
# shellcheck disable=SC2086 # BENCH_JMH_ARGS is a list of options
java -cp "$CP" org.openjdk.jmh.Main -prof gc -rf text -rff "$OUT/jmh.txt" ${BENCH_JMH_ARGS:-} \
  'dev\.resident\.bench\.jmh\..*' >"$OUT/jmh.log" 2>&1 || { tail -40 "$OUT/jmh.log"; exit 1; }
grep -E '^Benchmark|ns/op|gc\.alloc\.rate\.norm' "$OUT/jmh.txt" | grep -v '\.gc\.count\|gc\.time' | sed 's/^/  /'
fi

# ---------------------------------------------------------------------------------------------------------
if want launcher; then
section "R-PERF-4 launcher start: new JVM to every manual instance serving, $LAUNCHER_STARTS cold starts per set-up"
# AppCDS takes jar files only: the bench's classes go in as its jar.
LAUNCHER_CP="$(ls "$ROOT"/bench/target/bench-*.jar | head -1):$(cat "$ROOT/bench/target/classpath.txt")"
TWO="$ROOT/bench/target/classes/launcher/two-modules"
BACKENDS="$ROOT/examples/backends-demo/src/main/resources"
java "${LOGGING[@]}" -Dbench.launcher.classpath="$LAUNCHER_CP" -cp "$CP" \
  dev.resident.bench.LauncherStart "$LAUNCHER_STARTS" "$OUT/launcher" \
  "two-modules=3=$TWO/app.yaml,$TWO/worker.yaml" "backends=16=$BACKENDS/app.yaml,$BACKENDS/backends.yaml"
fi

echo
echo "== done in $(($(date +%s) - BEGAN)) s; $(uptime | sed 's/^.*load average/load average/')"
if [ "$SKIPPED" -ne 0 ]; then
  echo "   some parts were SKIPPED (see above): exit status 2"
  exit 2
fi
