#!/usr/bin/env bash
# Rebuilds the page's stylesheet (src/main/resources/dev/pixelstep/local/web/app.css) with the
# Tailwind CSS CLI from the npm registry, and copies axe-core's axe.min.js to the browser test's
# resources (src/test/resources/dev/pixelstep/local/web/). Both files are committed, so neither the
# build, the tests nor the page need Node.js or the network; run this after changing class names in
# index.html or app.js, or the pinned axe-core version. Both tools are pinned to one version in
# package.json; no lock file is kept.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --no-package-lock
npm run build
mkdir -p ../src/test/resources/dev/pixelstep/local/web
npm run axe
