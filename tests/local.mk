# rules for tests: cmocka unit tests of the core, one program per module,
# and a TAP shell script that checks the bundled dossier against its source.
# All run under automake's TAP driver (CMOCKA_MESSAGE_OUTPUT=TAP).
# Without cmocka (configure --enable-tests=auto) they are skipped.
if HAVE_CMOCKA
check_PROGRAMS += tests/test-rec tests/test-model tests/test-index \
	tests/test-text tests/test-ambiwidth tests/test-fold tests/test-search tests/test-bundled \
	tests/test-layout tests/test-escape tests/test-prompt tests/test-keys tests/test-input \
	tests/test-reload tests/test-view tests/test-multi tests/test-view-multi tests/test-view-comfort \
	tests/test-bridge
TESTS += tests/test-rec tests/test-model tests/test-index \
	tests/test-text tests/test-ambiwidth tests/test-fold tests/test-search tests/test-bundled \
	tests/test-layout tests/test-escape tests/test-prompt tests/test-keys tests/test-input \
	tests/test-reload tests/test-view tests/test-multi tests/test-view-multi tests/test-view-comfort \
	tests/test-bridge

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
tests_test_ambiwidth_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_ambiwidth_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_fold_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_fold_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_search_SOURCES = tests/test-search.c tests/bundled.c tests/bundled.h
tests_test_search_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_search_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_bundled_SOURCES = tests/test-bundled.c tests/bundled.c tests/bundled.h
tests_test_bundled_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_bundled_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_layout_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_layout_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
tests_test_multi_SOURCES = tests/test-multi.c tests/bundled.c tests/bundled.h
tests_test_multi_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_multi_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_view_multi_SOURCES = tests/test-view-multi.c tests/bundled.c tests/bundled.h tests/view-fixture.c tests/view-fixture.h
tests_test_view_multi_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(NCURSESW_CFLAGS)
tests_test_view_multi_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
# The prompt's line editor, the key table and the keyboard's decoding: the
# view's logic without a terminal (curses only for its KEY_* codes).
tests_test_prompt_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(NCURSESW_CFLAGS)
tests_test_prompt_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
tests_test_keys_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(NCURSESW_CFLAGS)
tests_test_keys_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
tests_test_input_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_input_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
tests_test_escape_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_escape_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_view_SOURCES = tests/test-view.c tests/bundled.c tests/bundled.h tests/view-fixture.c tests/view-fixture.h
tests_test_view_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(NCURSESW_CFLAGS)
tests_test_view_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
tests_test_view_comfort_SOURCES = tests/test-view-comfort.c tests/bundled.c tests/bundled.h tests/view-fixture.c tests/view-fixture.h
tests_test_view_comfort_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(NCURSESW_CFLAGS)
tests_test_view_comfort_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
tests_test_view_comfort_CPPFLAGS = $(bundled_cppflags)
tests_test_bridge_SOURCES = tests/test-bridge.c tests/bundled.c tests/bundled.h tests/view-fixture.c tests/view-fixture.h
tests_test_bridge_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(NCURSESW_CFLAGS)
tests_test_bridge_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
tests_test_bridge_CPPFLAGS = $(bundled_cppflags)
tests_test_reload_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_reload_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)

# The tests that read the bundled data find it from $top_srcdir, else here.
bundled_cppflags = $(AM_CPPFLAGS) -DBUILD_TOP_SRCDIR='"$(abs_top_srcdir)"'
tests_test_index_CPPFLAGS = $(bundled_cppflags)
tests_test_text_CPPFLAGS = $(bundled_cppflags)
tests_test_search_CPPFLAGS = $(bundled_cppflags)
tests_test_bundled_CPPFLAGS = $(bundled_cppflags)
tests_test_multi_CPPFLAGS = $(bundled_cppflags)
tests_test_view_multi_CPPFLAGS = $(bundled_cppflags)
tests_test_view_CPPFLAGS = $(bundled_cppflags)
endif
if !HAVE_SCREEN_TESTS
TESTS += tests/missing-libs.sh
endif
EXTRA_DIST += tests/missing-libs.sh
AM_TESTS_ENVIRONMENT += have_cmocka='$(have_cmocka)'; export have_cmocka; \
	have_vterm='$(have_vterm)'; export have_vterm;

TESTS += tests/bundled-data.sh tests/hostile.sh tests/write-error.sh \
	tests/build-paths.sh tests/limits.sh tests/read-error.sh tests/multi-cli.sh
EXTRA_DIST += tests/hostile.sh tests/data/hostile tests/write-error.sh \
	tests/build-paths.sh
