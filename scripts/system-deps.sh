#!/usr/bin/env bash
# Debian/Ubuntu libraries that PySide6 needs for a window (xcb) and for headless tests
# (offscreen still loads EGL/GL), Xvfb for screenshots, poppler for looking at PDFs, faketime
# for the tests that run the CLI with a wrong clock.
# Installs only what is missing, quietly; skips where apt-get is not available or we are not
# root. Never fails the caller: a missing library shows up later as a clear Qt error.
set -u
PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-xinerama0 libxcb-randr0 \
libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-xkb1 libpulse0 xvfb poppler-utils \
faketime"
LOCK_WAIT_SECONDS=120  # apt's lock: an unattended upgrade often holds it for a minute
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != "0" ]; then
    echo "Missing system packages:$missing (install them with: sudo apt-get install$missing)" >&2
    exit 0
fi
echo "Installing the system libraries Qt needs:$missing"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
apt_quiet() {
    DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout="$LOCK_WAIT_SECONDS" "$@" >"$log" 2>&1
}
busy() { grep -qiE "could not get lock|unable to acquire|is another process using it" "$log"; }
if ! apt_quiet update && busy; then
    echo "The package manager is busy (another apt or an automatic update is running)." >&2
    echo "Wait for it to finish and run this again, or install by hand: apt-get install$missing" >&2
    exit 0
fi
if ! apt_quiet install -y --no-install-recommends $missing; then
    if busy; then
        echo "The package manager is busy (another apt or an automatic update is running)." >&2
        echo "Wait for it to finish and run this again, or install by hand: apt-get install$missing" >&2
    else
        echo "Could not install:$missing. apt said:" >&2
        tail -n 3 "$log" >&2
    fi
fi
exit 0
