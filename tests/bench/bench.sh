#!/bin/sh
# make bench: dossier timed at several sizes of the bundled dossier, each
# number beside a reference measured in the same run on the same file
# (wc -l, grep -F, less).  See tests/bench/README.
#
# Environment (make bench sets them): DOSSIER, GEN, TTY, CORE (the
# programs), SRCDATA (the bundled dossier), BENCH_DIR (where the generated
# files go), BENCH_SCALES (default "1 100 1000"), BENCH_RUNS (default 7),
# HYPERFINE (optional: whole-command timings are then also taken by it).

set -u
: "${DOSSIER:?}" "${GEN:?}" "${TTY:?}" "${CORE:?}" "${SRCDATA:?}" "${BENCH_DIR:?}"
: "${BENCH_SCALES:=1 100 1000}" "${BENCH_RUNS:=7}" "${HYPERFINE:=}"
LC_ALL=C.UTF-8
export LC_ALL
unset DOSSIER_FILE LESS LESSOPEN LESSCLOSE NO_COLOR
# Every session a first one: a saved reading place would change the frame
# waited for, and saving it is no part of what is measured.
DOSSIER_STATE_DIR=-; export DOSSIER_STATE_DIR

Q1=openai       # typed one key at a time: 6 Latin characters
Q2=扎克伯       # and 3 Chinese ones

mkdir -p "$BENCH_DIR" || exit 1
report=$BENCH_DIR/report.txt
: > "$report"

say() { printf '%s\n' "$*" | tee -a "$report"; }

# Runs a bench-tty/bench-core command, prefixing its RESULT names.
collect() {
	prefix=$1
	shift
	"$@" > "$BENCH_DIR/out.tmp" || { cat "$BENCH_DIR/out.tmp" >&2; exit 1; }
	sed -n "s/^RESULT /RESULT $prefix./p" "$BENCH_DIR/out.tmp" >> "$results"
}

# hyperfine's median, in ms, of one command (output through a pipe, since
# GNU grep stops at its first match when writing to /dev/null).
hf() {
	prefix=$1
	shift
	[ -n "$HYPERFINE" ] || return 0
	"$HYPERFINE" -N --warmup 2 --runs "$BENCH_RUNS" --output=pipe --style=none \
	    --export-csv "$BENCH_DIR/hf.csv" -- "$*" > /dev/null 2>&1 || return 0
	awk -F, -v p="$prefix" 'NR == 2 { printf "RESULT %s.hf %.3f %.3f %.3f %d ms\n", p, $4 * 1000, $7 * 1000, $8 * 1000, 0 }' \
	    "$BENCH_DIR/hf.csv" >> "$results"
}

say "dossier benchmark  $(date -u '+%Y-%m-%d %H:%M UTC')  $(uname -srm)"
say "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') x $(nproc 2>/dev/null)"
say "runs per median: $BENCH_RUNS; terminal 120x40; queries typed: Q1 = $Q1, Q2 = $Q2"
say ""

