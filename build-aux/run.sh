#!/usr/bin/env bash
# Builds Piramide and starts it on the bundled Westland scenario (or on the
# scenario opened last; arguments go to the program). The program finds the
# build tree's translations and settings schema itself: no environment needed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/deps.sh
[ -d build ] || meson setup build
ninja -C build
# Outside a desktop session (a bare X server, a container) there is no
# session bus: give the program one, or GTK and the settings cannot use it.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- ./build/app/piramide "$@"
fi
exec ./build/app/piramide "$@"
