#!/bin/sh
# The options of "dossier --help" and of the OPTIONS section of dossier(1)
# are the same, long and short, both ways.  TAP.  tests/man-zh.sh runs it
# on the Chinese page: MAN_PAGE names the page, MAN_OPTIONS its OPTIONS
# section.

: "${top_srcdir:=.}" "${DOSSIER:=./src/dossier}"
page=${MAN_PAGE:-$top_srcdir/man/dossier.1.in}
options_section=${MAN_OPTIONS:-OPTIONS}
tmp=${TMPDIR:-/tmp}/man-options.$$
trap 'rm -rf "$tmp"' 0
trap 'exit 129' HUP INT TERM
mkdir "$tmp" || exit 99

echo 1..4
if ! "$DOSSIER" --help >"$tmp/help" 2>&1; then
	for n in 1 2 3 4; do
		echo "not ok $n - $DOSSIER --help failed"
	done
	exit 0
fi

# --help: option lines start with blanks then "-x, --long".
awk '/^ +-/ { for (i = 1; i <= NF; i++) {
		w = $i; sub(/[,=].*/, "", w)
		if (w ~ /^--[A-Za-z0-9-]+$/) print w > "/dev/stderr"
		else if (w ~ /^-[A-Za-z0-9]$/) print w
		else break } }' "$tmp/help" 2>"$tmp/help.long" | sort -u >"$tmp/help.short"
sort -u -o "$tmp/help.long" "$tmp/help.long"

# dossier(1): the .Fl arguments on .It lines of the OPTIONS section.
awk -v opts="$options_section" '/^\.Sh / { in_opts = ($0 == ".Sh " opts); next }
	in_opts && /^\.It / { for (i = 2; i < NF; i++) if ($i == "Fl") {
		w = $(i + 1); gsub(/\\/, "", w)
		if (w ~ /^-/) print "-" w > "/dev/stderr"; else print "-" w } }' \
	"$page" 2>"$tmp/man.long" | sort -u >"$tmp/man.short"
sort -u -o "$tmp/man.long" "$tmp/man.long"

n=0
check() {   # kind, from, in, file of those of from, file of those of in
	n=$((n + 1))
	missing=$(comm -23 "$4" "$5" | tr '\n' ' ' | sed 's/ $//')
	if test -s "$4" && test -z "$missing"; then
		echo "ok $n - every $1 option of $2 is in $3"
	else
		echo "not ok $n - $1 options of $2 not in $3: ${missing:-(none found in $2)}"
	fi
}
check long "--help" "dossier(1) OPTIONS" "$tmp/help.long" "$tmp/man.long"
check short "--help" "dossier(1) OPTIONS" "$tmp/help.short" "$tmp/man.short"
check long "dossier(1) OPTIONS" "--help" "$tmp/man.long" "$tmp/help.long"
check short "dossier(1) OPTIONS" "--help" "$tmp/man.short" "$tmp/help.short"
