#!/usr/bin/env bash
# Gaussian blur per core, side by side in one run: pixelstep's blur at sigma 2 and 100 against
# libvips' gaussblur at sigma 2, single-threaded, on the same 12 MP (4000x3000) photo (issue 13's
# blur targets: sigma 100 within 2x of sigma 2; sigma 2 within 1.5x of libvips).
#
#   ./mvnw -B -q -pl benchmarks -am install -DskipTests      # builds benchmarks/target/benchmarks.jar
#   benchmarks/compare/blur-vs-vips.sh [JAVA]               # JAVA defaults to 'java' on PATH
#
# Both sides are measured in CPU time, not wall time, so that other processes on the machine barely
# move the figures: pixelstep with KernelCpuTimes (-XX:ActiveProcessorCount=1: the CPU time of every
# Java thread, the caller and the common pool's worker that share the bands; until 2026-11-27 the
# caller's alone, about half; medians of 15 after 15 warm-ups), libvips as user + system time of
# 'vips gaussblur' with VIPS_CONCURRENCY=1 minus the same of 'vips copy' (loading and saving the
# uncompressed .v file), medians of 7. Needs Debian's libvips-tools and python3-pil.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=${1:-java}
JAR="$ROOT/benchmarks/target/benchmarks.jar"
for need in "test -x /usr/bin/vips" "/usr/bin/python3 -c 'import PIL'" "test -f $JAR"; do
  if ! eval "$need" 2>/dev/null; then
    echo "missing: $need (apt-get install -y libvips-tools python3-pil; ./mvnw -B -q -pl benchmarks -am install -DskipTests)" >&2
    exit 1
  fi
done
PHOTO="${PIXELSTEP_PHOTO:-$HOME/.cache/pixelstep/test-photos/Aqua.jpg}"
[ -f "$PHOTO" ] || "$ROOT/testkit/fetch-test-photos.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
/usr/bin/python3 - "$PHOTO" "$WORK/photo.ppm" <<'PYEOF'
import sys
from PIL import Image
Image.open(sys.argv[1]).convert("RGB").resize((4000, 3000), Image.BILINEAR).save(sys.argv[2])
PYEOF
vips copy "$WORK/photo.ppm" "$WORK/photo.v"

cpu_ms() {  # median user+system CPU ms of 7 runs of "$@"
  local times=()
  for _ in 1 2 3 4 5 6 7; do
    /usr/bin/time -o "$WORK/time" -f '%U %S' "$@" >/dev/null 2>&1
    times+=($(awk '{printf "%d", ($1 + $2) * 1000}' "$WORK/time"))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p
}
export VIPS_CONCURRENCY=1
copy=$(cpu_ms vips copy "$WORK/photo.v" "$WORK/out.v")
blur=$(cpu_ms vips gaussblur "$WORK/photo.v" "$WORK/out.v" 2)
vips_ms=$((blur - copy))
ours=$("$JAVA" -XX:ActiveProcessorCount=1 -Djava.awt.headless=true -cp "$JAR" dev.pixelstep.benchmarks.KernelCpuTimes 15 \
        "blur(radius=2)" "blur(radius=100)")
echo "$ours"
s2=$(echo "$ours" | awk '/^blur\(radius=2\)/ {print $2}')
s100=$(echo "$ours" | awk '/^blur\(radius=100\)/ {print $2}')
echo "libvips $(vips --version | sed 's/vips-//') gaussblur 2, 1 thread     ${vips_ms} ms CPU (gaussblur ${blur} - copy ${copy})"
awk -v a="$s2" -v b="$s100" -v v="$vips_ms" 'BEGIN {
  printf "sigma 100 / sigma 2 (pixelstep): %.2fx (target <= 2)\n", b / a
  printf "pixelstep sigma 2 / libvips sigma 2: %.2fx (target <= 1.5)\n", a / v }'