AM_TESTS_ENVIRONMENT += PREFIX_MAP_CFLAGS='$(PREFIX_MAP_CFLAGS)'; \
	export PREFIX_MAP_CFLAGS; pkgdatadir='$(pkgdatadir)'; export pkgdatadir; \
	localedir='$(localedir)'; export localedir;

# The bundled data against the seed article.
EXTRA_DIST += tests/bundled-data.sh tests/data/seed/article.txt tests/limits.sh \
	tests/read-error.sh tests/read-error.c tests/data/multi.rec tests/multi-cli.sh

# The importer: its modules' unit tests, the measure on the seed and the
# command line.
if HAVE_CMOCKA
check_PROGRAMS += tests/test-reldate tests/test-names tests/test-import
TESTS += tests/test-reldate tests/test-names tests/test-import
tests_test_reldate_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_reldate_LDADD = src/libimport.a src/libcore.a $(CMOCKA_LIBS) $(LIBXML_LIBS)
tests_test_names_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_names_LDADD = src/libimport.a src/libcore.a $(CMOCKA_LIBS) $(LIBXML_LIBS)
tests_test_import_CPPFLAGS = $(bundled_cppflags)
tests_test_import_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_import_LDADD = src/libimport.a src/libcore.a $(CMOCKA_LIBS) $(LIBXML_LIBS)
endif
TESTS += tests/import-recall.sh tests/import-cli.sh
EXTRA_DIST += tests/import-recall.sh tests/import-cli.sh tests/data/import/article.html \
	tests/data/import/no-article.html tests/data/import/wrapped.txt \
	tests/data/import/fullwidth.txt

# The reader's own state: the format and merge, the files, and faults
# (a writer killed, a full disk, an unwritable directory, two writers).
if HAVE_CMOCKA
check_PROGRAMS += tests/test-state tests/test-state-store tests/test-state-faults \
	tests/test-state-list tests/test-state-view
TESTS += tests/test-state tests/test-state-store tests/test-state-faults \
	tests/test-state-list tests/test-state-view
EXTRA_DIST += tests/state-cli.sh
tests_test_state_SOURCES = tests/test-state.c tests/state-util.c tests/state-util.h
tests_test_state_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_state_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_state_store_SOURCES = tests/test-state-store.c tests/state-util.c tests/state-util.h
tests_test_state_store_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_state_store_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_state_faults_SOURCES = tests/test-state-faults.c tests/state-util.c tests/state-util.h
tests_test_state_faults_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_state_faults_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_state_list_SOURCES = tests/test-state-list.c tests/state-util.c tests/state-util.h \
	tests/bundled.c tests/bundled.h
tests_test_state_list_CPPFLAGS = $(bundled_cppflags)
tests_test_state_list_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_state_list_LDADD = src/libcore.a $(CMOCKA_LIBS)
tests_test_state_view_SOURCES = tests/test-state-view.c tests/state-util.c tests/state-util.h \
	tests/bundled.c tests/bundled.h tests/view-fixture.c tests/view-fixture.h
tests_test_state_view_CPPFLAGS = $(bundled_cppflags)
tests_test_state_view_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(NCURSESW_CFLAGS)
tests_test_state_view_LDADD = src/libview.a src/libcore.a $(CMOCKA_LIBS)
endif
TESTS += tests/state-cli.sh

# The messages: every one of the program translated in po/zh_CN.po, none
# fuzzy.  The catalogue is compiled into the build tree for the tests of
# the program in Chinese, which find it through DOSSIER_LOCALEDIR.
TESTS += tests/po-complete.sh tests/nls-cli.sh
EXTRA_DIST += tests/po-complete.sh tests/nls-cli.sh
AM_TESTS_ENVIRONMENT += MSGFMT='$(MSGFMT)'; XGETTEXT='$(XGETTEXT)'; \
	export MSGFMT XGETTEXT; \
	DOSSIER_LOCALEDIR='$(abs_top_builddir)/tests/locale'; export DOSSIER_LOCALEDIR;
if USE_NLS
check_DATA = tests/locale/zh_CN/LC_MESSAGES/dossier.mo
tests/locale/zh_CN/LC_MESSAGES/dossier.mo: $(top_srcdir)/po/zh_CN.po
	$(AM_V_GEN)$(MKDIR_P) tests/locale/zh_CN/LC_MESSAGES && \
	$(MSGFMT) -c -o $@ $(top_srcdir)/po/zh_CN.po
CLEANFILES += tests/locale/zh_CN/LC_MESSAGES/dossier.mo
endif
