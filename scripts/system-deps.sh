#!/usr/bin/env bash
# Debian/Ubuntu libraries that PySide6 needs for a window (xcb) and for headless tests
# (offscreen still loads EGL/GL), Xvfb for screenshots, poppler for looking at PDFs.
# Installs only what is missing; skips quietly where apt-get is not available or we are not root.
set -u
PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-xinerama0 libxcb-randr0 \
libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-xkb1 libpulse0 xvfb poppler-utils"
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != "0" ]; then
    echo "Missing system packages:$missing (install them with sudo apt-get install)" >&2
    exit 0
fi
apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null \
    || echo "warning: could not install:$missing" >&2
