#!/usr/bin/env bash
# Gaussian blur per core, side by side in one run: pixelstep's blur at sigma 2 and 100 against
# libvips' gaussblur at sigma 2, single-threaded, on the same 12 MP (4000x3000) photo (issue 13's
# blur targets: sigma 100 within 2x of sigma 2; sigma 2 within 1.5x of libvips).
#
#   ./mvnw -B -q -pl benchmarks -am install -DskipTests      # builds benchmarks/target/benchmarks.jar
#   benchmarks/compare/blur-vs-vips.sh [JAVA]               # JAVA defaults to 'java' on PATH
#   PIXELSTEP_JAR=/tmp/old.jar benchmarks/compare/blur-vs-vips.sh [JAVA]   # another build's jar (old against new)
#
# Both sides are measured in CPU time, not wall time, so that other processes on the machine barely
# move the figures: pixelstep with KernelCpuTimes (-XX:ActiveProcessorCount=1: the CPU time of every
# Java thread, the caller and the common pool's worker that share the bands; until 2026-11-27 the
# caller's alone, about half; medians of 15 after 15 warm-ups), libvips as user + system time of
# 'vips gaussblur' with VIPS_CONCURRENCY=1 minus the same of 'vips copy' (loading and saving the
# uncompressed .v file), the median of 9 such differences, each of a copy and a blur run one after
# the other, from the children's rusage in microseconds (until 2026-11-27 medians of 7 of each from
# /usr/bin/time, whose 10 ms steps moved the ratio by about 10%). Needs Debian's libvips-tools and python3-pil.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=${1:-java}
JAR="${PIXELSTEP_JAR:-$ROOT/benchmarks/target/benchmarks.jar}"
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

export VIPS_CONCURRENCY=1
# 9 pairs of 'vips copy' and 'vips gaussblur 2' run one after the other, user + system CPU time of each
# from the children's rusage (microseconds; /usr/bin/time rounds to 10 ms): the medians of both and
# the median of the pairs' differences, which a change of the machine's load moves least
read -r copy blur vips_ms < <(/usr/bin/python3 - "$WORK/photo.v" "$WORK/out.v" <<'PYEOF'
import resource, statistics, subprocess, sys
def cpu_ms(*command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
pairs = [(cpu_ms("vips", "copy", sys.argv[1], sys.argv[2]), cpu_ms("vips", "gaussblur", sys.argv[1], sys.argv[2], "2"))
         for _ in range(9)]
print("%.1f %.1f %.1f" % (statistics.median(c for c, _ in pairs), statistics.median(b for _, b in pairs),
                          statistics.median(b - c for c, b in pairs)))
PYEOF
)
ours=$("$JAVA" -XX:ActiveProcessorCount=1 -Djava.awt.headless=true -cp "$JAR" dev.pixelstep.benchmarks.KernelCpuTimes 15 \
        "blur(radius=2)" "blur(radius=100)")
echo "$ours"
s2=$(echo "$ours" | awk '/^blur\(radius=2\)/ {print $2}')
s100=$(echo "$ours" | awk '/^blur\(radius=100\)/ {print $2}')
echo "libvips $(vips --version | sed 's/vips-//') gaussblur 2, 1 thread     ${vips_ms} ms CPU (median of gaussblur - copy; medians ${blur} and ${copy})"
awk -v a="$s2" -v b="$s100" -v v="$vips_ms" 'BEGIN {
  printf "sigma 100 / sigma 2 (pixelstep): %.2fx (target <= 2)\n", b / a
  printf "pixelstep sigma 2 / libvips sigma 2: %.2fx (target <= 1.5)\n", a / v }'
