# The core (reader, model, index, text, search) knows nothing of the screen
# and is a library shared by the program, the unit tests and the fuzz targets.
# (core_sources is also built, instrumented, for the fuzz targets.)
noinst_LIBRARIES += src/libcore.a
core_sources = \
	src/escape.c src/escape.h \
	src/bigmem.c src/bigmem.h \
	src/diag.c src/diag.h \
	src/rec.c src/rec.h \
	src/date.c src/date.h \
	src/idmap.c src/idmap.h src/strmap.c src/strmap.h \
	src/dossier.c src/dossier.h \
	src/index.c src/index.h \
	src/text.c src/text_check.c src/text.h src/text_ambiguous.h \
	src/fold.c src/fold.h \
	src/search.c src/search.h src/search_bridge.c \
	src/sources.c src/sources.h \
	src/state.c src/state.h src/state_format.c src/state_store.c \
	src/state_anchor.c src/state_anchor.h src/state_list.c src/state_list.h \
	src/state_find.c src/state_find.h
src_libcore_a_SOURCES = $(core_sources)

# The non-interactive modes (--check, --list, --search): the program's,
# and a fuzz target's (cli_sources is built, instrumented, into it).
noinst_LIBRARIES += src/libcli.a
cli_sources = src/cli.c src/cli.h
src_libcli_a_SOURCES = $(cli_sources)

# The view: what the reader looks at (layout, reading position, selections,
# filter, hits, overlays, prompt editing, key table) as plain C over the
# model, unit-tested without a terminal.  keys.c and prompt.c take only
# the KEY_* numbers from curses.h.
noinst_LIBRARIES += src/libview.a
src_libview_a_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS)
src_libview_a_SOURCES = \
	src/role.h src/layout.c src/layout.h \
	src/keys.c src/keys.h \
	src/prompt.c src/prompt.h \
	src/input.c src/input.h \
	src/view.c src/view.h src/view_article.c src/view_lists.c src/view_text.c \
	src/view_articles.c src/view_notes.c src/view_mentions.c \
	src/overlay.c src/overlay.h src/glyph.c src/glyph.h \
	src/state_view.c src/state_view.h \
	src/reload.c src/reload.h

# The screen: curses from here on.
noinst_LIBRARIES += src/libui.a
src_libui_a_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS)
src_libui_a_SOURCES = \
	src/draw.c src/draw.h \
	src/pane.h src/pane_timeline.c src/pane_people.c src/pane_article.c \
	src/popup.c src/popup.h \
	src/ui.c src/ui.h src/ui_preflight.c \
	src/ui_signal.c src/ui_signal.h

# The importer (dossier --import): curses-free, the only user of libxml2.
noinst_LIBRARIES += src/libimport.a
src_libimport_a_CFLAGS = $(AM_CFLAGS) $(LIBXML_CFLAGS)
src_libimport_a_SOURCES = \
	src/recwrite.c src/recwrite.h \
	src/reldate.c src/reldate.h \
	src/names.c src/names.h \
	src/import_doc.h src/import_text.c src/import_html.c \
	src/import.c src/import.h src/import_job.h src/import_names.c \
	src/import_dates.c src/import_forms.c src/import_write.c \
	src/strtrie.c src/strtrie.h

bin_PROGRAMS += src/dossier
src_dossier_SOURCES = src/main.c src/options.h src/i18n.h src/ui_wcwidth.c
src_dossier_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS)
src_dossier_LDADD = src/libui.a src/libview.a src/libimport.a src/libcli.a src/libcore.a \
	$(NCURSESW_LIBS) $(LIBXML_LIBS)