for n in $BENCH_SCALES; do
	file=$BENCH_DIR/x$n.rec
	text=$BENCH_DIR/x$n.txt
	if [ ! -s "$file" ] || [ ! -s "$text" ] || [ "$GEN" -nt "$file" ] || [ "$SRCDATA" -nt "$file" ]; then
		"$GEN" -n "$n" -o "$file" -t "$text" "$SRCDATA" || exit 1
	fi
	"$DOSSIER" --check -f "$file" > /dev/null || { echo "bench: $file does not pass --check" >&2; exit 1; }
	results=$BENCH_DIR/results-x$n.txt
	: > "$results"
	size=$(wc -c < "$file")
	lines=$(wc -l < "$file")
	first=$(head -n 1 "$file" | cut -c 1-30)
	tfirst=$(head -n 1 "$text" | cut -c 1-12)

	# Whole commands, warm cache (the first run of each is dropped).
	"$DOSSIER" --check -f "$file" > /dev/null; wc -l "$file" > /dev/null
	collect check "$TTY" run -r "$BENCH_RUNS" -- "$DOSSIER" --check -f "$file"
	collect wc "$TTY" run -r "$BENCH_RUNS" -- wc -l "$file"
	collect grep1 "$TTY" run -r "$BENCH_RUNS" -- grep -F -c -i "$Q1" "$file"
	collect grep2 "$TTY" run -r "$BENCH_RUNS" -- grep -F -c -i "$Q2" "$file"
	hf check "$DOSSIER" --check -f "$file"
	hf wc wc -l "$file"
	hf grep1 grep -F -c -i "$Q1" "$file"
	hf grep2 grep -F -c -i "$Q2" "$file"
	# The article text imported as one article (three runs: at 1000x it
	# is 21 MB of text, and an import is not what a reader waits for).
	collect import "$TTY" run -r 3 -- "$DOSSIER" --import="$text"
	collect wctxt "$TTY" run -r "$BENCH_RUNS" -- wc -l "$text"
	# The screen: dossier, less on the same file, less on the article text.
	collect less "$TTY" less -r "$BENCH_RUNS" -w "$first" -- less "$file"
	collect lesstxt "$TTY" less -r "$BENCH_RUNS" -w "$tfirst" -- less "$text"
	collect ui "$TTY" dossier -r "$BENCH_RUNS" -q "$Q1" -q "$Q2" -- "$DOSSIER" -f "$file"
	collect core "$CORE" -r 3 -q "$Q1" -q "$Q2" "$file"

	say "== ${n}x: $size bytes, $lines lines: $file"
	awk -v size="$size" -v n="$n" -v q1="$Q1" -v q2="$Q2" -v hf="$HYPERFINE" '
	$1 == "RESULT" { med[$2] = $3; lo[$2] = $4; hi[$2] = $5 }
	function has(k) { return k in med }
	# A whole-command time: hyperfine when it ran, else bench-tty run.
	function wall(p) { return has(p ".hf") ? med[p ".hf"] : med[p ".wall"] }
	function row(name, v, unit, refname, ref, target, ok) {
		if (v == "")
			return
		printf "%-34s %10s %-4s  %-28s %9s  %7s  %s\n", name, sprintf("%.1f", v), unit,
		    refname, ref == "" ? "" : sprintf("%.1f ms", ref),
		    ref == "" || ref == 0 ? "" : sprintf("%.1fx", v / ref),
		    target == "" ? "" : target (ok ? "  ok" : "  MISSED")
	}
	END {
		printf "%-34s %15s  %-28s %9s  %7s  %s\n", "metric (median)", "dossier", "reference", "", "ratio", "target"
		wc = wall("wc"); g1 = wall("grep1"); g2 = wall("grep2")
		lf = med["less.frame"]; lt = med["lesstxt.frame"]
		row("load: dossier --check", wall("check"), "ms", "wc -l", wc)
		row("dossier --import TEXT", med["import.wall"], "ms", "wc -l TEXT", med["wctxt.wall"])
		mb = size / 1048576; rss = med["check.rss"] / 1024
		printf "%-34s %10.1f %-4s  %-28s %6.2f MiB  %6.2fx  %s\n", "peak RSS: dossier --check", rss, "MiB",
		    "file size", mb, rss / mb, n == 1000 ? "<= 3x file" (rss <= 3 * mb ? "  ok" : "  MISSED") : ""
		srss = med["ui.session.rss"] / 1024
		printf "%-34s %10.1f %-4s  %-28s %6.2f MiB  %6.2fx\n", "peak RSS: session (after search)", srss, "MiB",
		    "file size", mb, srss / mb
		f = med["ui.frame"]
		row("first frame", f, "ms", "wc -l", wc, n == 1000 ? "<= 200 ms, <= 10x wc" : "",
		    f <= 200 && f <= 10 * wc)
		row("", f, "ms", "less FILE, first frame", lf)
		row("", f, "ms", "less TEXT, first frame", lt, n == 1 ? "<= less TEXT" : "", f <= lt)
		worst = med["ui.q0.key1"]
		row("search at once: Q1 key 1", worst, "ms", "grep -F -c -i Q1", g1,
		    n == 1000 ? "<= 250 ms" : "", worst <= 250)
		worst = 0
		for (q = 1; q <= 2; q++) {
			g = q == 1 ? g1 : g2
			for (k = 1; has("ui.q" q ".key" k); k++) {
				v = med["ui.q" q ".key" k]
				if (v > worst) worst = v
				label = sprintf("search Q%d key %d (%d hits)", q, k, med["ui.q" q ".hits" k])
				row(label, v, "ms", k == 1 ? "grep -F -c -i Q" q : "", k == 1 ? g : "",
				    n == 1000 ? "<= 16 ms" : "", v <= 16)
			}
		}
		row("search: slowest key, full count", worst, "ms", "grep -F -c -i Q1", g1,
		    n == 1000 ? "<= 250 ms" : "", worst <= 250)
		row("n (next hit)", med["ui.next"], "ms", "grep -F -c -i Q1", g1,
		    n == 1000 ? "<= 16 ms" : "", med["ui.next"] <= 16)
		row("Space at the top", med["ui.page.top"], "ms", "less FILE, Space", med["less.page.top"],
		    n == 1000 ? "<= 5 ms" : "", med["ui.page.top"] <= 5)
		row("G (to the bottom)", med["ui.bottom"], "ms", "less FILE, G", med["less.bottom"],
		    n == 1000 ? "<= 5 ms" : "", med["ui.bottom"] <= 5)
		row("b at the bottom", med["ui.page.bottom"], "ms", "less FILE, b", med["less.page.bottom"],
		    n == 1000 ? "<= 5 ms" : "", med["ui.page.bottom"] <= 5)
		printf "in process (bench-core): rec %.1f, model %.1f, index %.1f, search corpus %.1f, Q1 key 1 %.1f, Q1 %.1f, Q2 %.1f ms\n",
		    med["core.rec"], med["core.model"], med["core.index"], med["core.search.build"],
		    med["core.search.first"], med["core.search." q1], med["core.search." q2]
		if (hf != "")
			printf "whole commands timed by hyperfine (bench-tty run: check %.1f, wc %.1f, grep %.1f/%.1f ms)\n",
			    med["check.wall"], med["wc.wall"], med["grep1.wall"], med["grep2.wall"]
	}' "$results" | tee -a "$report"
	say ""
done
say "(all results: $BENCH_DIR/results-x*.txt; this table: $report)"
