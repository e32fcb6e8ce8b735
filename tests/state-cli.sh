#!/bin/sh
# The reader's own state from the command line: --list mynotes and marks
# with no state, a state directory that does not exist (not made by a
# listing), one that cannot exist (a warning, exit 0), --no-state,
# DOSSIER_STATE_DIR, and usage errors.  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
data=$top_srcdir/data/meta-ai.rec
tmp=${TMPDIR:-/tmp}/state-cli.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

echo 1..6
n=0
check() {   # description, then the command; passes when it returns 0
	n=$((n + 1))
	d=$1
	shift
	if "$@"; then echo "ok $n - $d"; else echo "not ok $n - $d"; fi
}

run() {   # runs dossier; its output, errors and status go to $tmp/out, err, rc
	"$DOSSIER" "$@" >"$tmp/out" 2>"$tmp/err"
	echo $? >"$tmp/rc"
}

nothing_made() {
	run -f "$data" --list mynotes --state-dir="$tmp/none/state" &&
	test "$(cat "$tmp/rc")" = 0 && test ! -s "$tmp/out" && test ! -s "$tmp/err" &&
	test ! -e "$tmp/none"
}
check "--list mynotes with no state: nothing, and no directory made" nothing_made

blocked() {
	: >"$tmp/file"
	run -f "$data" --list marks --state-dir="$tmp/file/state" &&
	test "$(cat "$tmp/rc")" = 0 && test ! -s "$tmp/out" &&
	test "$(wc -l <"$tmp/err")" = 1 && grep -q "^dossier: .*Not a directory" "$tmp/err"
}
check "a state directory that cannot be: one warning line, exit 0" blocked

no_state() {
	run -f "$data" --list marks --no-state --state-dir="$tmp/file/state" &&
	test "$(cat "$tmp/rc")" = 0 && test ! -s "$tmp/err"
}
check "--no-state wins over --state-dir" no_state

env_dir() {
	DOSSIER_STATE_DIR=$tmp/file/state run -f "$data" --list mynotes &&
	grep -q "Not a directory" "$tmp/err" &&
	DOSSIER_STATE_DIR=- run -f "$data" --list mynotes && test ! -s "$tmp/err"
}
check "DOSSIER_STATE_DIR names the directory; - is no state" env_dir

bad_what() {
	run -f "$data" --list mine && test "$(cat "$tmp/rc")" = 64 &&
	grep -q "mynotes or marks" "$tmp/err"
}
check "--list of something else is a usage error naming mynotes and marks" bad_what

corrupt_left() {
	mkdir -p "$tmp/st" && printf 'junk\n' >"$tmp/st/meta-ai-0000000000000000.rec" &&
	run -f "$data" --list mynotes --state-dir="$tmp/st" &&
	test "$(cat "$tmp/rc")" = 0 && test ! -s "$tmp/err" &&
	test "$(ls "$tmp/st")" = meta-ai-0000000000000000.rec
}
check "a foreign file in the state directory is left as it is" corrupt_left
