#!/usr/bin/env bash
# Installs the Debian 12 packages Piramide needs to build, run and test,
# but only those that are missing (so it is fast and quiet the second time).
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config gettext fonts-cantarell fonts-dejavu-core librsvg2-common
  libglib2.0-dev libjson-glib-dev libsqlite3-dev
  # workbooks: libxlsxwriter writes them; minizip (which libxlsxwriter links
  # already) unpacks the ones imported
  libxlsxwriter-dev libminizip-dev
  libgtk-4-dev libadwaita-1-dev libcairo2-dev libpango1.0-dev
  # tests: display, session bus, exports, desktop files, locales
  xvfb xauth dbus at-spi2-core poppler-utils libxml2-utils
  desktop-file-utils appstream-util shared-mime-info libglib2.0-bin locales
  # workbooks: ssconvert reads them back (and recalculates their formulas)
  gnumeric
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "Run as root (or with sudo) to install them." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Dutch locale, for the Dutch interface and its tests.
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  if [ "$(id -u)" -eq 0 ] && [ -f /etc/locale.gen ]; then
    sed -i 's/^# *\(nl_NL.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^nl_NL.UTF-8 UTF-8' /etc/locale.gen || echo 'nl_NL.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null
  fi
fi
