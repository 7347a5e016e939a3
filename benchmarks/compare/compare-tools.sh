#!/usr/bin/env bash
# Side by side, in one run on one machine: pixelstep (JMH) against Pillow, ImageMagick and libvips
# for grayscale and a Gaussian blur of sigma 3 on the same 12 MP (4000x3000) photo.
#
#   ./mvnw -B -q -pl benchmarks -am package -DskipTests      # builds benchmarks/target/benchmarks.jar
#   benchmarks/compare/compare-tools.sh
#
# Needs Debian's python3-pil, imagemagick and libvips-tools (it says so when one is missing).
# Command-line tools are timed per process, minus the same tool's own copy of the image (read +
# write of an uncompressed format), so decoding and encoding are not counted; Pillow is timed in
# process. Medians of 7. The numbers are wall-clock milliseconds on whatever else the machine is doing:
# compare the columns of one run, not runs with each other.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=/usr/bin/python3
IM=/usr/bin/convert-im6.q16
VIPS=/usr/bin/vips
JAR="$ROOT/benchmarks/target/benchmarks.jar"
for need in "$PY -c 'import PIL'" "test -x $IM" "test -x $VIPS" "test -f $JAR"; do
  if ! eval "$need" 2>/dev/null; then
    echo "missing: $need" >&2
    echo "install: apt-get install -y python3-pil imagemagick libvips-tools; build: ./mvnw -B -q -pl benchmarks -am package -DskipTests" >&2
    exit 1
  fi
done
PHOTO="${PIXELSTEP_PHOTO:-$HOME/.cache/pixelstep/test-photos/Aqua.jpg}"
[ -f "$PHOTO" ] || "$ROOT/testkit/fetch-test-photos.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
THREADS=$(nproc)
export VIPS_CONCURRENCY=$THREADS OMP_NUM_THREADS=$THREADS

$PY - "$PHOTO" "$WORK/photo.ppm" <<'PYEOF'
import sys
from PIL import Image
Image.open(sys.argv[1]).convert("RGB").resize((4000, 3000), Image.BICUBIC).save(sys.argv[2])
PYEOF
$VIPS copy "$WORK/photo.ppm" "$WORK/photo.v"
$IM "$WORK/photo.ppm" "$WORK/photo.mpc"

median_ms() {  # median wall time in ms of 7 runs of "$@"
  local times=()
  for _ in 1 2 3 4 5 6 7; do
    local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1; local t1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p
}

vips_copy=$(median_ms $VIPS copy "$WORK/photo.v" "$WORK/out.v")
vips_gray=$(( $(median_ms $VIPS colourspace "$WORK/photo.v" "$WORK/out.v" b-w) - vips_copy ))
vips_blur=$(( $(median_ms $VIPS gaussblur "$WORK/photo.v" "$WORK/out.v" 3) - vips_copy ))
im_copy=$(median_ms $IM "$WORK/photo.mpc" "$WORK/out.mpc")
im_gray=$(( $(median_ms $IM "$WORK/photo.mpc" -colorspace Gray "$WORK/out.mpc") - im_copy ))
im_blur=$(( $(median_ms $IM "$WORK/photo.mpc" -blur 0x3 "$WORK/out.mpc") - im_copy ))
read -r pil_gray pil_blur < <($PY - "$WORK/photo.ppm" <<'PYEOF'
import sys, time, statistics
from PIL import Image, ImageFilter
im = Image.open(sys.argv[1]); im.load()
def median_ms(f):
    ts = []
    for _ in range(7):
        t0 = time.perf_counter(); f(); ts.append((time.perf_counter() - t0) * 1000)
    return statistics.median(ts)
print(round(median_ms(lambda: im.convert("L"))), round(median_ms(lambda: im.filter(ImageFilter.GaussianBlur(3)))))
PYEOF
)
jmh=$(java -jar "$JAR" -f 1 -wi 3 -i 5 -w 1s -r 1s -p chain=grayscale,blur 'OperationBenchmark|ReferenceBenchmark.copyPixels' 2>/dev/null \
      | grep -E '^(OperationBenchmark|ReferenceBenchmark)' )
ours_gray=$(echo "$jmh" | awk '/OperationBenchmark.apply +grayscale/ {printf "%.0f", $(NF-3)}')
ours_blur=$(echo "$jmh" | awk '/OperationBenchmark.apply +blur/ {printf "%.0f", $(NF-3)}')
floor=$(echo "$jmh" | awk '/ReferenceBenchmark.copyPixels/ {printf "%.1f", $(NF-3)}')

echo "12 MP (4000x3000) photo, $THREADS threads allowed, $(date -u +%Y-%m-%dT%H:%MZ), medians in ms"
printf '%-28s %10s %12s\n' "tool" "grayscale" "blur sigma 3"
printf '%-28s %10s %12s\n' "pixelstep (JMH)" "$ours_gray" "$ours_blur"
printf '%-28s %10s %12s\n' "Pillow $($PY -c 'import PIL; print(PIL.__version__)')" "$pil_gray" "$pil_blur"
printf '%-28s %10s %12s\n' "ImageMagick $($IM -version | awk 'NR==1 {print $3}')" "$im_gray" "$im_blur"
printf '%-28s %10s %12s\n' "libvips $($VIPS --version | awk '{print $1}' | sed 's/vips-//')" "$vips_gray" "$vips_blur"
printf '%-28s %10s\n' "int[] copy floor (JMH)" "$floor"
