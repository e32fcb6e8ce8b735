#!/bin/sh
# A read error is an error, not a shorter file: with pread failing (EIO)
# past a point of the file (tests/read-error.c, preloaded), dossier says
# "read error" and exits 66, for a small file (read by one thread) and a
# large one (by two, the error in either half).  Skipped without a C
# compiler to build the shim, or when dossier is built with a sanitizer
# (its runtime must come first).  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
GEN=$top_builddir/tests/bench/gen-dossier
tmp=${TMPDIR:-/tmp}/read-error.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $*"; }

if grep -q -e __asan_init -e __tsan_init "$DOSSIER" 2>/dev/null; then
	skip "dossier is built with a sanitizer"
	echo "1..$n"
	exit 0
fi
if ! ${CC:-cc} -shared -fPIC -o "$tmp/shim.so" "$top_srcdir/tests/read-error.c" -ldl 2>"$tmp/cc.err"; then
	skip "no C compiler to build the shim: $(head -1 "$tmp/cc.err")"
	echo "1..$n"
	exit 0
fi
cp "$top_srcdir/data/meta-ai.rec" "$tmp/small.rec"
"$GEN" -n 100 -o "$tmp/large.rec" "$top_srcdir/data/meta-ai.rec" || exit 99
size=$(wc -c <"$tmp/large.rec")

# fails NAME FILE AT: pread failing past byte AT of FILE.
fails() {
	LD_PRELOAD=$tmp/shim.so DOSSIER_TEST_EIO_AT=$3 \
		"$DOSSIER" --check -f "$2" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want="$2: read error: Input/output error"
	if test $rc -eq 66 && test "$(cat "$tmp/err")" = "$want" && ! test -s "$tmp/out"; then
		ok "$1: exit 66, $(sed "s|^$2|FILE|" "$tmp/err")"
	else
		not_ok "$1: exit $rc, stderr: $(head -c 300 "$tmp/err")"
	fi
}
fails "small file, an error at byte 1000" "$tmp/small.rec" 1000
fails "large file, an error in the first half" "$tmp/large.rec" $((size / 4))
fails "large file, an error in the second half" "$tmp/large.rec" $((size - 100))

# The shim itself works: past the end of the file nothing fails.
LD_PRELOAD=$tmp/shim.so DOSSIER_TEST_EIO_AT=$((size + 1)) \
	"$DOSSIER" --check -f "$tmp/large.rec" >"$tmp/out" 2>"$tmp/err"
if test $? -eq 0; then
	ok "large file, no error before its end: exit 0"
else
	not_ok "the shim fails reads it should not: $(head -c 300 "$tmp/err")"
fi
echo "1..$n"
