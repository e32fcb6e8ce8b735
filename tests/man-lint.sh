#!/bin/sh
# mandoc finds nothing to warn about in dossier(1), its Chinese
# translation and dossier(5).
# TAP; needs MANDOC (skipped when configure found no mandoc).

: "${top_srcdir:=.}" "${top_builddir:=.}"

# dossier(1) as installed, else its source.
page1=$top_builddir/man/dossier.1
test -f "$page1" || page1=$top_srcdir/man/dossier.1.in
page1zh=$top_builddir/man/zh_CN/dossier.1
test -f "$page1zh" || page1zh=$top_srcdir/man/zh_CN/dossier.1.in
page5=$top_srcdir/man/dossier.5

echo 1..3
n=0
for page in "$page1" "$page1zh" "$page5"; do
	n=$((n + 1))
	name=${page#"$top_builddir"/}
	name=${name#"$top_srcdir"/}
	if test -z "$MANDOC"; then
		echo "ok $n # SKIP mandoc not found by configure"
		continue
	fi
	if ! test -f "$page"; then
		echo "not ok $n - $name: missing"
		continue
	fi
	out=$("$MANDOC" -Tlint -Wwarning "$page" 2>&1)
	if test -z "$out"; then
		echo "ok $n - mandoc -Tlint -Wwarning $name"
	else
		echo "not ok $n - mandoc -Tlint -Wwarning $name"
		printf '%s\n' "$out" | sed 's/^/# /'
	fi
done
