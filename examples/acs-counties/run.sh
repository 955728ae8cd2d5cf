#!/usr/bin/env bash
# ACS counties example: the real ACS 2019 1-year county extract (race iterations, MOEs) -> a feed of
# counties with indicators derived with the Census MOE formulas, and its dashboard.
# Usage: examples/acs-counties/run.sh [output dir]   (default: examples/acs-counties/target)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$here/target}"
mkdir -p "$out"
"$root/civic-equity" convert "$root/examples/data/real/acs1-2019-county-race-moe.csv" \
  --mapping "$here/mapping.json" --out "$out/source" > "$out/convert-report.txt"
"$root/civic-equity" publish "$out/source" --out "$out/feed" --issued 2024-05-01
"$root/civic-equity" validate "$out/feed" > "$out/validate-report.txt"
echo "acs-counties: feed in $out/feed (open $out/feed/index.html); reports in $out/*.txt"
