#!/bin/sh
# dossier --import on the seed article, measured against the bundled
# dossier made from it by hand: the paragraphs must be the same byte for
# byte; the people and the dated events found are counted (recall: how
# many of the bundled ones were found; precision: how many of those found
# are in the bundled dossier) and must stay above floors.  TAP; the
# figures are printed as diagnostics.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
ref=$top_srcdir/data/meta-ai.rec
seed=$top_srcdir/tests/data/seed/article.txt
tmp=${TMPDIR:-/tmp}/import-recall.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# Floors: what the importer reaches today, in percent (rounded down).
people_recall_floor=90
people_precision_floor=80
events_recall_floor=65
events_precision_floor=75
orgs_recall_floor=25
orgs_precision_floor=80

echo 1..7
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
diag() { sed 's/^/# /' "$@"; }

if ! "$DOSSIER" --import "$seed" --published 2023-09 -o "$tmp/imp.rec" 2>"$tmp/err" ||
    ! "$DOSSIER" --check -f "$tmp/imp.rec" >/dev/null 2>>"$tmp/err"; then
	not_ok "import of the seed and --check of the result"
	diag "$tmp/err"
	exit 0
fi
ok "import of the seed (--published 2023-09) passes --check"

# 2: the paragraphs and their sections, byte for byte.
"$DOSSIER" --list paragraphs -f "$ref" | cut -f2,3 >"$tmp/ref-par"
"$DOSSIER" --list paragraphs -f "$tmp/imp.rec" | cut -f2,3 >"$tmp/imp-par"
same=$(paste -d '\n' "$tmp/ref-par" "$tmp/imp-par" | awk 'NR % 2 { a = $0; next } $0 == a { k++ } END { print k + 0 }')
total=$(wc -l <"$tmp/ref-par")
echo "# paragraphs: $same/$total exact (text and section), $(wc -l <"$tmp/imp-par") imported"
if cmp -s "$tmp/ref-par" "$tmp/imp-par"; then
	ok "paragraphs: $same/$total exact"
else
	not_ok "paragraphs: $same/$total exact"
	diff "$tmp/ref-par" "$tmp/imp-par" | head -10 | diag
fi

# 3: the byline.
field() { awk -v f="$2" '/^%rec: Article/ { a = 1 } a && index($0, f ": ") == 1 { print substr($0, length(f) + 3); exit }' "$1"; }
if [ "$(field "$ref" Author)|$(field "$ref" Editor)" = "$(field "$tmp/imp.rec" Author)|$(field "$tmp/imp.rec" Editor)" ]; then
	ok "byline: Author and Editor as in the bundled dossier"
else
	not_ok "byline: Author and Editor as in the bundled dossier"
fi

# Percent, rounded down; and a check against a floor.
pct() { echo $(($1 * 100 / ($2 > 0 ? $2 : 1))); }
floor() {   # what, found, of, floor
	p=$(pct "$2" "$3")
	if [ "$p" -ge "$4" ]; then ok "$1: $2/$3 = $p% (floor $4%)"
	else not_ok "$1: $2/$3 = $p% (floor $4%)"; fi
}

# 4: people.  A bundled person is found when an imported one shares a
# name or alias with it.
# Shares: "found of-bundled good of-imported" for people or orgs.
shares() {
	"$DOSSIER" --list "$1" -f "$ref" >"$tmp/ref-$1"
	"$DOSSIER" --list "$1" -f "$tmp/imp.rec" >"$tmp/imp-$1"
	awk -F '\t' '
	function forms(line, out,   k, a, i) {
		split(line, f, "\t"); k = 0; out[++k] = f[2]
		if (f[3] != "") { split(f[3], a, ", "); for (i in a) out[++k] = a[i] }
		return k
	}
	FNR == NR { nr++; k = forms($0, fs); for (i = 1; i <= k; i++) owner[fs[i]] = $1; next }
	{ ni++; k = forms($0, fs); hit = 0
	  for (i = 1; i <= k; i++) if (fs[i] in owner) { found[owner[fs[i]]] = 1; hit = 1 }
	  good += hit }
	END { for (x in found) nf++; printf "%d %d %d %d\n", nf, nr, good, ni }
	' "$tmp/ref-$1" "$tmp/imp-$1"
}
shares people >"$tmp/people"
read -r pf pr pg pi <"$tmp/people"
echo "# people: recall $pf/$pr, precision $pg/$pi"
shares orgs >"$tmp/orgs"
read -r of or og oi <"$tmp/orgs"
echo "# organizations: recall $of/$or, precision $og/$oi"
floor "people recall" "$pf" "$pr" "$people_recall_floor"
floor "organizations recall" "$of" "$or" "$orgs_recall_floor"

# 5 and 6: dated events, matched by paragraph and date.
"$DOSSIER" --list events -f "$ref" >"$tmp/ref-events"
"$DOSSIER" --list events -f "$tmp/imp.rec" >"$tmp/imp-events"
awk -F '\t' '
	FNR == NR { ni++; imp[ni] = $2 SUBSEP $7; n = split($7, p, ",")
	  for (i = 1; i <= n; i++) have[$2 "|" p[i]] = 1; next }
	{ nr++; n = split($7, p, ","); hit = 0
	  for (i = 1; i <= n; i++) { want[$2 "|" p[i]] = 1; if (($2 "|" p[i]) in have) hit = 1 }
	  nf += hit }
	END { for (e = 1; e <= ni; e++) { split(imp[e], x, SUBSEP); n = split(x[2], p, ",")
	        hit = 0; for (i = 1; i <= n; i++) if ((x[1] "|" p[i]) in want) hit = 1; good += hit }
	      printf "%d %d %d %d\n", nf, nr, good, ni }
' "$tmp/imp-events" "$tmp/ref-events" >"$tmp/events"
read -r ef er eg ei <"$tmp/events"
echo "# events (paragraph and date): recall $ef/$er, precision $eg/$ei"
floor "events recall" "$ef" "$er" "$events_recall_floor"
p1=$(pct "$pg" "$pi") p2=$(pct "$eg" "$ei") p3=$(pct "$og" "$oi")
if [ "$p1" -ge "$people_precision_floor" ] && [ "$p2" -ge "$events_precision_floor" ] &&
    [ "$p3" -ge "$orgs_precision_floor" ]; then
	ok "precision: people $p1%, events $p2%, organizations $p3%"
else
	not_ok "precision: people $p1% (floor $people_precision_floor%), events $p2% (floor $events_precision_floor%), organizations $p3% (floor $orgs_precision_floor%)"
fi
