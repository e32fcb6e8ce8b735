#!/bin/sh
# The KEYS section of dossier(1) and the key table ("dossier --keys") list
# the same (scope, key) pairs.  TAP.
#
# In man/dossier.1.in each scope is a ".Ss" subsection of KEYS named as the
# scope (Global, Timeline, People, Article, Prompt, Overlay); each key is the argument
# of an ".Ic" on an ".It" line of it, as in ".It Ic PgUp , Ic b , Ic C-b".
# ".It" lines without ".Ic" (the Mouse subsection) are not keys.
#
# tests/man-zh.sh runs it on the Chinese page: MAN_PAGE names the page,
# MAN_KEYS its KEYS section and MAN_SCOPES the subsection of each scope, as
# "Title=scope ..." (by default each scope's name with a capital).

: "${top_srcdir:=.}" "${DOSSIER:=./src/dossier}"
page=${MAN_PAGE:-$top_srcdir/man/dossier.1.in}
keys_section=${MAN_KEYS:-KEYS}
scopes=${MAN_SCOPES:-"Global=global Timeline=timeline People=people Article=article Prompt=prompt Overlay=overlay Articles=articles List=list"}
tmp=${TMPDIR:-/tmp}/man-keys.$$
trap 'rm -rf "$tmp"' 0
trap 'exit 129' HUP INT TERM
mkdir "$tmp" || exit 99

echo 1..4
if "$DOSSIER" --keys >"$tmp/keys" 2>"$tmp/err" && test -s "$tmp/keys"; then
	echo "ok 1 - $DOSSIER --keys prints $(wc -l <"$tmp/keys") bindings"
else
	echo "not ok 1 - $DOSSIER --keys failed"
	sed 's/^/# /' "$tmp/err"
fi
awk -F '\t' 'NF >= 2 { print $1 "\t" $2 }' "$tmp/keys" | sort -u >"$tmp/table"

# scope<TAB>key for every .Ic on an .It line under a .Ss of KEYS; a key
# under a subsection that is no scope comes out as "?Title".
awk -v keys="$keys_section" -v scopes="$scopes" '
	BEGIN { n = split(scopes, s, " ")
		for (i = 1; i <= n; i++) { eq = index(s[i], "=")
			known[substr(s[i], 1, eq - 1)] = substr(s[i], eq + 1) } }
	/^\.Sh / { in_keys = ($0 == ".Sh " keys); scope = ""; next }
	!in_keys { next }
	/^\.Ss / { title = substr($0, 5)
		scope = (title in known) ? known[title] : "?" title; next }
	/^\.It / { for (i = 2; i < NF; i++) if ($i == "Ic") {
		k = $(i + 1); gsub(/\\&/, "", k); gsub(/\\e/, "\\", k)
		print (scope == "" ? "?KEYS" : scope) "\t" k } }' "$page" >"$tmp/man.all"
sort -u "$tmp/man.all" >"$tmp/man"

n=1
report() {   # description, file of missing pairs
	n=$((n + 1))
	if test -s "$2"; then
		echo "not ok $n - $1"
		sed 's/^/#   /' "$2"
	else
		echo "ok $n - $1"
	fi
}
comm -23 "$tmp/table" "$tmp/man" >"$tmp/undocumented"
test -s "$tmp/table" || echo "(no key table)" >"$tmp/undocumented"
report "every binding of the key table is in KEYS of dossier(1)" "$tmp/undocumented"
comm -13 "$tmp/table" "$tmp/man" >"$tmp/unknown"
test -s "$tmp/man" || echo "(no keys found in $page)" >"$tmp/unknown"
report "every key in KEYS of dossier(1) is in the key table" "$tmp/unknown"
sort "$tmp/man.all" | uniq -d >"$tmp/twice"
report "no key is documented twice in one scope" "$tmp/twice"
