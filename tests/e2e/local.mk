# rules for tests/e2e: libvt.a runs a program in a pty emulated by libvterm
# so screen tests can assert on what it draws; test-vt checks the harness.
# Without libvterm or cmocka they are skipped (tests/missing-libs.sh).
if HAVE_SCREEN_TESTS
check_LIBRARIES = tests/e2e/libvt.a
tests_e2e_libvt_a_SOURCES = tests/e2e/vt.c tests/e2e/vt.h
tests_e2e_libvt_a_CFLAGS = $(AM_CFLAGS) $(VTERM_CFLAGS)

check_PROGRAMS += tests/e2e/test-vt
TESTS += tests/e2e/test-vt
tests_e2e_test_vt_SOURCES = tests/e2e/test-vt.c
tests_e2e_test_vt_CFLAGS = $(AM_CFLAGS) $(VTERM_CFLAGS) $(CMOCKA_CFLAGS)
tests_e2e_test_vt_LDADD = tests/e2e/libvt.a $(VTERM_LIBS) $(CMOCKA_LIBS)

# End-to-end tests of dossier itself: the real program in a pty, asserting
# on what it draws (text and positions).  dossier-e2e.c holds their helpers.
e2e_cflags = $(AM_CFLAGS) $(VTERM_CFLAGS) $(CMOCKA_CFLAGS)
e2e_ldadd = tests/e2e/libvt.a $(VTERM_LIBS) $(CMOCKA_LIBS)
e2e_helpers = tests/e2e/dossier-e2e.c tests/e2e/dossier-e2e.h

check_PROGRAMS += tests/e2e/test-screen tests/e2e/test-search-screen tests/e2e/test-terminal \
	tests/e2e/test-torture tests/e2e/test-memory tests/e2e/test-controls \
	tests/e2e/test-prompt-screen tests/e2e/test-load-screen tests/e2e/test-view-screen \
	tests/e2e/test-multi-screen \
	tests/e2e/test-comfort-screen tests/e2e/test-stack-screen tests/e2e/test-bridge-screen
TESTS += tests/e2e/test-screen tests/e2e/test-search-screen tests/e2e/test-terminal \
	tests/e2e/test-torture tests/e2e/test-memory tests/e2e/test-controls \
	tests/e2e/test-prompt-screen tests/e2e/test-load-screen tests/e2e/test-view-screen \
	tests/e2e/test-multi-screen \
	tests/e2e/test-comfort-screen tests/e2e/test-stack-screen tests/e2e/test-bridge-screen
# The screen in Chinese, with the build tree's catalogue: under C.UTF-8
# and LANGUAGE, and in a real zh_CN.UTF-8 locale where there is one.
check_PROGRAMS += tests/e2e/test-zh-screen tests/e2e/test-zh-locale-screen
TESTS += tests/e2e/test-zh-screen tests/e2e/test-zh-locale-screen

tests_e2e_test_zh_screen_SOURCES = tests/e2e/test-zh-screen.c $(e2e_helpers)
tests_e2e_test_zh_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_zh_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_zh_locale_screen_SOURCES = tests/e2e/test-zh-screen.c $(e2e_helpers)
tests_e2e_test_zh_locale_screen_CPPFLAGS = $(AM_CPPFLAGS) -DZH_LOCALE
tests_e2e_test_zh_locale_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_zh_locale_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_screen_SOURCES = tests/e2e/test-screen.c $(e2e_helpers)
tests_e2e_test_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_bridge_screen_SOURCES = tests/e2e/test-bridge-screen.c $(e2e_helpers)
tests_e2e_test_bridge_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_bridge_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_search_screen_SOURCES = tests/e2e/test-search-screen.c $(e2e_helpers)
tests_e2e_test_search_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_search_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_terminal_SOURCES = tests/e2e/test-terminal.c $(e2e_helpers)
tests_e2e_test_terminal_CFLAGS = $(e2e_cflags)
tests_e2e_test_terminal_LDADD = $(e2e_ldadd)
tests_e2e_test_torture_SOURCES = tests/e2e/test-torture.c $(e2e_helpers)
tests_e2e_test_torture_CFLAGS = $(e2e_cflags)
tests_e2e_test_torture_LDADD = $(e2e_ldadd)
tests_e2e_test_view_screen_SOURCES = tests/e2e/test-view-screen.c $(e2e_helpers)
tests_e2e_test_view_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_view_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_comfort_screen_SOURCES = tests/e2e/test-comfort-screen.c $(e2e_helpers)
tests_e2e_test_comfort_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_comfort_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_stack_screen_SOURCES = tests/e2e/test-stack-screen.c $(e2e_helpers)
tests_e2e_test_stack_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_stack_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_memory_SOURCES = tests/e2e/test-memory.c $(e2e_helpers)
tests_e2e_test_memory_CFLAGS = $(e2e_cflags)
tests_e2e_test_memory_LDADD = $(e2e_ldadd)
tests_e2e_test_controls_SOURCES = tests/e2e/test-controls.c $(e2e_helpers)
tests_e2e_test_controls_CFLAGS = $(e2e_cflags)
tests_e2e_test_controls_LDADD = $(e2e_ldadd)
tests_e2e_test_prompt_screen_SOURCES = tests/e2e/test-prompt-screen.c $(e2e_helpers)
tests_e2e_test_prompt_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_prompt_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_load_screen_SOURCES = tests/e2e/test-load-screen.c $(e2e_helpers)
tests_e2e_test_load_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_load_screen_LDADD = $(e2e_ldadd)

# --ambiwidth=double in a terminal that draws Ambiguous characters wide.
check_PROGRAMS += tests/e2e/test-ambiwidth-screen
TESTS += tests/e2e/test-ambiwidth-screen
tests_e2e_test_ambiwidth_screen_SOURCES = tests/e2e/test-ambiwidth-screen.c $(e2e_helpers)
tests_e2e_test_ambiwidth_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_ambiwidth_screen_LDADD = $(e2e_ldadd) src/libcore.a

# Drafts of an imported dossier on the screen.
check_PROGRAMS += tests/e2e/test-import-screen
TESTS += tests/e2e/test-import-screen
tests_e2e_test_import_screen_SOURCES = tests/e2e/test-import-screen.c $(e2e_helpers)
tests_e2e_test_import_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_import_screen_LDADD = $(e2e_ldadd)
tests_e2e_test_multi_screen_SOURCES = tests/e2e/test-multi-screen.c $(e2e_helpers)
tests_e2e_test_multi_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_multi_screen_LDADD = $(e2e_ldadd)

# The reader's own state across two sessions of the program.
check_PROGRAMS += tests/e2e/test-state-screen
TESTS += tests/e2e/test-state-screen
tests_e2e_test_state_screen_SOURCES = tests/e2e/test-state-screen.c $(e2e_helpers)
tests_e2e_test_state_screen_CFLAGS = $(e2e_cflags)
tests_e2e_test_state_screen_LDADD = $(e2e_ldadd)
endif
EXTRA_DIST += tests/data/controls.rec

# The article's English mode, read end to end at 80x24 and 120x40.
check_PROGRAMS += tests/e2e/test-english
TESTS += tests/e2e/test-english
tests_e2e_test_english_SOURCES = tests/e2e/test-english.c $(e2e_helpers)
tests_e2e_test_english_CFLAGS = $(e2e_cflags)
tests_e2e_test_english_LDADD = $(e2e_ldadd)
