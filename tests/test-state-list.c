/* Unit tests of --list mynotes and --list marks (src/state_list.c) and of
 * where own notes stand in the dossier (src/state_anchor.c), on the
 * bundled dossier. */
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
#include "state_list.h"
#include "state-util.h"

#define T0 ((state_time)1795000000 * 1000000)

static struct dossier d;

static int
load(void **unused)
{
	static char path[4096];
	const char *top = getenv("top_srcdir");

	if (load_bundled(&d) != 0)
		return -1;
	/* The path load_bundled read, which it does not keep. */
	snprintf(path, sizeof path, "%s/data/meta-ai.rec", top ? top : BUILD_TOP_SRCDIR);
	d.path = path;
	return 0;
}

static int
unload(void **unused)
{
	dossier_free(&d);
	return 0;
}

static void
anchors(void **unused)
{
	struct state_note n = { (char *)"x", (char *)"p3", (char *)"辞职", (char *)"t", 0, 0,
		false };
	long p;

	assert_int_equal(state_note_anchor(&d, &n, &p), ANCHOR_PARAGRAPH);
	assert_int_equal(p, state_para_index(&d, "p3"));
	n.para = (char *)"gone";
	assert_int_equal(state_note_anchor(&d, &n, &p), ANCHOR_QUOTE);
	assert_int_equal(p, state_para_index(&d, "p3"));
	n.quote = (char *)"Meta";   /* in many paragraphs: says nothing */
	assert_int_equal(state_note_anchor(&d, &n, &p), ANCHOR_ORPHANED);
	assert_int_equal(p, -1);
	n.quote = (char *)"";
	assert_int_equal(state_note_anchor(&d, &n, &p), ANCHOR_ORPHANED);
}

static void
places(void **unused)
{
	struct state_place p = { (char *)"article", (char *)"p3", 4, NULL, (char *)"lecun" };
	struct state_spot s;
	const struct ds_str *t;
	size_t off;

	state_place_resolve(&d, &p, &s);
	assert_int_equal(s.para, state_para_index(&d, "p3"));
	t = &d.paras[s.para].text;
	/* 4 is inside the second character (3 bytes each): back to 3. */
	assert_int_equal(s.offset, 3);
	assert_int_equal(s.event, -1);
	assert_int_equal(s.person, dossier_find(&d, DS_PERSON, "lecun", 5));
	assert_true(s.person >= 0);
	p.offset = t->n + 100;     /* the paragraph got shorter */
	p.event = d.events[0].id.n < 64 ? (char *)"nope" : NULL;
	state_place_resolve(&d, &p, &s);
	assert_int_equal(s.offset, t->n);
	assert_int_equal(s.event, -1);
	p.para = (char *)"gone";
	state_place_resolve(&d, &p, &s);
	assert_int_equal(s.para, -1);
	assert_int_equal(state_offset_resolve(&d, "p1", 0, &off), state_para_index(&d, "p1"));
	assert_int_equal(off, 0);
}

static void
counts(void **unused)
{
	struct state st = { 0 };
	uint32_t *c = calloc(d.nparas, sizeof *c);

	assert_int_equal(state_add_note(&st, "p3", "q", "a", T0), 0);
	assert_int_equal(state_add_note(&st, "p3", "q", "b", T0), 0);
	assert_int_equal(state_add_note(&st, "gone", "辞职", "found by quote", T0), 0);
	assert_int_equal(state_add_note(&st, "gone", "q", "orphan", T0), 0);
	assert_int_equal(state_add_note(&st, "p1", "q", "deleted", T0), 0);
	assert_int_equal(state_delete_note(&st, st.d.notes[4].id, T0), 0);
	assert_int_equal(state_note_counts(&d, &st.d, c), 1);
	assert_int_equal(c[state_para_index(&d, "p3")], 3);
	assert_int_equal(c[state_para_index(&d, "p1")], 0);
	free(c);
	state_close(&st);
}

