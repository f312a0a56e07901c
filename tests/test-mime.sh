#!/bin/sh
# The scenario file's type, as a file manager or the file chooser sees it
# once Piramide is installed: by its extension, by its content when it has
# none, never for other JSON; named in Dutch. TAP output.
#   $1: the merged shared-mime-info file, $2: a scenario file
set -u
mime=$1
scenario=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
check () {
  n=$((n + 1))
  if [ "$2" = "$3" ]; then echo "ok $n - $1"; else fail=1; echo "not ok $n - $1: '$2', expected '$3'"; fi
}
type_of () {
  XDG_DATA_HOME="$tmp/data" XDG_DATA_DIRS="$tmp/none" gio info -a standard::content-type "$1" 2>/dev/null |
    sed -n 's/^ *standard::content-type: //p'
}

echo "1..4"
mkdir -p "$tmp/data/mime/packages" "$tmp/none"
cp "$mime" "$tmp/data/mime/packages/"
update-mime-database "$tmp/data/mime" >/dev/null 2>&1

cp "$scenario" "$tmp/westland.piramide"
check "by its extension" "$(type_of "$tmp/westland.piramide")" application/x-piramide-scenario
cp "$scenario" "$tmp/bijlage"
check "by its content" "$(type_of "$tmp/bijlage")" application/x-piramide-scenario
printf '{"format": "iets anders", "lines": []}\n' > "$tmp/other"
other=$(type_of "$tmp/other")
check "other JSON is not a scenario" "$other" "${other%x-piramide-scenario}"
check "named in Dutch" \
  "$(sed -n 's|.*<comment xml:lang="nl">\(.*\)</comment>.*|\1|p' "$tmp/data/mime/packages/$(basename "$mime")")" \
  "Piramide-scenario"
exit $fail
