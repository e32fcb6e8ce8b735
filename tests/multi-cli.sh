#!/bin/sh
# The non-interactive modes on a dossier of several articles
# (tests/data/multi.rec): --list articles, the article columns of --list
# events and --list paragraphs, and the article of each --search hit.  TAP.

: "${top_srcdir:=.}" "${DOSSIER:=./src/dossier}"
data=$top_srcdir/tests/data/multi.rec
tmp=${TMPDIR:-/tmp}/multi-cli.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
diag() { sed 's/^/# /' "$@"; }
tab=$(printf '\t')

# same NAME WANT-FILE GOT-FILE
same() {
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1"
		diff "$2" "$3" | diag
	fi
}

echo 1..7

# 1: --list articles: id, title, author, date, source, paragraphs, editor,
# URL, in file order.
cat >"$tmp/want" <<EOF
gazette${tab}Robot keeper takes over Harbor Lighthouse${tab}Mei Example${tab}2025-03-02${tab}Harbor Gazette (example)${tab}3${tab}Tom Sample${tab}https://example.com/gazette/lighthouse-robot
daily${tab}港口灯塔换上机器人看守${tab}李示例${tab}2025-03-03${tab}示例日报${tab}3${tab}${tab}https://example.org/daily/lighthouse
interview${tab}Interview: the engineer behind the lighthouse robot${tab}Sam Placeholder${tab}2025-04${tab}Example Radio${tab}6${tab}${tab}
EOF
"$DOSSIER" --list articles -f "$data" >"$tmp/got" 2>"$tmp/err"
same "--list articles" "$tmp/want" "$tmp/got"

# 2: --list events: the articles that tell each event, last column.
cat >"$tmp/want" <<EOF
e-keeper${tab}g1,d1${tab}gazette,daily
e-built${tab}i2${tab}interview
e-retire${tab}g3${tab}gazette
e-handover${tab}d2,g2${tab}gazette,daily
e-storm${tab}i3,d3${tab}daily,interview
EOF
"$DOSSIER" --list events -f "$data" >"$tmp/list" 2>"$tmp/err"
cut -f 1,7,9 "$tmp/list" >"$tmp/got"
same "--list events: the articles of each event" "$tmp/want" "$tmp/got"

# 3: the old columns did not move: 8 before, 9 now.
if awk -F '\t' 'NF != 9 { bad = 1 } END { exit bad }' "$tmp/list"; then
	ok "--list events: 9 columns"
else
	not_ok "--list events: 9 columns"
	diag "$tmp/list"
fi

# 4: --list paragraphs: the article of each paragraph, d3 by default.
printf '%s\n' g1 g2 g3 d1 d2 d3 i1 i2 i3 i4 i5 i6 >"$tmp/ids"
printf '%s\n' gazette gazette gazette daily daily daily \
	interview interview interview interview interview interview >"$tmp/arts"
paste "$tmp/ids" "$tmp/arts" >"$tmp/want"
"$DOSSIER" --list paragraphs -f "$data" | cut -f 1,4 >"$tmp/got"
same "--list paragraphs: the article of each paragraph" "$tmp/want" "$tmp/got"

# 5: --search: each hit names its article(s), last column.
cat >"$tmp/want" <<EOF
event${tab}e-built${tab}interview
event${tab}e-handover${tab}gazette,daily
event${tab}e-storm${tab}daily,interview
person${tab}ada${tab}gazette,daily,interview
org${tab}beacon${tab}gazette,daily,interview
paragraph${tab}g2${tab}gazette
paragraph${tab}d2${tab}daily
paragraph${tab}d3${tab}daily
paragraph${tab}i2${tab}interview
paragraph${tab}i3${tab}interview
EOF
"$DOSSIER" --search beacon-1 -f "$data" >"$tmp/hits" 2>"$tmp/err"
cut -f 1,2,5 "$tmp/hits" >"$tmp/got"
same "--search beacon-1: the article of each hit" "$tmp/want" "$tmp/got"

# 6: a person is in the articles whose text names them, in any spelling;
# 老博 is one of Bo's forms, so his mentions in the others are hits too,
# marked with him in the sixth column.
"$DOSSIER" --search 老博 -f "$data" | cut -f 1,2,5,6 >"$tmp/got"
cat >"$tmp/want" <<EOF
person${tab}bo${tab}gazette,daily,interview${tab}
paragraph${tab}g1${tab}gazette${tab}person:bo
paragraph${tab}g3${tab}gazette${tab}person:bo
paragraph${tab}d1${tab}daily${tab}
paragraph${tab}i1${tab}interview${tab}person:bo
EOF
same "--search 老博: the person's articles, the paragraph's" "$tmp/want" "$tmp/got"

# 7: a paragraph out of its article's run is an error on its line.
sed '/^Id: d3$/a\
Article: gazette' "$data" >"$tmp/bad.rec"
line=$(grep -n '^Article: gazette$' "$tmp/bad.rec" | tail -n 1 | cut -d: -f1)
"$DOSSIER" --check -f "$tmp/bad.rec" >"$tmp/out" 2>"$tmp/err"
rc=$?
want="$tmp/bad.rec:$line: Paragraph 'd3' of Article 'gazette' after a paragraph of Article 'daily' (paragraphs go in the order of their articles)"
if test "$rc" -eq 65 && test "$(cat "$tmp/err")" = "$want" && ! test -s "$tmp/out"; then
	ok "--check: a paragraph out of its article's run"
else
	not_ok "--check: a paragraph out of its article's run (exit $rc)"
	diag "$tmp/err"
fi
