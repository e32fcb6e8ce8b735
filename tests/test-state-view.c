/* Unit tests of the reader's own state in the view (src/state_view.c) on
 * the bundled dossier, without a terminal: resuming at the saved place,
 * marks and '', notes written in the prompt and their list, the search
 * history across sessions, and when a change is saved. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "bundled.h"
#include "state_anchor.h"
#include "state-util.h"
#include "view-fixture.h"

static struct dossier d;
static char data_path[4096];

static int
load(void **unused)
{
	const char *top = getenv("top_srcdir");

	if (load_bundled(&d) != 0)
		return -1;
	/* The path load_bundled read, which it does not keep. */
	snprintf(data_path, sizeof data_path, "%s/data/meta-ai.rec",
	    top ? top : BUILD_TOP_SRCDIR);
	d.path = data_path;
	return 0;
}

static int
unload(void **unused)
{
	dossier_free(&d);
	return 0;
}

/* A session: the view over the bundled dossier at 30 x 100, its state in
 * directory name under the test's temporary directory. */
struct session {
	struct view v;
	struct state st;
};

static struct session *
open_session(const char *name)
{
	struct session *s = calloc(1, sizeof *s);
	struct index ix = { 0 };
	char dir[4096];

	tmp_path(dir, sizeof dir, name);
	assert_non_null(s);
	assert_int_equal(view_init(&s->v, &d, &ix), 0);
	assert_int_equal(state_open_dossier(&s->st, dir, &d, false), 0);
	assert_string_equal(s->st.warning, "");
	assert_int_equal(own_init(&s->v, &s->st), 0);
	view_resize(&s->v, 30, 100);
	return s;
}

static void
close_session(struct session *s)
{
	s->v.message[0] = '\0';
	own_save(&s->v, true);
	assert_string_equal(s->v.message, "");
	view_free(&s->v);
	state_close(&s->st);
	free(s);
}

static size_t
para(const char *id)
{
	long p = state_para_index(&d, id);

	assert_true(p >= 0);
	return (size_t)p;
}

/* Moves the reading place to a row of a paragraph. */
static void
read_at(struct view *v, const char *id, int row)
{
	art_goto(v, para(id), row);
	view_follow_reading(v);
}

static void
resume(void **unused)
{
	struct session *s = open_session("resume");
	size_t p7 = para("p7"), off;
	struct art_pos at;
	size_t ev, who;

	/* Somewhere in p7, on its second line; people focused, a person and
	 * an event selected that are not the first. */
	read_at(&s->v, "p7", 1);
	at = s->v.art;
	assert_int_equal(at.para, p7);
	assert_true(at.off > 0);
	s->v.show_orgs = false;
	view_select_entity(&s->v, 3);
	s->v.tl.sel = 5;
	ev = tl_event(&s->v, 5);
	who = 3;
	view_focus(&s->v, PANE_PEOPLE);
	close_session(s);

	s = open_session("resume");
	assert_int_equal(s->v.art.para, 0);   /* not yet */
	own_resume(&s->v, false);
	assert_int_equal(s->v.art.para, p7);
	assert_int_equal(s->v.art.off, at.off);
	assert_int_equal(s->v.focus, PANE_PEOPLE);
	assert_int_equal(tl_event(&s->v, s->v.tl.sel), ev);
	assert_int_equal(s->v.people.sel, who);
	close_session(s);

	/* --from-top: the place is kept but not gone to. */
	s = open_session("resume");
	own_resume(&s->v, true);
	assert_int_equal(s->v.art.para, 0);
	state_offset_resolve(&d, s->st.d.place.para, s->st.d.place.offset, &off);
	assert_int_equal(off, at.off);
	view_free(&s->v);
	state_close(&s->st);
	free(s);
}

static void
marks(void **unused)
{
	struct session *s = open_session("marks");
	size_t p3 = para("p3"), p9 = para("p9");

	view_focus(&s->v, PANE_ARTICLE);
	read_at(&s->v, "p3", 1);
	keys(&s->v, "ma");
	assert_string_equal(s->v.message, "mark a set");
	assert_true(s->st.urgent);
	read_at(&s->v, "p9", 0);
	keys(&s->v, "'a");
	assert_int_equal(s->v.art.para, p3);
	keys(&s->v, "''");                    /* back to before the jump */
	assert_int_equal(s->v.art.para, p9);
	keys(&s->v, "''");                    /* and again, as in less */
	assert_int_equal(s->v.art.para, p3);
	keys(&s->v, "G");                     /* G is a jump too */
	assert_true(s->v.art.para > p9);
	keys(&s->v, "''");
	assert_int_equal(s->v.art.para, p3);
	keys(&s->v, "'b");
	assert_string_equal(s->v.message, "mark b not set");
	assert_int_equal(s->v.art.para, p3);
	keys(&s->v, "m1");                    /* not a letter: nothing set */
	assert_null(state_get_mark(&s->st, '1'));
	assert_non_null(strstr(s->v.message, "marks are letters"));
	s->v.message[0] = '\0';
	close_session(s);

	/* The next session has the mark. */
	s = open_session("marks");
	keys(&s->v, "'a");
	assert_int_equal(s->v.art.para, p3);
	assert_int_equal(s->v.focus, PANE_ARTICLE);
	close_session(s);
}

