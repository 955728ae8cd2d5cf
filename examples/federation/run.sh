#!/usr/bin/env bash
# Federation example: build the two member feeds (the ACS counties example and the Baltimore
# example), then harvest and compare them with `civic-equity compare`.
# Usage: examples/federation/run.sh [output dir]   (default: examples/federation/target/comparison)
# The member feeds are always built in examples/federation/target/members, where federation.json
# points. Exit code: that of `civic-equity compare` (0 = every member harvested).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$here/target/comparison}"
mkdir -p "$here/target/members"
"$root/examples/acs-counties/run.sh" "$here/target/members/acs-counties"
"$root/examples/baltimore/run.sh" "$here/target/members/baltimore"
"$root/civic-equity" compare "$here/federation.json" --out "$out" --parquet
echo "federation: comparison in $out (open $out/index.html; comparison.csv, summary.csv," \
  "not-compared.csv, members.csv; SQL: duckdb $out/federation.duckdb)"
