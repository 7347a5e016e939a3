#!/usr/bin/env bash
# Rebuilds the page's stylesheet (src/main/resources/dev/pixelstep/local/web/app.css) with the
# Tailwind CSS CLI from the npm registry. The compiled file is committed, so neither the build nor
# the page needs Node.js or the network; run this after changing class names in index.html or app.js.
# tailwindcss is pinned to one version in package.json; no lock file is kept.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --no-package-lock
npm run build
