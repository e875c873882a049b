#!/bin/sh
# Fails on any translation that is missing or fuzzy, and on any string in the sources that
# po/de.po does not translate.
set -eu
podir=$1
top=$(dirname "$podir")
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$top"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments=Translators \
  --files-from=po/POTFILES.in --output="$tmp/brueckenbuch.pot" 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log"; exit 1; }

for po in "$podir"/*.po; do
  lang=$(basename "$po" .po)
  msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/brueckenbuch.pot" -o "$tmp/$lang.po"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *fuzzy*|*untranslated*) status=1 ;;
  esac
  if LC_ALL=C msgfmt --check -o /dev/null "$po" 2>&1 | grep -q .; then
    LC_ALL=C msgfmt --check -o /dev/null "$po"; status=1
  fi
done

# Every file with translatable strings must be listed in POTFILES.in.
for f in $(grep -rlE '\b(_|N_|C_|ngettext)\s*\(|translatable="yes"' src ui data --include='*.c' --include='*.ui' --include='*.in' | sort); do
  grep -qx "$f" po/POTFILES.in || { echo "not in po/POTFILES.in: $f"; status=1; }
done
exit $status
