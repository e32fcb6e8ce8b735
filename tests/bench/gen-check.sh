#!/bin/sh
# The benchmark generator: what it writes passes dossier --check, with the
# counts of N copies; one copy is the bundled dossier's records; the output
# depends only on its input; each copy's people are mentioned in its own
# paragraphs under their own surface forms.  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
gen=$top_builddir/tests/bench/gen-dossier
data=$top_srcdir/data/meta-ai.rec
tmp=${TMPDIR:-/tmp}/gen-check.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
check() { if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }

"$DOSSIER" --check -f "$data" > "$tmp/counts1" || exit 99
"$gen" -n 3 -o "$tmp/x3.rec" -t "$tmp/x3.txt" "$data"
desc="gen-dossier -n 3 succeeds"; check test $? -eq 0

"$DOSSIER" --check -f "$tmp/x3.rec" > "$tmp/counts3" 2> "$tmp/err"
desc="its output passes dossier --check"; check test $? -eq 0
sed 's/^/# /' "$tmp/err"

# Every count but Dossier's is three times the bundled one.
awk -F '\t' 'NR == FNR { want[$1] = $1 == "Dossier" ? $2 : 3 * $2; next }
	$2 != want[$1] { bad = 1; print "# " $1 ": " $2 ", want " want[$1] }
	END { exit bad }' "$tmp/counts1" "$tmp/counts3"
desc="three times the records of each type"; check test $? -eq 0

# Copy 0 is the bundled dossier: the same fields, in the same order.
"$gen" -n 1 -o "$tmp/x1.rec" "$data"
fields() { grep -v '^#' "$1" | grep -v '^%' | grep -v '^$'; }
fields "$data" > "$tmp/want1"
fields "$tmp/x1.rec" > "$tmp/got1"
desc="-n 1 writes the bundled records"; check cmp -s "$tmp/want1" "$tmp/got1"

"$gen" -n 3 -o "$tmp/again.rec" "$data"
desc="the output depends only on the input"; check cmp -s "$tmp/x3.rec" "$tmp/again.rec"

# Copy 2's surface forms: 杨立昆２ (full-width digit) and Yann LeCun-2, in
# copy 2's paragraphs, and found by search.
"$DOSSIER" --search '杨立昆２' -f "$tmp/x3.rec" > "$tmp/hits"
desc="copy 2's Chinese name form is in copy 2's paragraphs"
check grep -q "^paragraph	p[0-9]*-k2	" "$tmp/hits"
"$DOSSIER" --list people -f "$tmp/x3.rec" > "$tmp/people"
desc="copy 2's people have their own names and aliases"
check grep -q "^lecun-k2	杨立昆２	.*Yann LeCun-2" "$tmp/people"

"$DOSSIER" --list articles -f "$tmp/x3.rec" > "$tmp/articles"
desc="each copy is an article of its own title, with its own paragraphs"
check test "$(cut -f 2 "$tmp/articles" | sort -u | wc -l)" -eq 3 -a \
	"$(cut -f 6 "$tmp/articles" | sort -u)" = \
	"$(awk -F '\t' '$1 == "Paragraph" { print $2 }' "$tmp/counts1")"

paras=$(grep -c . "$tmp/x3.txt")
desc="-t writes the article text (3 x 56 paragraphs)"
check test "$paras" -eq "$((3 * $(awk -F '\t' '$1 == "Paragraph" { print $2 }' "$tmp/counts1")))"

echo "1..$n"
