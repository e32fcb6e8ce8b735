#!/bin/sh
# Every message of the program is translated in po/zh_CN.po and none is
# fuzzy: the catalogue is checked against the messages in the sources now
# (not against a template that may be stale), and every source file with
# a message is listed in po/POTFILES.in.  TAP.

: "${top_srcdir:=.}"
: "${MSGFMT:=msgfmt}" "${XGETTEXT:=xgettext}"
po=$top_srcdir/po/zh_CN.po

for tool in "$MSGFMT" "$XGETTEXT" msgcmp msgattrib; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP no $tool (the gettext tools)"
		exit 0
	fi
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "1..5"

if "$MSGFMT" -c --statistics -o "$tmp/zh_CN.mo" "$po" 2>"$tmp/stats"; then
	echo "ok 1 - msgfmt -c accepts zh_CN.po: $(cat "$tmp/stats")"
else
	echo "not ok 1 - msgfmt -c rejects zh_CN.po"
	sed 's/^/# /' "$tmp/stats"
fi

left=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ')
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ')
# The header alone is "untranslated" to msgattrib when it is the only entry.
if test "$left" = 0 && test "$fuzzy" = 0; then
	echo "ok 2 - no untranslated or fuzzy message in zh_CN.po"
else
	echo "not ok 2 - zh_CN.po: $left untranslated, $fuzzy fuzzy"
fi

# The messages of the sources as they are, with po/Makevars' keywords.
opts=$(sed -n 's/^XGETTEXT_OPTIONS *= *//p' "$top_srcdir/po/Makevars")
files=$(grep -v '^#' "$top_srcdir/po/POTFILES.in" | grep .)
# shellcheck disable=SC2086
(cd "$top_srcdir" && "$XGETTEXT" $opts -o "$tmp/now.pot" $files) 2>"$tmp/xg"
if test -s "$tmp/now.pot" && msgcmp "$po" "$tmp/now.pot" 2>"$tmp/cmp"; then
	echo "ok 3 - every message of the sources has a translation"
else
	echo "not ok 3 - messages of the sources without a translation (make -C po update-po)"
	sed 's/^/# /' "$tmp/xg" "$tmp/cmp" | head -20
fi

missing=
for f in "$top_srcdir"/src/*.c; do
	rel=src/${f##*/}
	if grep -q '\(^\|[^A-Za-z0-9_]\)[NP]\?_(' "$f" &&
	    ! grep -qx "$rel" "$top_srcdir/po/POTFILES.in"; then
		missing="$missing $rel"
	fi
done
if test -z "$missing"; then
	echo "ok 4 - every source file with messages is in po/POTFILES.in"
else
	echo "not ok 4 - not in po/POTFILES.in:$missing"
fi

if grep -q '^"Plural-Forms: nplurals=1; plural=0;' "$po" &&
    grep -q '^"PO-Revision-Date: [0-9]' "$po" &&
    grep -q '^"Last-Translator: [^\\]' "$po"; then
	echo "ok 5 - zh_CN.po has a complete header"
else
	echo "not ok 5 - zh_CN.po's header lacks Plural-Forms, PO-Revision-Date or Last-Translator"
fi
