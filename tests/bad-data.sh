#!/bin/sh
# Bad data: dossier --check -f FILE on every tests/data/bad/NAME.rec and on
# files made here (a 10 MB line, 100 000 fields, 100 000 continuation lines,
# an empty file, a sparse file over the size limit, a directory, a FIFO, a
# device, an unreadable file, a missing file, CR-only line ends, a dropped
# field's continuation, memory and stack limits).  Each must exit with its
# status (NAME.status, else 65), write nothing to stdout, and give as its
# first stderr line the one in NAME.err, where FILE stands for the path; a
# NAME.err of several lines is the whole of stderr.  A file without
# NAME.err is held to its first "# expect: LINE: message" line.  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
bad=$top_srcdir/tests/data/bad
tmp=${TMPDIR:-/tmp}/bad-data.$$
mkdir "$tmp" || exit 99
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $*"; }
diag() { sed 's/^/# /' "$@"; }

# check NAME FILE STATUS WANT [WRAPPER...]: the first stderr line of
# dossier --check -f FILE, with FILE's path replaced by "FILE", must be WANT
# (all of stderr, if WANT has several lines).
check() {
	name=$1 file=$2 want_rc=$3 want=$4
	shift 4
	"$@" "$DOSSIER" --check -f "$file" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	lines=$(printf '%s\n' "$want" | wc -l)
	if test "$lines" -gt 1; then
		got=$(awk -v f="$file" '{ if (index($0, f) == 1) $0 = "FILE" substr($0, length(f) + 1); print }' "$tmp/err")
	else
		first=$(sed -n 1p "$tmp/err")
		case $first in
		"$file"*) got=FILE${first#"$file"} ;;
		*) got=$first ;;
		esac
	fi
	why=
	if test "$rc" -gt 128; then
		why="killed by signal $((rc - 128))"
	elif test "$rc" -ne "$want_rc"; then
		why="exit $rc, want $want_rc"
	fi
	test "x$got" = "x$want" || why="${why:+$why; }first stderr line differs"
	test -s "$tmp/out" && why="${why:+$why; }stdout not empty"
	if test -z "$why"; then
		ok "$name: exit $rc, $want"
	else
		not_ok "$name: $why"
		echo "# want: $want"
		echo "# got:  $got"
		diag "$tmp/err" | head -5
		test -s "$tmp/out" && diag "$tmp/out" | head -5
	fi
}

# The shipped files.
for f in "$bad"/*.rec; do
	test -f "$f" || continue
	name=${f##*/}
	name=${name%.rec}
	if test -f "$bad/$name.err"; then
		want=$(cat "$bad/$name.err")
	else
		want=$(sed -n 's/^# expect: /FILE:/p' "$f" | sed -n 1p)
	fi
	if test -z "$want"; then
		not_ok "$name: neither $name.err nor a '# expect:' line says what to expect"
		continue
	fi
	status=65
	test -f "$bad/$name.status" && status=$(cat "$bad/$name.status")
	check "$name" "$f" "$status" "$want"
done

# Generated cases: too big to ship, or not files at all.
printf '%%rec: Dossier\n\nTitle: ' >"$tmp/long-line.rec"
dd if=/dev/zero bs=1024 count=10240 2>/dev/null | tr '\0' x >>"$tmp/long-line.rec"
echo >>"$tmp/long-line.rec"
check "long-line (10 MB single line)" "$tmp/long-line.rec" 65 \
	"FILE:3: line longer than 1048576 bytes"

awk 'BEGIN {
	print "%rec: Dossier"; print ""; print "Title: T"
	for (i = 1; i < 100000; i++) print "Field" i ": v"
}' >"$tmp/many-fields.rec"
check "many-fields (100 000 fields in one record)" "$tmp/many-fields.rec" 65 \
	"FILE:4099: more than 4096 fields in one record"

# A value of 100 000 '+' lines must load in linear time (each line once
# re-copied the whole value: 50 s here), then the error after it is found.
with_timeout=
command -v timeout >/dev/null 2>&1 && with_timeout="timeout 20"
awk 'BEGIN {
	print "%rec: Dossier"; print ""; print "Title: T"
	for (i = 1; i <= 100000; i++) print "+ continuation line " i
	print "no colon here"
}' >"$tmp/many-continuations.rec"
check "many-continuations (100 000 '+' lines, then an error)" \
	"$tmp/many-continuations.rec" 65 \
	"FILE:100004: field line without ':'" $with_timeout

# The field past the limit is dropped with its '+' line: one error.
awk 'BEGIN {
	print "%rec: Dossier"; print ""; print "Title: T"
	for (i = 1; i <= 4096; i++) print "Field" i ": v"
	print "Dropped: v"; print "+ and its continuation"
}' >"$tmp/dropped-continuation.rec"
check "a dropped field's continuation line" "$tmp/dropped-continuation.rec" 65 \
	"FILE:4099: more than 4096 fields in one record"
if test "$(wc -l <"$tmp/err")" -eq 1; then
	ok "a dropped field's continuation line: no second error"
else
	not_ok "a dropped field's continuation line: $(sed -n 2p "$tmp/err")"
fi

# Thirty bad lines: twenty shown, and how many more there were.
awk 'BEGIN { print "%rec: Dossier"; print ""; for (i = 3; i <= 32; i++) print "bad line " i }' \
	>"$tmp/thirty-errors.rec"
want=$(awk 'BEGIN { for (i = 3; i <= 22; i++) print "FILE:" i ": field line without '"':'"'"
	print "FILE: 10 more errors not shown" }')
check "thirty syntax errors" "$tmp/thirty-errors.rec" 65 "$want"

: >"$tmp/empty.rec"
check "empty file" "$tmp/empty.rec" 65 "FILE:1: no Dossier record"

# One byte over the 1 GiB limit, sparse: refused before it is read.
if dd if=/dev/null of="$tmp/huge.rec" bs=1 seek=1073741825 2>/dev/null; then
	check "huge (sparse, 1 GiB + 1 byte)" "$tmp/huge.rec" 65 \
		"FILE: file larger than 1073741824 bytes"
	rm -f "$tmp/huge.rec"
else
	skip "huge: cannot make a sparse file in $tmp"
fi

mkdir "$tmp/dir.rec"
check "a directory" "$tmp/dir.rec" 66 "FILE: is a directory"

check "a missing file" "$tmp/no-such-file.rec" 66 \
	"FILE: No such file or directory"

if test -c /dev/null; then
	check "a device (/dev/null)" /dev/null 66 "FILE: not a regular file"
else
	skip "a device: no /dev/null"
fi

# A FIFO with no writer: opening it must not wait.
if mkfifo "$tmp/fifo.rec" 2>/dev/null; then
	check "a FIFO" "$tmp/fifo.rec" 66 "FILE: not a regular file" $with_timeout
else
	skip "a FIFO: mkfifo failed"
fi

printf '%%rec: Dossier\n\nTitle: T\n' >"$tmp/unreadable.rec"
chmod 000 "$tmp/unreadable.rec"
if test -r "$tmp/unreadable.rec"; then
	skip "an unreadable file: running as root (uid $(id -u)), which reads a mode 000 file anyway"
else
	check "an unreadable file (mode 000)" "$tmp/unreadable.rec" 66 \
		"FILE: Permission denied"
fi

echo "1..$n"
