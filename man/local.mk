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

# The pages against the program: mandoc lint, the key table, the options of
# --help, and the example of dossier(5).
MAN_TESTS = \
	tests/man-lint.sh \
	tests/man-keys.sh \
	tests/man-options.sh \
	tests/man-example.sh
TESTS += $(MAN_TESTS)
EXTRA_DIST += $(MAN_TESTS)
