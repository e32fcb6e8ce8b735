#!/bin/sh
# dossier within the limits of its process: short of memory (ulimit -v at
# many sizes) the load and --search either do their whole work or say
# "out of memory" and exit 70, never a data error (65), a crash or a wrong
# count; with a 32 KiB stack (ulimit -s 32) they work.  A dossier of 100
# times the bundled one (the two-core load) is made here.  Skipped when
# dossier is built with AddressSanitizer or ThreadSanitizer (they reserve
# terabytes of address space).  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
GEN=$top_builddir/tests/bench/gen-dossier
tmp=${TMPDIR:-/tmp}/limits.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $*"; }

if grep -q -e __asan_init -e __tsan_init "$DOSSIER" 2>/dev/null; then
	skip "ulimit -v: dossier is built with a sanitizer"
	skip "ulimit -s: dossier is built with a sanitizer"
	echo "1..$n"
	exit 0
fi
"$GEN" -n 100 -o "$tmp/x.rec" "$top_srcdir/data/meta-ai.rec" || exit 99
"$DOSSIER" --check -f "$tmp/x.rec" >"$tmp/check.want" || exit 99
"$DOSSIER" --search Meta -f "$tmp/x.rec" >"$tmp/search.want" || exit 99

# The smallest limit (KiB, in steps of 4 MiB) at which the program starts.
low=4096
while test $low -lt 1048576; do
	(ulimit -v $low && "$DOSSIER" --version) >/dev/null 2>&1 && break
	low=$((low + 4096))
done

# run_limited WHAT ARGS...: at every limit from low up, in steps of 2 MiB,
# until a run succeeds, and a few steps past it: each run exits 0 with the
# output of an unlimited run, or 70 with "out of memory" on stderr and
# nothing on stdout.
run_limited() {
	what=$1
	shift
	ooms=0 goods=0 bad= kb=$low
	while test $kb -lt 1048576 && test $goods -lt 3; do
		(ulimit -v $kb && exec "$DOSSIER" "$@") >"$tmp/out" 2>"$tmp/err"
		rc=$?
		case $rc in
		0)	if cmp -s "$tmp/out" "$tmp/$what.want"; then
				goods=$((goods + 1))
			else
				bad="$bad; at $kb KiB: exit 0 with other output ($(wc -l <"$tmp/out") lines)"
			fi ;;
		70)	if grep -q "out of memory" "$tmp/err" && ! test -s "$tmp/out"; then
				ooms=$((ooms + 1))
			else
				bad="$bad; at $kb KiB: exit 70 but $(head -c 200 "$tmp/err")"
			fi ;;
		*)	bad="$bad; at $kb KiB: exit $rc: $(head -c 200 "$tmp/err")" ;;
		esac
		kb=$((kb + 2048))
	done
	if test -n "$bad"; then
		not_ok "ulimit -v, dossier $*${bad}"
	elif test $ooms -eq 0 || test $goods -eq 0; then
		not_ok "ulimit -v, dossier $*: $ooms runs out of memory, $goods whole ones (from $low KiB)"
	else
		ok "ulimit -v, dossier $*: $ooms runs out of memory (exit 70), then whole ones (from $low KiB)"
	fi
}
run_limited check --check -f "$tmp/x.rec"
run_limited search --search Meta -f "$tmp/x.rec"

# A 32 KiB stack: no large buffer on it (the main thread's or the
# threads', which get the same size).
for what in check search; do
	case $what in
	check) set -- --check ;;
	search) set -- --search Meta ;;
	esac
	(ulimit -s 32 && exec "$DOSSIER" "$@" -f "$tmp/x.rec") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if test $rc -eq 0 && cmp -s "$tmp/out" "$tmp/$what.want"; then
		ok "ulimit -s 32, dossier $*"
	else
		not_ok "ulimit -s 32, dossier $*: exit $rc $(head -c 200 "$tmp/err")"
	fi
done

echo "1..$n"
