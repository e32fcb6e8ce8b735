# rules for tests/bench: `make bench` times dossier on dossiers 1, 100 and
# 1000 times the bundled one, beside wc, grep and less on the same files
# (see tests/bench/README).  The programs are check programs, so that
# `make check` builds them; the generator is also tested there.
check_PROGRAMS += tests/bench/gen-dossier tests/bench/bench-core
if HAVE_VTERM
check_PROGRAMS += tests/bench/bench-tty
endif

tests_bench_gen_dossier_SOURCES = tests/bench/gen-dossier.c
tests_bench_gen_dossier_LDADD = src/libcore.a
tests_bench_bench_core_SOURCES = tests/bench/bench-core.c
tests_bench_bench_core_LDADD = src/libcore.a
tests_bench_bench_tty_SOURCES = tests/bench/bench-tty.c
tests_bench_bench_tty_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/e2e
tests_bench_bench_tty_CFLAGS = $(AM_CFLAGS) $(VTERM_CFLAGS)
tests_bench_bench_tty_LDADD = tests/e2e/libvt.a $(VTERM_LIBS)

TESTS += tests/bench/gen-check.sh
EXTRA_DIST += tests/bench/README tests/bench/bench.sh tests/bench/gen-check.sh

# make bench BENCH_SCALES="1 100" BENCH_RUNS=11 to change them.
BENCH_SCALES = 1 100 1000
BENCH_RUNS = 7
BENCH_DIR = $(abs_top_builddir)/tests/bench/out

bench: src/dossier$(EXEEXT) tests/bench/gen-dossier$(EXEEXT) \
    tests/bench/bench-tty$(EXEEXT) tests/bench/bench-core$(EXEEXT)
	DOSSIER='$(abs_top_builddir)/src/dossier$(EXEEXT)' \
	GEN='$(abs_top_builddir)/tests/bench/gen-dossier$(EXEEXT)' \
	TTY='$(abs_top_builddir)/tests/bench/bench-tty$(EXEEXT)' \
	CORE='$(abs_top_builddir)/tests/bench/bench-core$(EXEEXT)' \
	SRCDATA='$(abs_top_srcdir)/data/meta-ai.rec' \
	BENCH_DIR='$(BENCH_DIR)' BENCH_SCALES='$(BENCH_SCALES)' \
	BENCH_RUNS='$(BENCH_RUNS)' HYPERFINE='$(HYPERFINE)' \
	$(SHELL) $(srcdir)/tests/bench/bench.sh

bench-clean:
	rm -rf '$(BENCH_DIR)'

clean-local: bench-clean

.PHONY: bench bench-clean
