# Manual pages.  dossier(1) names the installed data file, so it is made
# from man/dossier.1.in with its pkgdatadir placeholder filled in; dossier(5) is static.
man_MANS = man/dossier.1
dist_man_MANS += man/dossier.5
CLEANFILES += man/dossier.1
EXTRA_DIST += man/dossier.1.in

# Rebuilt when Makefile changes, so that a new --prefix or --datadir shows.
# Written in the build tree (VPATH builds, distcheck); [@] keeps configure
# from substituting the pattern itself.
man/dossier.1: $(srcdir)/man/dossier.1.in Makefile
	$(AM_V_GEN)$(MKDIR_P) man && rm -f $@ $@.tmp && \
	sed -e 's|@pkgdatadir[@]|$(pkgdatadir)|g' $(srcdir)/man/dossier.1.in >$@.tmp && \
	mv $@.tmp $@

# dossier(1) in Chinese, made the same way, with a break point between
# Chinese characters (man/cjk-breaks.sed): groff breaks a line only at
# spaces and break points, and Chinese has no spaces.
zhman1dir = $(mandir)/zh_CN/man1
zhman1_DATA = man/zh_CN/dossier.1
CLEANFILES += man/zh_CN/dossier.1
EXTRA_DIST += man/zh_CN/dossier.1.in man/cjk-breaks.sed

man/zh_CN/dossier.1: $(srcdir)/man/zh_CN/dossier.1.in $(srcdir)/man/cjk-breaks.sed Makefile
	$(AM_V_GEN)$(MKDIR_P) man/zh_CN && rm -f $@ $@.tmp && \
	sed -e 's|@pkgdatadir[@]|$(pkgdatadir)|g' $(srcdir)/man/zh_CN/dossier.1.in | \
	LC_ALL=C sed -f $(srcdir)/man/cjk-breaks.sed >$@.tmp && \
	mv $@.tmp $@

# The pages against the program: mandoc lint, the key table, the options of
# --help, the example of dossier(5), and dossier(1) in Chinese against the
# program and the English page.
MAN_TESTS = \
	tests/man-lint.sh \
	tests/man-keys.sh \
	tests/man-options.sh \
	tests/man-example.sh \
	tests/man-zh.sh
TESTS += $(MAN_TESTS)
EXTRA_DIST += $(MAN_TESTS)
