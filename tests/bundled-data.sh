#!/bin/sh
# The bundled dossier against the article it was made from, through the
# command-line modes: the paragraphs are the article's, verbatim and in
# order, with the sections of its headings; --check agrees with recsel and
# recfix.  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
data=$top_srcdir/data/meta-ai.rec
seed=$top_srcdir/tests/data/seed/article.txt
tmp=${TMPDIR:-/tmp}/bundled-data.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

echo 1..11
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $*"; }
# Shows a file as TAP diagnostics.
diag() { sed 's/^/# /' "$@"; }

# The seed's paragraphs, one a line, escaped as --list escapes them
# (backslash and tab; a seed line holds no newline), and the section each
# one is under.  Byline lines (编辑:/撰文:) and the headings A, B, C are not
# paragraphs.
awk -v text="$tmp/seed-text" -v sections="$tmp/seed-section" '
	/^$/ { next }
	/^(编辑|撰文)(:|：)/ { next }
	/^[ABC]$/ { section = $0; next }
	{ print > text; print section > sections }
' "$seed"
sed -e 's/\\/\\\\/g' -e 's/	/\\t/g' "$tmp/seed-text" >"$tmp/want-text"

# 1: the paragraphs, byte for byte.
if "$DOSSIER" --list paragraphs -f "$data" >"$tmp/list" 2>"$tmp/err"; then
	cut -f3 "$tmp/list" >"$tmp/text"
	if cmp -s "$tmp/want-text" "$tmp/text"; then
		ok "--list paragraphs: the text column is the article's paragraphs ($(wc -l <"$tmp/text") lines)"
	else
		not_ok "--list paragraphs: the text column is the article's paragraphs"
		diff "$tmp/want-text" "$tmp/text" | head -20 | diag
	fi
	# 2: the sections.
	cut -f2 "$tmp/list" >"$tmp/section"
	if cmp -s "$tmp/seed-section" "$tmp/section"; then
		ok "--list paragraphs: each Section is the heading above the paragraph"
	else
		not_ok "--list paragraphs: each Section is the heading above the paragraph"
		diff "$tmp/seed-section" "$tmp/section" | head -20 | diag
	fi
else
	not_ok "--list paragraphs -f $data exits 0"
	diag "$tmp/err"
	not_ok "--list paragraphs: sections (not run)"
fi

# 3: --check passes and prints a count per type.
types="Dossier Article Paragraph Person Org Event Note"
if "$DOSSIER" --check -f "$data" >"$tmp/check" 2>"$tmp/err"; then
	ok "--check exits 0"
else
	not_ok "--check exits 0"
	diag "$tmp/err"
fi

# 4..10: the counts agree with recsel.
recsel=$(command -v recsel 2>/dev/null)
if test -z "$recsel" && test -n "$RECFIX" && test -x "${RECFIX%/*}/recsel"; then
	recsel=${RECFIX%/*}/recsel
fi
for t in $types; do
	got=$(awk -F '	' -v t="$t" '$1 == t { print $2 }' "$tmp/check")
	if test -z "$recsel"; then
		skip "--check count of $t ($got): recsel not found"
		continue
	fi
	want=$("$recsel" -c -t "$t" "$data" 2>&1)
	if test -n "$got" && test "x$got" = "x$want"; then
		ok "--check count of $t ($got) agrees with recsel -c -t $t"
	else
		not_ok "--check count of $t: '$got', recsel -c -t $t says '$want'"
	fi
done

# 11: recfix --check.
if test -z "$RECFIX" || ! test -x "$RECFIX"; then
	skip "recfix --check: recfix not found by configure"
elif "$RECFIX" --check "$data" >"$tmp/recfix" 2>&1; then
	ok "recfix --check $data"
else
	not_ok "recfix --check $data"
	diag "$tmp/recfix"
fi
