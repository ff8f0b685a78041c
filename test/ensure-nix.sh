#!/bin/sh
# The tests judge generated Nix with the real nix-instantiate (Debian's nix-bin, Nix 2.8).
# Install it when this machine lacks it; do nothing otherwise.
set -eu
if command -v nix-instantiate >/dev/null 2>&1; then
  exit 0
fi
echo "nix-instantiate not found: installing Debian's nix-bin" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "error: need root (or sudo) to run: apt-get install -y nix-bin" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends nix-bin >/dev/null
command -v nix-instantiate >/dev/null
nix-instantiate --version >&2
