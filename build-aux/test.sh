#!/usr/bin/env bash
# Builds Piramide and runs the whole test suite twice: first in a build under
# AddressSanitizer and UBSan (build-asan/), then in the normal build (build/),
# whose summary ends the output. Both passes always run; the command fails
# if either did. --quick skips the sanitizer run.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize=1
[ "${1:-}" = "--quick" ] && sanitize=0

bash build-aux/deps.sh

run_suite () {
  local dir=$1; shift
  [ -d "$dir" ] || meson setup "$dir" "$@"
  ninja -C "$dir"
  # The GUI tests start their own virtual display and session bus when
  # there is none (tests/run-ui.sh); the other suites need neither.
  meson test -C "$dir" --print-errorlogs
}

status=0
if [ $sanitize -eq 1 ]; then
  echo "== Tests under AddressSanitizer and UBSan (build-asan/)"
  (
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    # Slow unwinding: GLib has no frame pointers, and suppressions need whole stacks.
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0
    export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0
    run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false
  ) || { status=1; echo "== The sanitizer pass failed; the normal pass runs all the same." >&2; }
fi
echo "== Tests (build/)"
run_suite build || status=1
exit $status
