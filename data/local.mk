dist_pkgdata_DATA += data/meta-ai.rec

# The program run from its build tree reads DIR/data/meta-ai.rec beside
# DIR/src/dossier (src/main.c): a VPATH build links it there.
all-local: data-link
data-link:
	@test -f data/meta-ai.rec || { $(MKDIR_P) data && \
	  $(LN_S) '$(abs_top_srcdir)/data/meta-ai.rec' data/meta-ai.rec; }
distclean-local:
	test ! -h data/meta-ai.rec || rm -f data/meta-ai.rec
.PHONY: data-link
