#!/bin/sh
# The bundled dossier against the article it was made from, through the
# command-line modes: the paragraphs are the article's, verbatim and in
# order, with the sections of its headings; --check agrees with recsel and
# recfix; every paragraph has its English gloss and every person and
# organization a Latin name.  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
data=$top_srcdir/data/meta-ai.rec
seed=$top_srcdir/tests/data/seed/article.txt
tmp=${TMPDIR:-/tmp}/bundled-data.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

echo 1..14
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

# 11: --list glosses: a gloss for every paragraph, in the same order.
if "$DOSSIER" --list glosses -f "$data" >"$tmp/glosses" 2>"$tmp/err" &&
    cut -f1 "$tmp/glosses" >"$tmp/gloss-ids" && cut -f1 "$tmp/list" >"$tmp/para-ids" &&
    cmp -s "$tmp/gloss-ids" "$tmp/para-ids"; then
	empty=$(awk -F '	' '$3 == "" { print $1 }' "$tmp/glosses")
	if test -z "$empty"; then
		ok "--list glosses: every paragraph has a gloss ($(wc -l <"$tmp/glosses") lines)"
	else
		not_ok "--list glosses: no gloss for" $empty
	fi
else
	not_ok "--list glosses lists the paragraphs"
	diag "$tmp/err"
fi

# 12: --list people and orgs end with the Latin name, never empty.
for what in people orgs; do
	"$DOSSIER" --list $what -f "$data" 2>"$tmp/err"
done | awk -F '	' '$NF == "" || $NF ~ /[^ -~]/ { print $1 }' >"$tmp/no-latin"
if test -s "$tmp/no-latin"; then
	not_ok "--list people/orgs: a Latin name for each; missing or not Latin:" $(cat "$tmp/no-latin")
else
	ok "--list people/orgs: each has a Latin name"
fi

# 13: --list events gives the date's precision (8th column), which the date shows.
if "$DOSSIER" --list events -f "$data" >"$tmp/events" 2>"$tmp/err" &&
    awk -F '	' '
	{ want = length($2) == 4 ? "year" : length($2) == 7 ? "month" : "day" }
	$8 != want { print; bad = 1 }
	END { exit bad }' "$tmp/events" >"$tmp/bad-precision"; then
	ok "--list events: the precision column matches each date"
else
	not_ok "--list events: the precision column matches each date"
	diag "$tmp/bad-precision" "$tmp/err"
fi

# 14: recfix --check.
if test -z "$RECFIX" || ! test -x "$RECFIX"; then
	skip "recfix --check: recfix not found by configure"
elif "$RECFIX" --check "$data" >"$tmp/recfix" 2>&1; then
	ok "recfix --check $data"
else
	not_ok "recfix --check $data"
	diag "$tmp/recfix"
fi
