#!/bin/sh
# The README's run command as a new user meets it: the program built in the
# build tree starts with no environment of ours (no GSETTINGS_SCHEMA_DIR, no
# PIRAMIDE_LOCALEDIR), in Dutch when the locale is Dutch; without a display
# it says so instead of crashing; installed into a prefix it finds its own
# translations and schema. TAP output.
#   $1: the built piramide, $2: the same program built to quit once its
#   window has shown (tests/piramide-quit-when-shown.c), $3: the build root
set -u
exe=$1
shown=$2
build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" 2>/dev/null; }

# A clean environment: a fresh home, the user's locale, and a display when
# the test has one (run-ui.sh gives it a virtual one).
clean () {
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" \
    ADW_DISABLE_PORTAL=1 GTK_A11Y=none NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory \
    ${DISPLAY:+DISPLAY=$DISPLAY} ${XAUTHORITY:+XAUTHORITY=$XAUTHORITY} ${DBUS_SESSION_BUS_ADDRESS:+DBUS_SESSION_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS} \
    ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} ${UBSAN_OPTIONS:+UBSAN_OPTIONS=$UBSAN_OPTIONS} \
    ${LSAN_OPTIONS:+LSAN_OPTIONS=$LSAN_OPTIONS} "$@"
}
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"

echo "1..9"

# 1. The window opens on the bundled scenario, in Dutch, and paints.
if clean LANG=nl_NL.UTF-8 "$shown" >"$tmp/out" 2>"$tmp/err" &&
   grep -qx 'shown: Westland 2026 (illustratief) | Overzicht' "$tmp/out"; then
  ok "the window opens in Dutch with no environment set"
else
  not_ok "the window opens in Dutch with no environment set"
fi

# 2. In English when the locale is.
if clean LANG=C.UTF-8 "$shown" >"$tmp/out" 2>"$tmp/err" &&
   grep -qx 'shown: Westland 2026 (illustratief) | Overview' "$tmp/out"; then
  ok "the window opens in English in an English locale"
else
  not_ok "the window opens in English in an English locale"
fi

# 3. The headless table is Dutch: "Jaar" and "Tekort" head its columns.
if clean LANG=nl_NL.UTF-8 "$exe" project --default --format table >"$tmp/out" 2>"$tmp/err" &&
   grep -q '^Jaar ' "$tmp/out" && grep -q 'Tekort' "$tmp/out"; then
  ok "project --format table is Dutch in a Dutch locale"
else
  not_ok "project --format table is Dutch in a Dutch locale"
fi

# 4. No display: one clear line and exit status 1, no crash (a crash is 133/134).
env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} \
  "$exe" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status -eq 1 ] && grep -q '^piramide: there is no display' "$tmp/err"; then
  ok "without a display: a clear message and exit status 1"
else
  echo "# exit status $status"
  not_ok "without a display: a clear message and exit status 1"
fi

# 8. The commands that need no display do not load GTK, nor cairo: `piramide`
# is the command line alone and becomes piramide-window for a window or a
# chart (app/pmd-launcher.c).
if clean LANG=C.UTF-8 LD_DEBUG=libs "$exe" project --default --format json >"$tmp/out" 2>"$tmp/err" &&
   grep -q '"payback_year"' "$tmp/out" && ! grep -q 'find library=lib\(gtk\|adwaita\|cairo\|pango\)' "$tmp/err"; then
  ok "project loads neither GTK nor cairo"
else
  grep 'find library=lib\(gtk\|adwaita\|cairo\|pango\)' "$tmp/err" | head -3 > "$tmp/out"
  : > "$tmp/err"
  not_ok "project loads neither GTK nor cairo"
fi

# 5. A settings backend that does not exist: GLib falls back to memory; the
# window still opens.
if clean LANG=C.UTF-8 GSETTINGS_BACKEND=no-such-backend "$shown" \
     >"$tmp/out" 2>"$tmp/err" && grep -q '^shown: ' "$tmp/out"; then
  ok "an unknown settings backend does not stop the window"
else
  not_ok "an unknown settings backend does not stop the window"
fi

# 7. With the cairo renderer OpenGL is never loaded (GTK 4.8 loads it to
# choose a visual otherwise: 60 MB and a slower start for nothing).
if clean LANG=C.UTF-8 GSK_RENDERER=cairo LD_DEBUG=libs "$shown" >"$tmp/out" 2>"$tmp/err" &&
   grep -q '^shown: ' "$tmp/out" && ! grep -q 'find library=lib\(EGL\|GL\)' "$tmp/err"; then
  ok "with the cairo renderer OpenGL is not loaded"
else
  grep 'find library=lib\(EGL\|GL\)' "$tmp/err" | head -3 > "$tmp/out"
  : > "$tmp/err"
  not_ok "with the cairo renderer OpenGL is not loaded"
fi

# 6. Installed into a prefix (as a package would, with DESTDIR, its schema
# compiled as the package's trigger does) the program finds its own
# translations and schema beside itself.
if meson install -C "$build" --no-rebuild --destdir "$tmp/dest" >"$tmp/install.log" 2>&1; then
  installed=$(find "$tmp/dest" -path '*/bin/piramide' -type f | head -n 1)
  schemas=$(find "$tmp/dest" -type d -path '*/glib-2.0/schemas' | head -n 1)
  glib-compile-schemas "$schemas"
  # Beside the installed program, it finds the prefix as the program does.
  installed_shown="$(dirname "$installed")/piramide-quit-when-shown"
  cp "$shown" "$installed_shown"
  if [ -n "$installed" ] &&
     clean LANG=nl_NL.UTF-8 "$installed_shown" >"$tmp/out" 2>"$tmp/err" &&
     grep -qx 'shown: Westland 2026 (illustratief) | Overzicht' "$tmp/out"; then
    ok "installed into a prefix: the window opens in Dutch"
  else
    not_ok "installed into a prefix: the window opens in Dutch"
  fi
  # 9. The installed piramide finds the installed window program: without a
  # display that one answers.
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} \
    "$installed" >"$tmp/out" 2>"$tmp/err"
  if [ $? -eq 1 ] && grep -q '^piramide: there is no display' "$tmp/err"; then
    ok "installed: piramide starts the installed window program"
  else
    not_ok "installed: piramide starts the installed window program"
  fi
else
  cp "$tmp/install.log" "$tmp/out"
  not_ok "installed into a prefix: the window opens in Dutch"
  not_ok "installed: piramide starts the installed window program"
fi
exit $fail
