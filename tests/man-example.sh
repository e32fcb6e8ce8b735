#!/bin/sh
# The EXAMPLES dossier of dossier(5) is valid: dossier --check and
# recfix --check accept it.  TAP.

: "${top_srcdir:=.}" "${DOSSIER:=./src/dossier}"
page=$top_srcdir/man/dossier.5
tmp=${TMPDIR:-/tmp}/man-example.$$
trap 'rm -rf "$tmp"' 0
trap 'exit 129' HUP INT TERM
mkdir "$tmp" || exit 99

echo 1..3
# The lines between the example-begin and example-end comments, without
# the .Bd/.Ed requests; \& vanishes and \e is a backslash.
sed -n '/^\.\\" example-begin$/,/^\.\\" example-end$/p' "$page" |
	sed -e '/^\./d' -e 's/\\&//g' -e 's/\\e/\\/g' >"$tmp/example.rec"
if grep -q '^%rec: Dossier' "$tmp/example.rec"; then
	echo "ok 1 - example extracted ($(wc -l <"$tmp/example.rec") lines)"
else
	echo "not ok 1 - no example between example-begin and example-end in $page"
fi

"$DOSSIER" --check -f "$tmp/example.rec" >"$tmp/out" 2>&1
rc=$?
if test $rc -eq 0 && grep -q '^Event	[1-9]' "$tmp/out"; then
	echo "ok 2 - dossier --check accepts the example"
else
	echo "not ok 2 - dossier --check exits $rc on the example"
	sed 's/^/# /' "$tmp/out"
fi

if test -z "$RECFIX"; then
	echo "ok 3 # SKIP recfix not found by configure"
elif "$RECFIX" --check "$tmp/example.rec" >"$tmp/out" 2>&1; then
	echo "ok 3 - recfix --check accepts the example"
else
	echo "not ok 3 - recfix --check rejects the example"
	sed 's/^/# /' "$tmp/out"
fi
