#!/usr/bin/env bash
# Installs Debian's PostgreSQL server when its binaries are missing (the test suite runs a
# throwaway cluster from them). Needs root for apt-get; prints the bin directory on success.
set -euo pipefail
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server not found; installing Debian's postgresql package…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi
echo "$bin"
