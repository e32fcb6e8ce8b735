#!/bin/sh
# dossier --import from the command line: exit statuses, no output file
# on an error, the output replaced whole, the inputs left alone, and a
# round trip (import, --check, import into it, --check, recfix).  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
fix=$top_srcdir/tests/data/import
seed=$top_srcdir/tests/data/seed/article.txt
tmp=${TMPDIR:-/tmp}/import-cli.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

echo 1..14
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; sed 's/^/# /' "$tmp/err" 2>/dev/null; fi; }

# 1-3: bad articles: exit 65, a message with the line, no output file.
printf 'text\nbin\000ary\n' >"$tmp/binary.txt"
printf 'ok\n\326\320\316\304\n' >"$tmp/gbk.txt"
: >"$tmp/empty.txt"
for f in binary gbk empty; do
	"$DOSSIER" --import "$tmp/$f.txt" -o "$tmp/$f.rec" 2>"$tmp/err"
	rc=$?
	case $f in
	binary) want="$tmp/binary.txt:2: NUL byte" ;;
	gbk) want="$tmp/gbk.txt:2: invalid UTF-8" ;;
	empty) want="$tmp/empty.txt: empty article" ;;
	esac
	check "$f article: exit 65 (got $rc), '$want', no output" \
	    '[ $rc -eq 65 ] && grep -q "^$want" "$tmp/err" && ! [ -e "$tmp/$f.rec" ]'
done

# 4: usage errors.
"$DOSSIER" --import "$seed" --published 2023-13 >/dev/null 2>"$tmp/err"; a=$?
"$DOSSIER" --published 2023 --check >/dev/null 2>>"$tmp/err"; b=$?
cp "$seed" "$tmp/article.txt"
"$DOSSIER" --import "$tmp/article.txt" -o "$tmp/article.txt" >/dev/null 2>>"$tmp/err"; c=$?
check "bad --published, --published without --import, -o the article: exit 64 ($a $b $c)" \
    '[ $a -eq 64 ] && [ $b -eq 64 ] && [ $c -eq 64 ] && cmp -s "$seed" "$tmp/article.txt"'

# 5: a missing article: exit 66.
"$DOSSIER" --import "$tmp/missing.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "missing article: exit 66 (got $rc)" '[ $rc -eq 66 ]'

# 6: standard output and -o give the same dossier.
"$DOSSIER" --import "$seed" --published 2023-09 >"$tmp/stdout.rec" 2>"$tmp/err" &&
"$DOSSIER" --import "$seed" --published 2023-09 -o "$tmp/a.rec" 2>>"$tmp/err"
check "standard output and -o agree" 'cmp -s "$tmp/stdout.rec" "$tmp/a.rec"'

# 7: the result passes --check, and recfix --check.
"$DOSSIER" --check -f "$tmp/a.rec" >"$tmp/counts" 2>"$tmp/err"; rc=$?
if [ -n "$RECFIX" ]; then "$RECFIX" --check "$tmp/a.rec" 2>>"$tmp/err" || rc=1; fi
check "the import passes --check${RECFIX:+ and recfix --check}; --check counts its drafts" \
    '[ $rc -eq 0 ] && grep -q "^Paragraph	56$" "$tmp/counts" && grep -q "^Draft	[1-9]" "$tmp/counts"'

# 8: import into it, over itself: replaced (a new file), the old text kept.
cp "$tmp/a.rec" "$tmp/a.orig"
ino=$(ls -i "$tmp/a.rec" | cut -d' ' -f1)
cp "$fix/article.html" "$tmp/article.html"
"$DOSSIER" -f "$tmp/a.rec" --import "$tmp/article.html" -o "$tmp/a.rec" 2>"$tmp/err"; rc=$?
ino2=$(ls -i "$tmp/a.rec" | cut -d' ' -f1)
check "-f D --import A -o D: exit 0 ($rc), D replaced by a new file, A unchanged" \
    '[ $rc -eq 0 ] && [ "$ino" != "$ino2" ] && cmp -s "$fix/article.html" "$tmp/article.html" &&
     ! ls -a "$tmp" | grep -q "^\.a\.rec\."'

