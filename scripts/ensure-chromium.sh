#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (test/e2e), with a font
# that has Chinese characters (else the pages' screenshots show empty boxes), installing the
# distribution packages when missing. Idempotent; never downloads a browser build of its own.
# Prints the path of the browser.
set -euo pipefail
log() { echo "[ensure-chromium] $*" >&2; }

browser="${CHROMIUM_BIN:-/usr/bin/chromium}"
packages=()
[ -x "$browser" ] || packages+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then packages+=(fonts-wqy-microhei); fi
if [ "${#packages[@]}" -eq 0 ]; then echo "$browser"; exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "missing ${packages[*]} and no apt-get: install Chromium and a CJK font, or set CHROMIUM_BIN"
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else log "installing ${packages[*]} needs root"; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
log "installing Debian's ${packages[*]}"
# A fresh machine may have no package lists yet: on failure update them once and try again.
if ! $sudo apt-get install -y --no-install-recommends "${packages[@]}" >&2; then
  $sudo apt-get update >&2
  $sudo apt-get install -y --no-install-recommends "${packages[@]}" >&2
fi
[ -x "$browser" ] || { log "chromium installed but $browser is missing"; exit 1; }
echo "$browser"
