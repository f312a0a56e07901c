#!/usr/bin/env bash
# Builds Piramide and runs the whole test suite twice: first in a build under
# AddressSanitizer and UBSan (build-asan/), then in the normal build (build/),
# whose summary ends the output. --quick skips the sanitizer run.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize=1
[ "${1:-}" = "--quick" ] && sanitize=0

bash build-aux/deps.sh

run_suite () {
  local dir=$1; shift
  [ -d "$dir" ] || meson setup "$dir" "$@"
  ninja -C "$dir"
  # GUI tests need a display: give them a virtual one when there is none.
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1920x1080x24" meson test -C "$dir" --print-errorlogs
  else
    meson test -C "$dir" --print-errorlogs
  fi
}

if [ $sanitize -eq 1 ]; then
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  # Slow unwinding: GLib has no frame pointers, and suppressions need whole stacks.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0
  export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0
  run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false
  unset UBSAN_OPTIONS ASAN_OPTIONS LSAN_OPTIONS
fi
run_suite build
