#!/bin/sh
# The Dutch translation is complete: every translatable string of the
# sources (po/POTFILES.in) has a Dutch text in po/nl.po, none fuzzy.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
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
