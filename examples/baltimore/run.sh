#!/usr/bin/env bash
# Baltimore example: three real BNIA-JFI Vital Signs files -> one published feed with its dashboard.
# Usage: examples/baltimore/run.sh [output dir]   (default: examples/baltimore/target)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$root/examples/data/real"
out="${1:-$here/target}"
mkdir -p "$out"
"$root/civic-equity" convert \
  "$data/bnia-vs-violent-crime.csv" \
  "$data/bnia-vs-liquor-outlets.csv" \
  "$data/bnia-vs-derived-csa-heat-demographics.csv" \
  --mapping "$here/mapping.json" --out "$out/source" > "$out/convert-report.txt"
"$root/civic-equity" publish "$out/source" --out "$out/feed" --issued 2024-05-01
"$root/civic-equity" validate "$out/feed" > "$out/validate-report.txt"
echo "baltimore: feed in $out/feed (open $out/feed/index.html); reports in $out/*.txt"
