# rules for tests/fuzz: libFuzzer targets (configure CC=clang --enable-fuzzing),
# the bad data files (tests/bad-data.sh) and the valgrind runs
# (tests/valgrind.sh).
#
# The fuzz targets link a copy of the core built with ASan, UBSan and
# libFuzzer's coverage (-fsanitize=fuzzer-no-link); only the targets
# themselves get -fsanitize=fuzzer, which brings libFuzzer's main.
# `make fuzz-smoke` runs each target FUZZ_SECONDS on a copy of its corpus.

fuzz_core_sources = $(core_sources)
FUZZ_SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer -g
FUZZ_CORE_CFLAGS = $(FUZZ_SAN_FLAGS) -fsanitize=fuzzer-no-link
FUZZ_LINK_FLAGS = $(FUZZ_SAN_FLAGS) -fsanitize=fuzzer
fuzz_programs = tests/fuzz/fuzz-load tests/fuzz/fuzz-wrap tests/fuzz/fuzz-search \
	tests/fuzz/fuzz-fold tests/fuzz/fuzz-cli tests/fuzz/fuzz-import
FUZZ_SECONDS = 60

if FUZZING
noinst_LIBRARIES += tests/fuzz/libfuzzcore.a
tests_fuzz_libfuzzcore_a_SOURCES = $(fuzz_core_sources)
tests_fuzz_libfuzzcore_a_CFLAGS = $(AM_CFLAGS) $(FUZZ_CORE_CFLAGS)
# Inputs of 4 KiB and more are read and parsed on two cores, as files of
# 4 MiB are, and files are read in pieces of 512 bytes instead of 1 MiB,
# so that fuzz-load reaches the split read, the joints between pieces,
# the parse in halves and their merge.
FUZZ_CPPFLAGS = $(AM_CPPFLAGS) -DREC_PARALLEL_MIN=4096 -DREAD_PIECE=512UL
tests_fuzz_libfuzzcore_a_CPPFLAGS = $(FUZZ_CPPFLAGS)

