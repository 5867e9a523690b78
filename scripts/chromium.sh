#!/usr/bin/env bash
# Installs what the browser tests and the screenshots drive: Debian's Chromium at /usr/bin/chromium (Playwright never
# downloads a browser here) and a CJK font, so that Chinese pages render as text, not boxes. Does nothing when both are there.
# Any failure ends with one line "scripts/chromium.sh: ..." on stderr and exit status 1.
set -euo pipefail

die() { echo "scripts/chromium.sh: $*" >&2; exit 1; }

have_font() { fc-list :lang=zh 2>/dev/null | grep -q .; }

[ -x /usr/bin/chromium ] && have_font && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
command -v apt-get >/dev/null && { [ -z "$sudo" ] || command -v sudo >/dev/null; } \
  || die "Chromium is not at /usr/bin/chromium and cannot be installed here without apt-get${sudo:+ and sudo}; install Debian's chromium and fonts-noto-cjk."
echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests" >&2
{ $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk; } >&2 \
  || die "installing chromium with apt-get failed (see above)."
[ -x /usr/bin/chromium ] || die "apt-get installed chromium but /usr/bin/chromium is missing."
