#!/bin/sh
# The Dutch translation is complete: every source file with translatable
# strings is in po/POTFILES.in, and every translatable string of those has
# a Dutch text in po/nl.po, none fuzzy.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
# A file left out of POTFILES.in showed English in the Dutch window.
missing=0
for f in app/*.c charts/*.c data/*.c model/*.c ui/*.c ui/*.ui ui/gtk/*.ui; do
  [ -e "$f" ] || continue
  if grep -q '_("\|N_("\|translatable="yes"\|ngettext (' "$f" && ! grep -qx "$f" po/POTFILES.in; then
    echo "$f has translatable strings but is not in po/POTFILES.in" >&2
    missing=1
  fi
done
[ $missing -eq 0 ] || exit 1
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments \
  --files-from=po/POTFILES.in --output="$tmp/fresh.pot"
msgfmt --check --output-file=/dev/null po/nl.po
if grep -q '^#, fuzzy' po/nl.po; then
  echo "po/nl.po has fuzzy entries" >&2
  exit 1
fi
# msgcmp fails on any msgid that is missing or untranslated in nl.po.
msgcmp po/nl.po "$tmp/fresh.pot"
echo "po/nl.po: complete"
