#!/bin/sh
# The topology picture (`nixjs graph`) is tested in a real headless browser: Debian's chromium,
# driven by playwright-core (which downloads no browser of its own). Install chromium when this
# machine lacks it; do nothing otherwise.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "/usr/bin/chromium not found: installing Debian's chromium" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "error: need root (or sudo) to run: apt-get install -y chromium" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
test -x /usr/bin/chromium
dpkg-query -W chromium >&2