static void
type(struct view *v, const char *text)
{
	prompt_insert(&v->own.input, text, strlen(text));
}

static void
notes(void **unused)
{
	struct session *s = open_session("notes");
	size_t p5 = para("p5");
	const struct state_note *n;

	read_at(&s->v, "p5", 0);
	keys(&s->v, "a");
	assert_int_equal(s->v.own.prompting, OWN_ADD);
	type(&s->v, "my first note");
	own_note_finish(&s->v, true);
	assert_int_equal(s->v.own.prompting, OWN_NONE);
	assert_int_equal(s->st.d.nnotes, 1);
	n = &s->st.d.notes[0];
	assert_string_equal(n->para, "p5");
	assert_string_equal(n->text, "my first note");
	/* The quote is the paragraph's first words. */
	assert_true(strlen(n->quote) > 0);
	assert_memory_equal(d.paras[p5].text.s, n->quote, strlen(n->quote));
	assert_int_equal(s->v.own.counts[p5], 1);
	assert_true(s->st.urgent);
	own_save(&s->v, false);
	assert_false(s->st.urgent);

	/* A reading place on the paragraph's English, after its text: the
	 * quote is its first words. */
	s->v.art.off = d.paras[p5].text.n + 3;
	keys(&s->v, "a");
	assert_memory_equal(s->v.own.quote, d.paras[p5].text.s, strlen(s->v.own.quote));
	own_note_finish(&s->v, false);
	read_at(&s->v, "p5", 0);

	/* Cancelled, or empty: nothing. */
	keys(&s->v, "a");
	type(&s->v, "dropped");
	own_note_finish(&s->v, false);
	keys(&s->v, "a");
	own_note_finish(&s->v, true);
	assert_int_equal(s->st.d.nnotes, 1);

	/* The details of the paragraph show it. */
	view_focus(&s->v, PANE_ARTICLE);
	keys(&s->v, "\n");
	bool found = false;
	for (size_t i = 0; i < s->v.ov.nitems; i++)
		found |= s->v.ov.items[i].role == R_MYNOTE &&
		    strstr(s->v.ov.items[i].value.s, "my first note") != NULL;
	assert_true(found);
	keys(&s->v, "q");
	close_session(s);
}

/* With a search hit in the paragraph, the hit is the quote. */
static void
quote_is_hit(void **unused)
{
	struct session *s = open_session("hit");

	search_prepare(&s->v.search, 1e9);
	prompt_open(&s->v.prompt);
	prompt_insert(&s->v.prompt, "辞职", strlen("辞职"));
	view_search_update(&s->v);
	assert_true(s->v.have_hits);
	keys(&s->v, "a");
	type(&s->v, "on a hit");
	own_note_finish(&s->v, true);
	assert_string_equal(s->st.d.notes[0].quote, "辞职");
	assert_int_equal(s->st.d.notes[0].para[0], 'p');
	close_session(s);
}

