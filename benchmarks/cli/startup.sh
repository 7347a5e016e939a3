#!/usr/bin/env sh
# One-shot start-up of the pixelstep command: `operations` and `run` of a small JPEG with no `serve`
# running, before and after the start-up measures, alternating in one invocation.
#   before: every start copies the bundled zips and lays the function out again, no class-data sharing
#           (what the launcher did until issue 13's CLI item)
#   after:  the launcher as it is (unchanged zips and layouts reused, one CDS archive per command)
# Usage: benchmarks/cli/startup.sh [ROUNDS]   (default 5; prints wall and user CPU seconds, medians)
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${1:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$ROOT/local/target/pixelstep.jar" ] || "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" install -DskipTests
cat > "$WORK/Photo.java" <<'JAVA'
import java.awt.image.BufferedImage;
public class Photo {
    public static void main(String[] a) throws Exception {
        BufferedImage i = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) for (int x = 0; x < 640; x++) i.setRGB(x, y, (x * 3 << 16) ^ (y * 5 << 8) ^ (x * y & 0xff));
        javax.imageio.ImageIO.write(i, "jpg", new java.io.File(a[0]));
    }
}
JAVA
java "$WORK/Photo.java" "$WORK/photo.jpg"
measure() { # label, then the command; appends "label wall user" to $WORK/times
  label=$1; shift
  /usr/bin/time -f "$label %e %U" -a -o "$WORK/times" "$@" > /dev/null 2>&1
}
forget() { # what made the old launcher copy the zips and lay the functions out on every start
  rm -f "$WORK"/data/artifacts/*.origin "$WORK"/data/*/layout.inputs
}
echo "warming up (first start writes the CDS archives) ..." >&2
"$ROOT/pixelstep" operations --data "$WORK/data" > /dev/null
"$ROOT/pixelstep" run "$WORK/photo.jpg" --ops grayscale --data "$WORK/data" --out "$WORK/out" > /dev/null
i=0
while [ "$i" -lt "$ROUNDS" ]; do
  forget
  measure "operations-before" env PIXELSTEP_CDS=0 "$ROOT/pixelstep" operations --data "$WORK/data"
  measure "operations-after" "$ROOT/pixelstep" operations --data "$WORK/data"
  forget
  measure "run-before" env PIXELSTEP_CDS=0 "$ROOT/pixelstep" run "$WORK/photo.jpg" --ops grayscale --data "$WORK/data" --out "$WORK/out"
  measure "run-after" "$ROOT/pixelstep" run "$WORK/photo.jpg" --ops grayscale --data "$WORK/data" --out "$WORK/out"
  i=$((i + 1))
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"
python3 - "$WORK/times" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, wall, user = line.split()
    rows[label].append((float(wall), float(user)))
print(f"{'command':<20}{'wall s (median)':>16}{'user CPU s':>12}   runs")
for label in ("operations-before", "operations-after", "run-before", "run-after"):
    r = rows[label]
    print(f"{label:<20}{statistics.median(w for w, _ in r):>16.2f}{statistics.median(u for _, u in r):>12.2f}   {len(r)}")
PY
