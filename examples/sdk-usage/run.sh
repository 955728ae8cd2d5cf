#!/usr/bin/env bash
# Builds and runs the SDK usage example against the artifacts installed in the local Maven
# repository, as a user's project would use them. Run "mvn -B install -DskipTests" at the root
# of the repository first. Extra arguments go to Maven (e.g. -o for offline).
#
#   examples/sdk-usage/run.sh                      validates examples/feeds/minimal (exit 0)
#   FEED=path/to/feed examples/sdk-usage/run.sh    validates another feed
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
feed="${FEED:-$here/../feeds/minimal}"
cd "$here"
mvn -B -q "$@" package
mvn -B -q "$@" exec:java -Dexec.args="$feed"
