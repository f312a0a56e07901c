#!/bin/sh
# Runs a GUI test with a session bus, and a virtual display when there is
# none (the CI machine has no display and no terminal).
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- "$@"
fi
exec dbus-run-session -- "$@"