static void
list(void **unused)
{
	struct session *s = open_session("list");
	size_t p2 = para("p2"), p8 = para("p8");

	read_at(&s->v, "p8", 0);
	keys(&s->v, "a");
	type(&s->v, "later paragraph");
	own_note_finish(&s->v, true);
	read_at(&s->v, "p2", 0);
	keys(&s->v, "a");
	type(&s->v, "earlier paragraph");
	own_note_finish(&s->v, true);
	keys(&s->v, "A");
	assert_int_equal(s->v.own.listing, OWN_LIST_NOTES);
	assert_int_equal(s->v.own.nrows, 2);
	/* Reading order, the selected row drawn selected. */
	assert_non_null(strstr(s->v.ov.items[0].value.s, "earlier paragraph"));
	assert_int_equal(s->v.ov.items[0].role, R_SELECTED);
	assert_int_equal(s->v.ov.items[1].role, R_MYNOTE);
	keys(&s->v, "j");
	assert_int_equal(s->v.own.sel, 1);
	assert_int_equal(s->v.ov.items[1].role, R_SELECTED);
	keys(&s->v, "\n");                    /* go there */
	assert_int_equal(s->v.own.listing, OWN_LIST_NONE);
	assert_int_equal(s->v.ov.kind, OV_NONE);
	assert_int_equal(s->v.art.para, p8);
	keys(&s->v, "''");
	assert_int_equal(s->v.art.para, p2);

	/* Edit: the prompt starts with the text; an empty text deletes. */
	keys(&s->v, "Aje");
	assert_int_equal(s->v.own.prompting, OWN_EDIT);
	assert_string_equal(s->v.own.input.buf, "later paragraph");
	prompt_open(&s->v.own.input);
	type(&s->v, "changed");
	own_note_finish(&s->v, true);
	assert_non_null(strstr(s->v.ov.items[1].value.s, "changed"));
	keys(&s->v, "d");                     /* the second: deleted */
	assert_int_equal(s->v.own.nrows, 1);
	assert_int_equal(s->v.own.counts[p8], 0);
	keys(&s->v, "e");
	prompt_open(&s->v.own.input);
	own_note_finish(&s->v, true);
	assert_int_equal(s->v.own.nrows, 0);
	assert_int_equal(s->v.own.counts[p2], 0);
	keys(&s->v, "q");
	assert_int_equal(s->v.own.listing, OWN_LIST_NONE);

	/* The marks list. */
	keys(&s->v, "mzM");
	assert_int_equal(s->v.own.listing, OWN_LIST_MARKS);
	assert_int_equal(s->v.own.nrows, 1);
	assert_string_equal(s->v.ov.items[0].label.s, "z");
	keys(&s->v, "q");
	close_session(s);
}

/* Notes matching the search: the list shows only those while hits are. */
static void
list_searched(void **unused)
{
	struct session *s = open_session("searched");

	read_at(&s->v, "p2", 0);
	keys(&s->v, "a");
	type(&s->v, "about Llama");
	own_note_finish(&s->v, true);
	keys(&s->v, "a");
	type(&s->v, "something else");
	own_note_finish(&s->v, true);
	search_prepare(&s->v.search, 1e9);
	prompt_open(&s->v.prompt);
	prompt_insert(&s->v.prompt, "LLAMA", 5);
	view_search_update(&s->v);
	if (s->v.ov.kind != OV_NONE)          /* a hit shown in its details */
		keys(&s->v, "q");
	assert_true(s->v.have_hits);
	keys(&s->v, "A");
	assert_int_equal(s->v.own.nrows, 1);
	assert_non_null(strstr(s->v.ov.items[0].value.s, "about Llama"));
	keys(&s->v, "q");
	close_session(s);
}

static void
history(void **unused)
{
	struct session *s = open_session("history");

	own_searched(&s->v, "llama");
	own_searched(&s->v, "杨立昆");
	assert_false(s->st.urgent);           /* saved at the end */
	close_session(s);
	s = open_session("history");
	assert_int_equal(s->v.prompt.nhist, 2);
	assert_string_equal(s->v.prompt.hist[0], "llama");
	assert_string_equal(s->v.prompt.hist[1], "杨立昆");
	assert_int_equal(s->v.prompt.len, 0);
	close_session(s);
}

/* A save fails (the directory cannot be made): a warning on the status
 * line, and the session goes on with its notes. */
static void
save_fails(void **unused)
{
	struct session *s = calloc(1, sizeof *s);
	struct index ix = { 0 };
	char file[4096], dir[4200];

	tmp_path(file, sizeof file, "blocker");
	write_bytes(file, "x", 1);
	snprintf(dir, sizeof dir, "%s/state", file);
	assert_int_equal(view_init(&s->v, &d, &ix), 0);
	assert_int_equal(state_open_dossier(&s->st, dir, &d, false), 0);
	assert_int_equal(own_init(&s->v, &s->st), 0);
	view_resize(&s->v, 30, 100);
	keys(&s->v, "a");
	type(&s->v, "kept");
	own_note_finish(&s->v, true);
	own_save(&s->v, false);
	assert_non_null(strstr(s->v.message, "cannot save"));
	assert_int_equal(s->st.d.nnotes, 1);
	assert_true(s->st.dirty);
	assert_false(s->st.urgent);           /* not again at every key */
	s->v.message[0] = '\0';
	keys(&s->v, "j");
	own_save(&s->v, false);
	assert_string_equal(s->v.message, "");
	own_save(&s->v, true);                /* the end: tried again */
	assert_non_null(strstr(s->v.message, "cannot save"));
	view_free(&s->v);
	state_close(&s->st);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resume),
		cmocka_unit_test(marks),
		cmocka_unit_test(notes),
		cmocka_unit_test(quote_is_hit),
		cmocka_unit_test(list),
		cmocka_unit_test(list_searched),
		cmocka_unit_test(history),
		cmocka_unit_test(save_fails),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
