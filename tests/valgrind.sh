#!/bin/sh
# Memory: the non-interactive modes under valgrind memcheck, on the bundled
# dossier and on a few bad files.  Each run must exit with the program's own
# status (valgrind's is 99, apart from 0 ok, 1 no hit, 65 bad data, 66 no
# file) and report no invalid access, no uninitialised read and no definite
# leak.  TAP; skipped without valgrind, or when dossier is built with
# AddressSanitizer (--enable-sanitizers), which valgrind cannot run.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
data=$top_srcdir/data/meta-ai.rec
bad=$top_srcdir/tests/data/bad

if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind not found"
	exit 0
fi
if grep -q __asan_init "$DOSSIER" 2>/dev/null; then
	echo "1..0 # SKIP $DOSSIER is built with AddressSanitizer"
	exit 0
fi

tmp=${TMPDIR:-/tmp}/valgrind.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
diag() { sed 's/^/# /' "$@"; }

# vg STATUS ARG...: dossier ARG... under memcheck must exit STATUS, cleanly.
vg() {
	want=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite --show-leak-kinds=definite \
		--log-file="$tmp/vg.log" "$DOSSIER" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	what="dossier $*"
	what=${what#"dossier --check -f $bad/"}
	if test "$rc" -eq "$want" && ! test -s "$tmp/vg.log"; then
		ok "$what: exit $rc, memcheck clean"
	else
		not_ok "$what: exit $rc, want $want"
		diag "$tmp/vg.log" | head -60
		diag "$tmp/err" | head -5
	fi
}

vg 0 --check -f "$data"
for what in articles people orgs events paragraphs; do
	vg 0 --list "$what" -f "$data"
done
for q in llama 扎克伯格 ＬＬＡＭＡ 2023-02 ｆａｃｅｂｏｏｋ; do
	vg 0 --search "$q" -f "$data"
done
vg 1 --search no-such-words -f "$data"
vg 0 --keys
for f in invalid-utf8 truncated-record duplicate-id-person dangling-person-event \
    bad-date-day note-quote-not-in-paragraph two-dossiers many-errors binary; do
	vg 65 --check -f "$bad/$f.rec"
done
vg 66 --check -f "$tmp/no-such-file.rec"
vg 66 --check -f "$tmp"
# The importer: text, HTML, added to a dossier, and refused input.
imp=$top_srcdir/tests/data/import
vg 0 --import "$top_srcdir/tests/data/seed/article.txt" --published 2023-09 -o "$tmp/a.rec"
vg 0 --import "$imp/article.html" -f "$tmp/a.rec" -o "$tmp/a.rec"
vg 0 --import "$imp/wrapped.txt" -o "$tmp/b.rec"
vg 65 --import "$bad/binary.rec" -o "$tmp/c.rec"

echo "1..$n"
