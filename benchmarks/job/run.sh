#!/usr/bin/env bash
# The whole job of one upload, pixelstep against a plain Pillow script, side by side in one run
# (issue 13; benchmarks/README.md, "End to end against Pillow"). From a clean clone:
#
#   benchmarks/job/run.sh                 # every variant x both photos, 5 rounds each after 30 warm-ups
#   benchmarks/job/run.sh --quick         # 3 rounds after 2 warm-ups (the JIT still compiling: not warm)
#   ROUNDS=9 WARMUP=3 VARIANTS="default 1cpu" PHOTOS=13mp benchmarks/job/run.sh
#   DEPLOYED_TOOL_OPTIONS="-XX:TieredStopAtLevel=4" benchmarks/job/run.sh   # other JAVA_TOOL_OPTIONS than the
#                                         # CDK app's for the deployed and 1cpu variants (an A/B of JVM options)
#   WARMUP=120 ROUNDS=7 VARIANTS="1cpu 1cpu-s3-apart" benchmarks/job/run.sh   # one CPU once the JIT's long
#                                         # tail is spent (~25 min; benchmarks/README.md, "one CPU, steady state")
#   JAVA_FLAGS=-Dpixelstep.jpeg.imageio=true benchmarks/job/run.sh   # extra flags for pixelstep's JVM
#                                         # (this one turns pixelstep's own JPEG decoder off, when it is wired in)
#
# Warm means the JIT has (nearly) stopped compiling: on one CPU the compilers still take 300-500 ms
# of a 4 MP job after 5 warm-ups and 20-200 ms after 40 (benchmarks/README.md, "2026-11-27
# (09:50-10:18): warm means the JIT has done its work"); every warm-up and round prints the JIT's
# compile time, and the table its median per round.
#
# Variants (JVM flags of pixelstep's side; the Pillow process is a child of that JVM and shares its
# CPU affinity):
#   default   the build JDK ('java' on PATH or $JAVA_HOME), no flags
#   default-jdk25  Temurin 25 (the JDK of Lambda's java25 runtime, which the CDK app deploys), no
#             flags: default flags on the deployed JDK, beside 'default' on the build JDK
#   deployed  what the CDK app deploys: Lambda's java25 runtime (Temurin 25 here when installed,
#             else the build JDK) with the runtime's own flags for a 2048 MB function plus the
#             app's JAVA_TOOL_OPTIONS (-XX:+TieredCompilation -XX:TieredStopAtLevel=4 -XX:InitialRAMPercentage=100)
#   1cpu      'deployed' on one CPU: -XX:ActiveProcessorCount=1 and taskset -c 0 for both sides
#             (a 1769 MB Lambda has one vCPU)
#   1cpu-s3-apart  '1cpu' with S3Proxy in a JVM of its own on the last CPU (S3Elsewhere): on
#             Lambda, S3's work is not done on the function's vCPU, as it is in '1cpu'
#   1cpu-build-jdk  '1cpu' on the build JDK instead of Temurin 25: on Debian its JPEG codec is the
#             system's libjpeg-turbo, where Temurin and Lambda's Corretto bundle libjpeg 6b, so
#             the two 1cpu rows side by side show what the codec costs
#
# It installs Debian's python3-pil and python3-matplotlib with apt-get when they are missing (and
# says so), builds the benchmarks module when its class path file is missing (PIXELSTEP_REBUILD=1
# forces it), fetches the photos once (testkit's TestPhotos) and prints a Markdown table.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-30}
if [ "${1:-}" = "--quick" ]; then ROUNDS=3; WARMUP=2; fi
VARIANTS=${VARIANTS:-"default default-jdk25 deployed 1cpu 1cpu-s3-apart 1cpu-build-jdk"}
PHOTOS=${PHOTOS:-"13mp 4mp"}
PYTHON=${PYTHON:-/usr/bin/python3}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVA25=${PIXELSTEP_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA25" ] || JAVA25=$JAVA

# Python side: Debian's Pillow and matplotlib
if "$PYTHON" -c 'import PIL, matplotlib' 2>/dev/null; then
  echo "Python side: found $("$PYTHON" -c 'import PIL, matplotlib; print("Pillow", PIL.__version__, "matplotlib", matplotlib.__version__)') in $PYTHON"
else
  echo "Python side: Pillow or matplotlib missing in $PYTHON; installing Debian's python3-pil python3-matplotlib with apt-get"
  if ! command -v apt-get >/dev/null; then
    echo "no apt-get here: install Pillow and matplotlib for $PYTHON (or set PYTHON=...) and run again" >&2
    exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y python3-pil python3-matplotlib >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y python3-pil python3-matplotlib >/dev/null; }
  PYTHON=/usr/bin/python3
  "$PYTHON" -c 'import PIL, matplotlib' || { echo "the installation did not give $PYTHON Pillow and matplotlib" >&2; exit 1; }
  echo "Python side: installed $("$PYTHON" -c 'import PIL, matplotlib; print("Pillow", PIL.__version__, "matplotlib", matplotlib.__version__)')"
