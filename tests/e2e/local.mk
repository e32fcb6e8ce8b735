# rules for tests/e2e: libvt.a runs a program in a pty emulated by libvterm
# so screen tests can assert on what it draws; test-vt checks the harness.
check_LIBRARIES = tests/e2e/libvt.a
tests_e2e_libvt_a_SOURCES = tests/e2e/vt.c tests/e2e/vt.h
tests_e2e_libvt_a_CFLAGS = $(AM_CFLAGS) $(VTERM_CFLAGS)

check_PROGRAMS += tests/e2e/test-vt
TESTS += tests/e2e/test-vt
tests_e2e_test_vt_SOURCES = tests/e2e/test-vt.c
tests_e2e_test_vt_CFLAGS = $(AM_CFLAGS) $(VTERM_CFLAGS) $(CMOCKA_CFLAGS)
tests_e2e_test_vt_LDADD = tests/e2e/libvt.a $(VTERM_LIBS) $(CMOCKA_LIBS)