noinst_PROGRAMS += $(fuzz_programs)
tests_fuzz_fuzz_load_SOURCES = tests/fuzz/fuzz-load.c
tests_fuzz_fuzz_load_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_fuzz_load_CFLAGS = $(AM_CFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_load_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_load_LDADD = tests/fuzz/libfuzzcore.a
tests_fuzz_fuzz_wrap_SOURCES = tests/fuzz/fuzz-wrap.c
tests_fuzz_fuzz_wrap_CFLAGS = $(AM_CFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_wrap_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_wrap_LDADD = tests/fuzz/libfuzzcore.a
tests_fuzz_fuzz_search_SOURCES = tests/fuzz/fuzz-search.c
tests_fuzz_fuzz_search_CPPFLAGS = $(AM_CPPFLAGS) \
	-DBUNDLED='"$(abs_top_srcdir)/data/meta-ai.rec"'
tests_fuzz_fuzz_search_CFLAGS = $(AM_CFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_search_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_search_LDADD = tests/fuzz/libfuzzcore.a
tests_fuzz_fuzz_fold_SOURCES = tests/fuzz/fuzz-fold.c
tests_fuzz_fuzz_fold_CFLAGS = $(AM_CFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_fold_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_fold_LDADD = tests/fuzz/libfuzzcore.a
tests_fuzz_fuzz_cli_SOURCES = tests/fuzz/fuzz-cli.c $(cli_sources)
tests_fuzz_fuzz_cli_CFLAGS = $(AM_CFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_cli_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_cli_LDADD = tests/fuzz/libfuzzcore.a
# The importer, with its own copy of the import modules.
tests_fuzz_fuzz_import_SOURCES = tests/fuzz/fuzz-import.c $(src_libimport_a_SOURCES)
tests_fuzz_fuzz_import_CFLAGS = $(AM_CFLAGS) $(LIBXML_CFLAGS) $(FUZZ_CORE_CFLAGS) \
	$(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_import_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_import_LDADD = tests/fuzz/libfuzzcore.a $(LIBXML_LIBS)

# Each target on a scratch copy of its corpus (new inputs are not written
# into the source tree); a crash leaves its input in tests/fuzz/crash-*.
fuzz-smoke: $(fuzz_programs)
	@tmp=`mktemp -d "$${TMPDIR:-/tmp}/fuzz-smoke.XXXXXX"` || exit 1; \
	trap 'rm -rf "$$tmp"' 0; rc=0; \
	for t in load wrap search fold cli import; do \
	  mkdir "$$tmp/$$t" && cp $(srcdir)/tests/fuzz/corpus/$$t/* "$$tmp/$$t/" || exit 1; \
	  dict=; case $$t in load|cli) dict=-dict=$(srcdir)/tests/fuzz/load.dict;; esac; \
	  echo "fuzz-smoke: fuzz-$$t for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=$${ASAN_OPTIONS:-detect_leaks=1} \
	  ./tests/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -timeout=10 -rss_limit_mb=2048 -max_len=65536 $$dict \
	    -artifact_prefix=tests/fuzz/ "$$tmp/$$t" >"$$tmp/$$t.log" 2>&1; \
	  st=$$?; grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|#[0-9]+[[:space:]]+DONE)' "$$tmp/$$t.log"; \
	  if test $$st -ne 0; then \
	    rc=1; echo "fuzz-smoke: fuzz-$$t FAILED (exit $$st):"; tail -60 "$$tmp/$$t.log"; \
	  fi; \
	done; exit $$rc
else
fuzz-smoke:
	@echo "fuzz-smoke: configure with CC=clang --enable-fuzzing" >&2; exit 1
endif
.PHONY: fuzz-smoke
CLEANFILES += tests/fuzz/crash-* tests/fuzz/leak-* tests/fuzz/timeout-* \
	tests/fuzz/oom-* tests/fuzz/slow-unit-*

# Whole directories: every file in them is shipped.
EXTRA_DIST += tests/fuzz/load.dict tests/fuzz/corpus tests/fuzz/README

# make check replays each corpus (seeds and regression inputs) through its
# target with an ordinary build, one child process per input.
fuzz_replays = tests/fuzz/replay-load tests/fuzz/replay-wrap \
	tests/fuzz/replay-search tests/fuzz/replay-fold tests/fuzz/replay-cli
check_PROGRAMS += $(fuzz_replays)
TESTS += $(fuzz_replays)
tests_fuzz_replay_load_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-load.c
tests_fuzz_replay_load_CPPFLAGS = $(AM_CPPFLAGS) \
	-DCORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/load"'
tests_fuzz_replay_load_LDADD = src/libcore.a
tests_fuzz_replay_wrap_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-wrap.c
tests_fuzz_replay_wrap_CPPFLAGS = $(AM_CPPFLAGS) \
	-DCORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/wrap"'
tests_fuzz_replay_wrap_LDADD = src/libcore.a
tests_fuzz_replay_search_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-search.c
tests_fuzz_replay_search_CPPFLAGS = $(AM_CPPFLAGS) \
	-DCORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/search"' \
	-DBUNDLED='"$(abs_top_srcdir)/data/meta-ai.rec"'
tests_fuzz_replay_search_LDADD = src/libcore.a
tests_fuzz_replay_fold_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-fold.c
tests_fuzz_replay_fold_CPPFLAGS = $(AM_CPPFLAGS) \
	-DCORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/fold"'
tests_fuzz_replay_fold_LDADD = src/libcore.a
tests_fuzz_replay_cli_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-cli.c
tests_fuzz_replay_cli_CPPFLAGS = $(AM_CPPFLAGS) \
	-DCORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/cli"'
tests_fuzz_replay_cli_LDADD = src/libcli.a src/libcore.a

check_PROGRAMS += tests/fuzz/replay-import
TESTS += tests/fuzz/replay-import
tests_fuzz_replay_import_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-import.c
tests_fuzz_replay_import_CPPFLAGS = $(AM_CPPFLAGS) \
	-DCORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/import"'
tests_fuzz_replay_import_LDADD = src/libimport.a src/libcore.a $(LIBXML_LIBS)

# Bad data, and memory checks under valgrind.
TESTS += tests/bad-data.sh tests/valgrind.sh
EXTRA_DIST += tests/bad-data.sh tests/valgrind.sh tests/data/bad
