#!/usr/bin/env python3
"""Merges translations into a .po file: po-fill.py POT PO TABLE.py

TABLE.py defines a dict T from English msgid to Dutch msgstr. Entries that are
already translated in PO keep their text unless TABLE gives a new one; the
result lists every msgid of POT. A helper for translators, not part of the build."""
import re, sys

def parse(path):
    entries, cur, key = [], None, None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("#") or not line.strip():
            if cur is not None and "msgstr" in cur:
                entries.append(cur); cur = None
            if line.startswith("#"):
                cur = cur or {"comments": []}
                cur.setdefault("comments", []).append(line)
            continue
        m = re.match(r'^(msgid|msgstr) "(.*)"$', line)
        if m:
            if m.group(1) == "msgid" and cur is not None and "msgstr" in cur:
                entries.append(cur); cur = None
            cur = cur or {"comments": []}
            key = m.group(1); cur[key] = m.group(2)
        elif line.startswith('"'):
            cur[key] += line[1:-1]
    if cur is not None and "msgid" in cur:
        entries.append(cur)
    return entries

def unescape(s):
    # PO strings are UTF-8 with C escapes: undo the escapes, keep the UTF-8.
    return s.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

def escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

pot, po, table = sys.argv[1:4]
ns = {}; exec(open(table, encoding="utf-8").read(), ns); T = ns["T"]
old = {e["msgid"]: e.get("msgstr", "") for e in parse(po)} if open(po, encoding="utf-8").read().strip() else {}
out = ['# Dutch translation of Piramide.', '# This file is distributed under the same license as the piramide package.',
       'msgid ""', 'msgstr ""', '"Project-Id-Version: piramide\\n"', '"PO-Revision-Date: 2026-11-22 23:30+0100\\n"',
       '"Last-Translator: Piramide developers\\n"', '"Language-Team: Dutch\\n"', '"Language: nl\\n"',
       '"MIME-Version: 1.0\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"',
       '"Content-Transfer-Encoding: 8bit\\n"', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', '']
missing = []
for e in parse(pot):
    mid = e.get("msgid", "")
    if mid == "":
        continue
    text = unescape(mid)
    if text in T:
        tr = escape(T[text])
    elif old.get(mid):
        tr = old[mid]
    else:
        tr = ""; missing.append(text)
    out += [c for c in e.get("comments", []) if c.startswith("#:") or c.startswith("#.") or c.startswith("#,")]
    out += ['msgid "%s"' % mid, 'msgstr "%s"' % tr, '']
open(po, "w", encoding="utf-8").write("\n".join(out))
for m in missing:
    print("untranslated:", m, file=sys.stderr)
sys.exit(1 if missing else 0)