# 9: the round trip passes the checks; both articles, the old lines all kept.
"$DOSSIER" --check -f "$tmp/a.rec" >"$tmp/counts" 2>"$tmp/err"; rc=$?
if [ -n "$RECFIX" ]; then "$RECFIX" --check "$tmp/a.rec" 2>>"$tmp/err" || rc=1; fi
grep -v '^$' "$tmp/a.orig" >"$tmp/old-lines"
check "the round trip passes the checks, with 2 articles and every old line" \
    '[ $rc -eq 0 ] && grep -q "^Article	2$" "$tmp/counts" &&
     [ -z "$(grep -v "^$" "$tmp/a.rec" | grep -Fxv -f - "$tmp/old-lines")" ]'

# 10: the same article again: new ids, people reused (no new Person).
p1=$(grep -c '^Person' "$tmp/counts")
"$DOSSIER" -f "$tmp/a.rec" --import "$tmp/article.html" -o "$tmp/b.rec" 2>"$tmp/err"; rc=$?
"$DOSSIER" --check -f "$tmp/b.rec" >"$tmp/counts2" 2>>"$tmp/err" || rc=1
check "importing it again: exit 0, 3 articles, the same people" \
    '[ $rc -eq 0 ] && grep -q "^Article	3$" "$tmp/counts2" &&
     [ "$(grep "^Person" "$tmp/counts")" = "$(grep "^Person" "$tmp/counts2")" ] && [ $p1 -eq 1 ]'

# 11: a bad dossier to add to: its errors, exit 65, nothing written.
printf '%%rec: Dossier\n\nTitle: t\n\n%%rec: Event\n\nId: e1\nTitle: x\nDate: 2023-02-30\n' >"$tmp/bad.rec"
"$DOSSIER" -f "$tmp/bad.rec" --import "$seed" -o "$tmp/c.rec" 2>"$tmp/err"; rc=$?
check "a bad dossier: exit 65 ($rc), its error with the line, no output" \
    '[ $rc -eq 65 ] && grep -q "^$tmp/bad.rec:9:.*bad Date" "$tmp/err" && ! [ -e "$tmp/c.rec" ]'

# 12: an output that cannot be written: exit 73, the old one untouched.
"$DOSSIER" --import "$seed" -o "$tmp/a.orig/x.rec" 2>"$tmp/err"; rc=$?
check "an output under a regular file: exit 73 (got $rc)" '[ $rc -eq 73 ]'

# 13: the article from standard input.
"$DOSSIER" --import - --published 2023-09 <"$seed" >"$tmp/stdin.rec" 2>"$tmp/err"; rc=$?
"$DOSSIER" --list paragraphs -f "$tmp/stdout.rec" >"$tmp/want" 2>>"$tmp/err"
"$DOSSIER" --list paragraphs -f "$tmp/stdin.rec" >"$tmp/got" 2>>"$tmp/err"
check "--import - reads standard input (exit $rc), the same paragraphs" \
    '[ $rc -eq 0 ] && [ -s "$tmp/want" ] && cmp -s "$tmp/want" "$tmp/got"'

# 14: a file name with an escape in it is escaped in the message.
esc=$(printf '\033')
: >"$tmp/bad${esc}[2Jname.txt"
"$DOSSIER" --import "$tmp/bad${esc}[2Jname.txt" -o "$tmp/d.rec" 2>"$tmp/err"; rc=$?
check "a name with ESC in it: exit 65 ($rc), written \\x1b in the message, no raw ESC" \
    '[ $rc -eq 65 ] && grep -q "bad\\\\x1b\[2Jname.txt: empty article" "$tmp/err" && ! grep -q "$esc" "$tmp/err"'
