#!/usr/bin/env bash
# Installs Debian's chromium when /usr/bin/chromium is missing (the end-to-end tests drive it through
# playwright-core). Needs root for apt-get; prints the executable's path on success.
set -euo pipefail
bin=/usr/bin/chromium
if [ ! -x "$bin" ]; then
  echo "chromium not found; installing Debian's chromium package…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium >&2
fi
echo "$bin"