/* Reading order, orphans last, deleted ones left out; or only some. */
static void
order(void **unused)
{
	struct state st = { 0 };
	size_t out[8], only[] = { 0, 2, 4 };

	assert_int_equal(state_add_note(&st, "gone", "q", "orphan", T0), 0);
	assert_int_equal(state_add_note(&st, "p9", "q", "p9 later", T0 + 2), 0);
	assert_int_equal(state_add_note(&st, "p2", "q", "p2", T0 + 3), 0);
	assert_int_equal(state_add_note(&st, "p9", "q", "p9 first", T0 + 1), 0);
	assert_int_equal(state_add_note(&st, "p5", "q", "deleted", T0), 0);
	assert_int_equal(state_delete_note(&st, st.d.notes[4].id, T0 + 5), 0);
	assert_int_equal(state_notes_in_order(&d, &st.d, NULL, 0, out), 4);
	assert_int_equal(out[0], 2);
	assert_int_equal(out[1], 3);
	assert_int_equal(out[2], 1);
	assert_int_equal(out[3], 0);
	assert_int_equal(state_notes_in_order(&d, &st.d, only, 3, out), 2);
	assert_int_equal(out[0], 2);
	assert_int_equal(out[1], 0);
	state_close(&st);
}

/* The output of state_list for what, in a NUL-terminated malloc'd string. */
static char *
list(const struct options *o, const char *what)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(state_list(&d, o, what, f), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void
lists(void **unused)
{
	char dir[4096];
	struct options o = { 0 };
	struct state st;
	char *out, want[4096], t[32];

	tmp_path(dir, sizeof dir, "list");
	o.state_dir = dir;
	assert_int_equal(state_open_dossier(&st, dir, &d, false), 0);
	assert_int_equal(state_add_note(&st, "gone", "nowhere to be found", "orphan", T0), 0);
	assert_int_equal(state_add_note(&st, "p5", "q", "line one\nline\ttwo \\", T0 + 1), 0);
	assert_int_equal(state_add_note(&st, "p3", "辞职", "on p3", T0 + 2), 0);
	assert_int_equal(state_add_note(&st, "renamed", "辞职", "moved", T0 + 3), 0);
	assert_int_equal(state_add_note(&st, "p3", "q", "deleted", T0 + 4), 0);
	assert_int_equal(state_delete_note(&st, st.d.notes[4].id, T0 + 5), 0);
	assert_int_equal(state_set_mark(&st, 'b', "p2", 7, T0), 0);
	assert_int_equal(state_set_mark(&st, 'a', "gone", 0, T0), 0);
	assert_int_equal(state_save(&st, T0 + 6), 0);

	out = list(&o, "mynotes");
	state_time_format(T0, t);
	char t1[32], t2[32], t3[32];
	state_time_format(T0 + 1, t1);
	state_time_format(T0 + 2, t2);
	state_time_format(T0 + 3, t3);
	snprintf(want, sizeof want,
	    "%s\tp3\t辞职\ton p3\t%s\t\n"
	    "%s\tp3\t辞职\tmoved\t%s\tmoved\n"
	    "%s\tp5\tq\tline one\\nline\\ttwo \\\\\t%s\t\n"
	    "%s\tgone\tnowhere to be found\torphan\t%s\torphaned\n",
	    st.d.notes[2].id, t2, st.d.notes[3].id, t3, st.d.notes[1].id, t1,
	    st.d.notes[0].id, t);
	assert_string_equal(out, want);
	free(out);
	out = list(&o, "marks");
	assert_string_equal(out, "a\tgone\t0\torphaned\nb\tp2\t7\t\n");
	free(out);
	o.no_state = true;
	out = list(&o, "mynotes");
	assert_string_equal(out, "");
	free(out);
	state_close(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(anchors),
		cmocka_unit_test(places),
		cmocka_unit_test(counts),
		cmocka_unit_test(order),
		cmocka_unit_test(lists),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
