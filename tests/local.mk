# rules for tests: cmocka unit tests of the core, one program per module,
# and a TAP shell script that checks the bundled dossier against its source.
# All run under automake's TAP driver (CMOCKA_MESSAGE_OUTPUT=TAP).
check_PROGRAMS += tests/test-rec tests/test-model tests/test-index \
	tests/test-text tests/test-fold tests/test-search tests/test-bundled \
	tests/test-layout tests/test-multi
TESTS += tests/test-rec tests/test-model tests/test-index \
	tests/test-text tests/test-fold tests/test-search tests/test-bundled \
	tests/test-layout tests/test-multi tests/bundled-data.sh tests/multi-cli.sh

tests_test_rec_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_rec_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_model_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_model_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_index_SOURCES = tests/test-index.c tests/bundled.c tests/bundled.h
tests_test_index_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_index_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_text_SOURCES = tests/test-text.c tests/bundled.c tests/bundled.h
tests_test_text_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_text_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_fold_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_fold_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_search_SOURCES = tests/test-search.c tests/bundled.c tests/bundled.h
tests_test_search_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_search_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_bundled_SOURCES = tests/test-bundled.c tests/bundled.c tests/bundled.h
tests_test_bundled_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_bundled_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_layout_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_layout_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_multi_SOURCES = tests/test-multi.c tests/bundled.c tests/bundled.h
tests_test_multi_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_multi_LDADD = src/libcore.a $(CMOCKA_LIBS)

# The bundled data against the seed article.
EXTRA_DIST += tests/bundled-data.sh tests/data/seed/article.txt tests/data/multi.rec \
	tests/multi-cli.sh
