#!/bin/sh
# Hostile text never reaches the terminal raw.  tests/data/hostile holds a
# valid dossier with escape sequences, C0 and C1 controls, DEL, bidi
# controls and separators in every kind of field (fields.rec), and bad
# dossiers whose error messages quote such values (bad-*.rec).  Checked
# byte for byte against the expected files beside them: --check, --list of
# each kind, --search, and the whole of stderr; and, whatever the expected
# files say, no output may hold a control byte (other than the tab and
# newline of the format), a C1 control or a bidi control.  Also the
# messages that quote the command line and the file's name.  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
case $DOSSIER in /*) ;; *) DOSSIER=$PWD/$DOSSIER ;; esac
data=$top_srcdir/tests/data/hostile
tmp=${TMPDIR:-/tmp}/hostile.$$
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
# Bad dossiers are read from here, so that messages name them plainly.
cp "$data"/*.rec "$tmp"/ || exit 99

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }

esc=$(printf '\033')
# Raw bytes no output may hold: C0 but tab and newline, DEL; C1 (U+0080 to
# U+009F: 0xC2 0x80-0x9F); U+2028-U+202E and U+2066-U+2069.
c0=$(printf '[\001-\010\013-\037\177]')
c1=$(printf '\302[\200-\237]')
bidi=$(printf '\342\200[\250-\256]')
isol=$(printf '\342\201[\246-\251]')

# unsafe FILE: says what raw control FILE holds, if any.
unsafe() {
	if ! tr -d '\000' <"$1" | cmp -s - "$1"; then echo "a NUL byte"
	elif LC_ALL=C grep -q "$c0" "$1"; then echo "a C0 control or DEL"
	elif LC_ALL=C grep -q "$c1" "$1"; then echo "a C1 control"
	elif LC_ALL=C grep -q -e "$bidi" -e "$isol" "$1"; then echo "a bidi control"
	fi
}

# same NAME WANT_RC RC GOT WANT: GOT must equal the file WANT byte for byte
# and hold nothing unsafe, and the exit status must be WANT_RC.
same() {
	name=$1 want_rc=$2 rc=$3 got=$4 want=$5
	bad=$(unsafe "$got")
	if test -n "$bad"; then
		not_ok "$name: output holds $bad"
		od -c "$got" | head -10 | sed 's/^/# /'
	elif test "$rc" -ne "$want_rc"; then
		not_ok "$name: exit $rc, want $want_rc"
	elif cmp -s "$got" "$want"; then
		ok "$name"
	else
		not_ok "$name: differs from ${want#"$top_srcdir"/}"
		diff "$want" "$got" | cat -v | head -10 | sed 's/^/# /'
	fi
}

# The valid hostile dossier through every kind of output.
"$DOSSIER" --check -f "$data/fields.rec" >"$tmp/out" 2>"$tmp/err"
same "--check" 0 $? "$tmp/out" "$data/fields.check"
for what in articles people orgs events paragraphs glosses; do
	"$DOSSIER" --list "$what" -f "$data/fields.rec" >"$tmp/out" 2>"$tmp/err"
	same "--list $what" 0 $? "$tmp/out" "$data/fields.$what"
done
# bridge: the whole of an Alias, so the mentions in Mallory's other forms
# are hits too, and their sixth column names him.
for q in mallory esc backslash rlo bridge; do
	case $q in
	esc) query=$esc ;;
	backslash) query='\x1b' ;;
	bridge) query='M\x1b' ;;
	rlo) query=$(printf '\342\200\256') ;;
	*) query=$q ;;
	esac
	"$DOSSIER" --search "$query" -f "$data/fields.rec" >"$tmp/out" 2>"$tmp/err"
	same "--search ($q)" 0 $? "$tmp/out" "$data/fields.search-$q"
done

# Bad dossiers: the whole of stderr, and nothing on stdout.
for f in "$data"/bad-*.rec; do
	name=${f##*/}
	(cd "$tmp" && "$DOSSIER" --check -f "$name" >out 2>err)
	rc=$?
	if test -s "$tmp/out"; then
		not_ok "$name: stdout not empty"
	else
		same "$name: messages" 65 $rc "$tmp/err" "${f%.rec}.err"
	fi
done

# The file's name is escaped too.
evil="$tmp/a${esc}]0;x$(printf '\007')b.rec"
cp "$data/bad-id.rec" "$evil"
"$DOSSIER" --check -f "$evil" >"$tmp/out" 2>"$tmp/err"
rc=$?
printf '%s/a\\x1b]0;x\\x07b.rec:16: malformed Id '"'"'ma\\x1b[2Jl'"'"' (allowed: A-Z a-z 0-9 _ -)\n' \
	"$tmp" >"$tmp/want"
same "a file name with controls" 65 $rc "$tmp/err" "$tmp/want"
"$DOSSIER" --check -f "$tmp/missing${esc}[2J.rec" >"$tmp/out" 2>"$tmp/err"
rc=$?
bad=$(unsafe "$tmp/err")
if test $rc -eq 66 && test -z "$bad" && grep -q 'missing\\x1b\[2J' "$tmp/err"; then
	ok "a missing file with controls in its name"
else
	not_ok "a missing file with controls in its name: exit $rc${bad:+, stderr holds $bad}"
	cat -v "$tmp/err" | sed 's/^/# /'
fi

# The command line, quoted in usage messages.
usage() {
	name=$1 want=$2
	shift 2
	"$DOSSIER" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	printf '%s\n' "$want" "Try 'dossier --help' for more information." >"$tmp/want"
	same "$name" 64 $rc "$tmp/err" "$tmp/want"
}
usage "--list with controls" \
	"dossier: --list wants articles, people, orgs, events, paragraphs, glosses, notes, mynotes or marks, not '\\x1b[2J\\u202e'" \
	--list "${esc}[2J$(printf '\342\200\256')"
usage "an unknown long option" "dossier: unrecognized option '--x\\x1b[2J'" "--x${esc}[2J"
usage "an unknown short option" "dossier: invalid option -- '\\x1b'" "-${esc}"
usage "an unknown short option after a long one" "dossier: invalid option -- '\\x1b'" \
	--check "-c${esc}"
usage "a second operand" "dossier: unexpected argument 'b\\x07'" a "b$(printf '\007')"
usage "an argument to --check" "dossier: option '--check' doesn't allow an argument" \
	"--check=${esc}"
usage "a missing argument" "dossier: option '--file' requires an argument" --file

echo "1..$n"
