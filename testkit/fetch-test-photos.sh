#!/usr/bin/env bash
# Fetches the test photos (the JPEG wallpapers of Debian's mate-backgrounds package) into the
# cache the tests and benchmarks read: ${PIXELSTEP_PHOTOS_DIR:-$HOME/.cache/pixelstep/test-photos}
# (the JVM reads the same directory from -Dpixelstep.photos.dir). No root needed; on a machine
# without package lists run 'sudo apt-get update' first. Photos are never committed.
set -euo pipefail

dir="${PIXELSTEP_PHOTOS_DIR:-$HOME/.cache/pixelstep/test-photos}"
mkdir -p "$dir"
if [ -f "$dir/.complete" ]; then
  echo "test photos already in $dir"
  exit 0
fi
for tool in apt-get dpkg-deb flock; do
  command -v "$tool" >/dev/null || { echo "error: '$tool' is missing; this script needs Debian/Ubuntu's apt, dpkg and util-linux" >&2; exit 1; }
done

exec 9>"$dir/.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  echo "test photos already in $dir"
  exit 0
fi
work="$(mktemp -d "$dir/fetch-XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download mate-backgrounds) || {
  echo "error: 'apt-get download mate-backgrounds' failed; run 'sudo apt-get update' and try again" >&2; exit 1; }
dpkg-deb -x "$work"/mate-backgrounds_*.deb "$work/extracted"
find "$work/extracted/usr/share/backgrounds/mate" -type f \( -iname '*.jpg' -o -iname '*.jpeg' \) -exec cp {} "$dir"/ \;
echo mate-backgrounds > "$dir/.complete"
echo "test photos in $dir:"
ls "$dir"
