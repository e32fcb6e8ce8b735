#!/bin/sh
# Output that cannot be written is an error: every mode that writes to
# standard output exits 70 with a message when it is /dev/full or closed,
# as GNU programs do, instead of exit 0 with the output lost.  TAP.

: "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
tmp=${TMPDIR:-/tmp}/write-error.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

if echo x >/dev/full 2>/dev/null || ! test -c /dev/full; then
	echo "1..0 # SKIP /dev/full does not fail writes here"
	exit 0
fi

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }

# expect NAME WANT_STDERR ARGS...: run with stdout already redirected by
# the caller; exit 70 and exactly WANT_STDERR.
check() {
	name=$1 want=$2 rc=$3
	got=$(cat "$tmp/err")
	if test "$rc" -eq 70 && test "x$got" = "x$want"; then
		ok "$name: exit 70, $want"
	else
		not_ok "$name: exit $rc (want 70)"
		echo "# want: $want"
		sed 's/^/# got:  /' "$tmp/err"
	fi
}

full="dossier: write error: No space left on device"
for args in --keys --help --version --check "--list people" "--list paragraphs" \
    "--search Meta"; do
	# shellcheck disable=SC2086 # the options are split on purpose
	"$DOSSIER" $args >/dev/full 2>"$tmp/err"
	check "$args >/dev/full" "$full" $?
done
"$DOSSIER" --import "${top_srcdir:-.}/tests/data/seed/article.txt" >/dev/full 2>"$tmp/err"
check "--import >/dev/full" "$full" $?
"$DOSSIER" --version >&- 2>"$tmp/err"
check "--version with stdout closed" "dossier: write error: Bad file descriptor" $?
# The same output to a file that takes it: exit 0, nothing on stderr.
"$DOSSIER" --search Meta >"$tmp/out" 2>"$tmp/err"
rc=$?
if test $rc -eq 0 && test -s "$tmp/out" && ! test -s "$tmp/err"; then
	ok "--search Meta to a file: exit 0"
else
	not_ok "--search Meta to a file: exit $rc"
fi
echo "1..$n"
