# The core (reader, model, index, text, search) knows nothing of curses and
# is a library shared by the program, the unit tests and the fuzz targets.
# (core_sources is also built, instrumented, for the fuzz targets.)
noinst_LIBRARIES += src/libcore.a
core_sources = \
	src/escape.c src/escape.h \
	src/diag.c src/diag.h \
	src/rec.c src/rec.h \
	src/date.c src/date.h \
	src/idmap.c src/idmap.h \
	src/dossier.c src/dossier.h \
	src/index.c src/index.h \
	src/text.c src/text.h \
	src/fold.c src/fold.h \
	src/search.c src/search.h \
	src/sources.c src/sources.h \
	src/cli.c src/cli.h \
	src/layout.c src/layout.h \
	src/state.c src/state.h src/state_format.c src/state_store.c \
	src/state_anchor.c src/state_anchor.h src/state_list.c src/state_list.h \
	src/state_find.c src/state_find.h
src_libcore_a_SOURCES = $(core_sources)

# The screen: curses from here on.
noinst_LIBRARIES += src/libui.a
src_libui_a_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS)
src_libui_a_SOURCES = \
	src/keys.c src/keys.h \
	src/prompt.c src/prompt.h \
	src/input.c src/input.h \
	src/view.c src/view.h src/view_articles.c \
	src/draw.c src/draw.h \
	src/pane.h src/pane_timeline.c src/pane_people.c src/pane_article.c \
	src/popup.c src/popup.h \
	src/reload.c src/reload.h \
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
	src/import_dates.c src/import_write.c

bin_PROGRAMS += src/dossier
src_dossier_SOURCES = src/main.c src/options.h src/i18n.h
src_dossier_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS)
src_dossier_LDADD = src/libui.a src/libimport.a src/libcore.a $(NCURSESW_LIBS) $(LIBXML_LIBS)
