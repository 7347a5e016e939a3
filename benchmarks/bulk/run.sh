#!/usr/bin/env bash
# Bulk reprocess, measured (issue 18): generated small images and real photos reprocessed by
# `pixelstep reprocess` with --concurrency 2 and 8, each configuration on a fresh `serve`.
# Prints throughput (objects/s), the peak RSS of serve (VmHWM) and checks that every object has
# exactly one SUCCEEDED manifest with the chain and that the summary counts match.
#
#   ./mvnw -B -q install -DskipTests      # builds local/target/pixelstep.jar
#   benchmarks/bulk/run.sh [SMALL=2000] [PHOTOS=200] [CONCURRENCIES="2 8"]
#
# Photos: the JPEG/PNG wallpapers of Debian's mate-backgrounds and plasma-workspace-wallpapers,
# fetched once with `apt-get download` (no root needed) into ~/.cache/pixelstep/bulk-photos.
set -euo pipefail
cd "$(dirname "$0")/../.."
SMALL=${1:-2000}
PHOTOS=${2:-200}
CONCURRENCIES=${3:-"2 8"}
JAR=local/target/pixelstep.jar
CP="$JAR:local/target/lib/*"
CACHE=~/.cache/pixelstep/bulk-photos
PORT=${PIXELSTEP_BENCH_PORT:-19400}
BUCKET=bench
CHAIN_SMALL="grayscale"
CHAIN_PHOTOS="grayscale"

[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q install -DskipTests" >&2; exit 2; }
if [ ! -d "$CACHE/extracted" ]; then
    mkdir -p "$CACHE/extracted"
    (cd "$CACHE" && apt-get download mate-backgrounds plasma-workspace-wallpapers)
    for deb in "$CACHE"/*.deb; do dpkg-deb -x "$deb" "$CACHE/extracted"; done
fi
PHOTO_DIR="$CACHE/extracted/usr/share"
echo "photos: $(find "$PHOTO_DIR" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) | wc -l) distinct files"

run_one() { # prefix count chain concurrency
    local prefix=$1 count=$2 chain=$3 conc=$4
    local data; data=$(mktemp -d /tmp/pixelstep-bulk-bench.XXXXXX)
    java -jar "$JAR" serve --data "$data" --port "$PORT" --no-web --concurrency 2 > "$data/serve.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 240); do [ -s "$data/runtime.json" ] && break; sleep 0.5; done
    java -cp "$CP" benchmarks/bulk/BulkBench.java upload "http://127.0.0.1:$PORT" "$data" "$BUCKET" \
        "$([ "$prefix" = small/ ] && echo "$count" || echo 0)" "$PHOTO_DIR" "$([ "$prefix" = photos/ ] && echo "$count" || echo 0)"
    local name="bench-${prefix%/}-c$conc"
    local start end
    start=$(date +%s.%N)
    java -jar "$JAR" reprocess --data "$data" --bucket "$BUCKET" --prefix "$prefix" --ops "$chain" \
        --concurrency "$conc" --name "$name" > "$data/reprocess.log" 2>&1 || true
    end=$(date +%s.%N)
    local hwm; hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    java -cp "$CP" benchmarks/bulk/BulkBench.java verify "http://127.0.0.1:$PORT" "$data" pixelstep-output "$prefix" "$name" "$count" "$chain" \
        > "$data/verify.log" 2>&1 && verdict=$(cat "$data/verify.log") || verdict="FAILED CHECK: $(cat "$data/verify.log")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    local secs; secs=$(echo "$end - $start" | bc)
    printf '| %s | %d | %d | %.1f s | %.1f | %d MB | %s |\n' "$prefix" "$count" "$conc" "$secs" \
        "$(echo "$count / $secs" | bc -l)" $((hwm / 1024)) "$(tail -1 "$data/reprocess.log" | cut -c1-60); $verdict"
    rm -rf "$data"
}

echo "| objects | count | --concurrency | wall time | objects/s | peak RSS of serve | summary; check |"
echo "|---|---:|---:|---:|---:|---:|---|"
for conc in $CONCURRENCIES; do run_one small/ "$SMALL" "$CHAIN_SMALL" "$conc"; done
for conc in $CONCURRENCIES; do run_one photos/ "$PHOTOS" "$CHAIN_PHOTOS" "$conc"; done