fi
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed for the 1cpu variant" >&2; exit 1; }

# Java side: the benchmarks module and its class path
CPFILE="$ROOT/benchmarks/target/job-classpath.txt"
if [ ! -f "$CPFILE" ] || [ "${PIXELSTEP_REBUILD:-0}" = 1 ]; then
  echo "building: ./mvnw -B -q -pl benchmarks -am install -DskipTests"
  (cd "$ROOT" && ./mvnw -B -q -pl benchmarks -am install -DskipTests)
fi
CP="$ROOT/benchmarks/target/classes:$(cat "$CPFILE")"
MAIN=dev.pixelstep.benchmarks.job.WholeJobHarness
PHOTO_DIR="$ROOT/benchmarks/target/job-photos"
"$JAVA" -cp "$CP" $MAIN prepare "$PHOTO_DIR"

# Lambda's java runtime flags for a 2048 MB function (heap 85%, metaspace 10%, code cache 5% of
# the memory; serial GC; CDS on) and the CDK app's JAVA_TOOL_OPTIONS, which replace the runtime's
# default -XX:TieredStopAtLevel=1.
LAMBDA_FLAGS="-XX:MaxHeapSize=1782579k -XX:MaxMetaspaceSize=209715k -XX:ReservedCodeCacheSize=104857k -XX:+UseSerialGC -Xshare:auto -Djava.net.preferIPv4Stack=true"
DEPLOYED_TOOL_OPTIONS=${DEPLOYED_TOOL_OPTIONS:-"-XX:+TieredCompilation -XX:TieredStopAtLevel=4 -XX:InitialRAMPercentage=100"}

LOG="$ROOT/benchmarks/target/job-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; log $LOG"
RESULTS=()
for photo in $PHOTOS; do
  for variant in $VARIANTS; do
    case $variant in
      default)  cmd=("$JAVA"); env=() ;;
      default-jdk25) cmd=("$JAVA25"); env=() ;;
      deployed) cmd=("$JAVA25" $LAMBDA_FLAGS); env=(JAVA_TOOL_OPTIONS="$DEPLOYED_TOOL_OPTIONS") ;;
      1cpu)     cmd=(taskset -c 0 "$JAVA25" $LAMBDA_FLAGS -XX:ActiveProcessorCount=1); env=(JAVA_TOOL_OPTIONS="$DEPLOYED_TOOL_OPTIONS") ;;
      1cpu-s3-apart) cmd=(taskset -c 0 "$JAVA25" $LAMBDA_FLAGS -XX:ActiveProcessorCount=1 -Dpixelstep.job.s3Cpus=$(( $(nproc) - 1 ))); env=(JAVA_TOOL_OPTIONS="$DEPLOYED_TOOL_OPTIONS") ;;
      1cpu-build-jdk) cmd=(taskset -c 0 "$JAVA" $LAMBDA_FLAGS -XX:ActiveProcessorCount=1); env=(JAVA_TOOL_OPTIONS="$DEPLOYED_TOOL_OPTIONS") ;;
      *) echo "unknown variant $variant (default, default-jdk25, deployed, 1cpu, 1cpu-s3-apart, 1cpu-build-jdk)" >&2; exit 1 ;;
    esac
    echo "== $photo, $variant"
    RUN_OUT=$(mktemp)
    env "${env[@]}" "${cmd[@]}" ${JAVA_FLAGS:-} -Djava.awt.headless=true -cp "$CP" $MAIN run "$variant" "$PHOTO_DIR" "$photo" \
        "$ROUNDS" "$WARMUP" "$PYTHON" "$ROOT/benchmarks/job/pillow_job.py" 2>&1 | grep --line-buffered -v '^Picked up' | tee "$RUN_OUT"
    cat "$RUN_OUT" >> "$LOG"
    line=$(grep '^RESULT' "$RUN_OUT" || true)
    rm -f "$RUN_OUT"
    [ -n "$line" ] || { echo "the $variant run on $photo failed; see $LOG" >&2; exit 1; }
    RESULTS+=("$line")
  done
done

echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $ROUNDS rounds after $WARMUP warm-ups, medians"
echo
echo "| photo | variant | JVM | CPUs | pixelstep ms | Pillow ms | ratio (min-max) | JIT ms a round |"
echo "|---|---|---|---:|---:|---:|---|---:|"
for line in "${RESULTS[@]}"; do
  IFS=$'\t' read -r _ variant photo ours pil ratio lo hi cpus java jit <<<"$line"
  echo "| $photo | $variant | $java | $cpus | $ours | $pil | **$ratio** ($lo-$hi) | $jit |"
done
