#!/usr/bin/env bash
# Builds Piramide and starts it on the bundled Westland scenario.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/deps.sh
[ -d build ] || meson setup build
ninja -C build
exec ./build/app/piramide "$@"
