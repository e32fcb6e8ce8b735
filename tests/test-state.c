/* Unit tests of the reader's own state (src/state*.c): the file format's
 * round trip, the merge of two writers, finding a moved or edited
 * dossier's state, and damaged files kept aside. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "state.h"
#include "state_find.h"
#include "state-util.h"

#define T0 ((state_time)1795000000 * 1000000)   /* 2026-11-18 */

/* --- the format --- */

static void
time_round_trip(void **unused)
{
	static const state_time ts[] = { 0, T0, T0 + 123456, 951782400000000 + 1 };
	char buf[32];
	state_time t;

	for (size_t i = 0; i < sizeof ts / sizeof *ts; i++) {
		state_time_format(ts[i], buf);
		assert_int_equal(strlen(buf), 27);
		assert_int_equal(state_time_parse(buf, strlen(buf), &t), 0);
		assert_true(t == ts[i]);
	}
	state_time_format(951782400000000, buf);   /* a leap day */
	assert_string_equal(buf, "2000-02-29T00:00:00.000000Z");
	assert_int_equal(state_time_parse("2023-02-29T00:00:00.000000Z", 27, &t), -1);
	assert_int_equal(state_time_parse("2023-13-01T00:00:00.000000Z", 27, &t), -1);
	assert_int_equal(state_time_parse("2023-01-01T00:00:00.00000Z", 26, &t), -1);
	assert_int_equal(state_time_parse("2023-01-01 00:00:00.000000Z", 27, &t), -1);
}

static void
clean_text(void **unused)
{
	char *s = state_clean("  a\xff" "b\n\tc  \n", false);
	assert_string_equal(s, "a\xef\xbf\xbd" "b\n\tc");
	free(s);
	s = state_clean("one\ntwo\r\nthree", true);
	assert_string_equal(s, "one two  three");
	free(s);
	char big[STATE_TEXT_MAX + 10];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	big[STATE_TEXT_MAX - 1] = '\xe4';   /* a character cut by the limit */
	big[STATE_TEXT_MAX] = '\xb8';
	big[STATE_TEXT_MAX + 1] = '\xad';
	s = state_clean(big, true);
	assert_int_equal(strlen(s), STATE_TEXT_MAX - 1);
	free(s);
}

static void
round_trip(void **unused)
{
	struct state_data d = { 0 }, back = { 0 };
	char *buf, *again, err[512];
	size_t len, len2;

	sample_data(&d);
	assert_int_equal(state_format(&d, &buf, &len), 0);
	assert_int_equal(state_parse(&back, "s.rec", buf, len, err, sizeof err), STATE_OK);
	assert_string_equal(err, "");
	assert_data_equal(&back, &d);
	assert_int_equal(state_format(&back, &again, &len2), 0);
	assert_int_equal(len2, len);
	assert_memory_equal(again, buf, len);
	free(buf);
	free(again);
	state_data_free(&d);
	state_data_free(&back);
}

/* recutils reads it: recfix --check passes, recsel finds the notes. */
static void
recutils_read_it(void **unused)
{
	const char *recfix = getenv("RECFIX");
	struct state_data d = { 0 };
	char path[4096], cmd[8192], *buf;
	size_t len;

	if (!recfix || !*recfix)
		skip();
	sample_data(&d);
	assert_int_equal(state_format(&d, &buf, &len), 0);
	tmp_path(path, sizeof path, "recfix.rec");
	write_bytes(path, buf, len);
	snprintf(cmd, sizeof cmd, "'%s' --check '%s'", recfix, path);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "recsel -t Note -e 'Paragraph = \"p2\"' -P Text '%s' "
	    "2>/dev/null | grep -qx 'second note'", path);
	if (system("command -v recsel >/dev/null") == 0)
		assert_int_equal(system(cmd), 0);
	unlink(path);
	free(buf);
	state_data_free(&d);
}

/* Each cut of a saved file short of its end is seen as damage. */
static void
truncated_is_bad(void **unused)
{
	struct state_data d = { 0 }, back = { 0 };
	char *buf, err[512];
	size_t len;

	sample_data(&d);
	assert_int_equal(state_format(&d, &buf, &len), 0);
	for (size_t n = 0; n + 1 < len; n++) {
		enum state_load r = state_parse(&back, "s.rec", buf, n, err, sizeof err);
		if (r != STATE_BAD)
			fail_msg("a file cut at %zu of %zu bytes was read as whole", n, len);
		assert_true(strncmp(err, "s.rec:", 6) == 0);
	}
	/* Without its last line break it is whole. */
	assert_int_equal(state_parse(&back, "s.rec", buf, len - 1, err, sizeof err), STATE_OK);
	free(buf);
	state_data_free(&d);
	state_data_free(&back);
}

static void
bad_files(void **unused)
{
	static const struct { const char *text; enum state_load want; const char *msg; } cases[] = {
		{ "", STATE_BAD, "not a dossier state file" },
		{ "%rec: Person\n\nId: x\n", STATE_BAD, "not a dossier state file" },
		{ "%rec: State\n\nFormat: 2\n", STATE_NEWER, "newer" },
		{ "%rec: State\n\nFormat: x\n", STATE_BAD, "not a number" },
		{ "%rec: State\n\nFormat: 1\n", STATE_BAD, "cut short" },
		{ "%rec: State\n\nFormat: 1\n\n%rec: Note\n\nId: a b\n\n%rec: End\n\n"
		  "Saved: 2026-01-01T00:00:00.000000Z\n", STATE_BAD, "Id: malformed" },
		{ "%rec: State\n\nFormat: 1\n\n%rec: Mark\n\nLetter: 1\n\n%rec: End\n\n"
		  "Saved: 2026-01-01T00:00:00.000000Z\n", STATE_BAD, "not a letter" },
		{ "%rec: State\n\nFormat: 1\n\n%rec: Note\n\nId: a\nParagraph: p\n\n%rec: End\n\n"
		  "Saved: 2026-01-01T00:00:00.000000Z\n", STATE_BAD, "Note without Quote" },
		{ "%rec: State\n\nFormat: 1\n\n%rec: End\n\nSaved: 2026-01-01T00:00:00.000000Z\n"
		  "\n%rec: Search\n\nQuery: x\n", STATE_BAD, "record after End" },
		{ "%rec: State\n\nFormat: 1\n\xff\n", STATE_BAD, "invalid UTF-8" },
		{ "%rec: State\n\nFormat: 1\n\n%rec: Later\n\nX: y\n\n%rec: End\n\n"
		  "Saved: 2026-01-01T00:00:00.000000Z\n", STATE_OK, "" },
	};
	struct state_data d = { 0 };
	char err[512];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		enum state_load r = state_parse(&d, "s.rec", cases[i].text,
		    strlen(cases[i].text), err, sizeof err);
		if (r != cases[i].want || !strstr(err, cases[i].msg))
			fail_msg("case %zu: got %d '%s', want %d '%s'", i, r, err,
			    cases[i].want, cases[i].msg);
	}
	state_data_free(&d);
}

/* A damaged file still gives every whole record. */
static void
damaged_file_salvaged(void **unused)
{
	const char *text = "%rec: State\n\nFormat: 1\n\n%rec: Note\n\n"
	    "Id: a\nParagraph: p1\nQuote: q\nText: kept\n"
	    "Created: 2026-01-01T00:00:00.000000Z\nUpdated: 2026-01-01T00:00:00.000000Z\n\n"
	    "Id: b\nParagraph: p1\nQuote: q\nText: no times\n";
	struct state_data d = { 0 };
	char err[512];

	assert_int_equal(state_parse(&d, "s.rec", text, strlen(text), err, sizeof err),
	    STATE_BAD);
	assert_int_equal(d.nnotes, 1);
	assert_string_equal(d.notes[0].text, "kept");
	state_data_free(&d);
}

/* --- the merge --- */

static void
add(struct state_data *d, const char *id, const char *text, state_time t, bool deleted)
{
	struct state_note n = { (char *)id, deleted ? NULL : (char *)"p1",
		deleted ? NULL : (char *)"q", deleted ? NULL : (char *)text, T0, t, deleted };
	assert_int_equal(state_merge_note(d, &n), 0);
}

static const struct state_note *
note(const struct state_data *d, const char *id)
{
	long k = state_note_find(d, id);
	assert_true(k >= 0);
	return &d->notes[k];
}

static void
merge_notes(void **unused)
{
	struct state_data a = { 0 }, b = { 0 };

	add(&a, "both", "a's older edit", T0 + 1, false);
	add(&b, "both", "b's newer edit", T0 + 2, false);
	add(&a, "only-a", "a", T0, false);
	add(&b, "only-b", "b", T0, false);
	add(&a, "gone", NULL, T0 + 5, true);            /* a deleted it */
	add(&b, "gone", "b still has it", T0 + 1, false);
	add(&a, "back", "a edited after b deleted", T0 + 9, false);
	add(&b, "back", NULL, T0 + 8, true);
	add(&a, "tie", "aaa", T0 + 3, false);
	add(&b, "tie", NULL, T0 + 3, true);
	assert_int_equal(state_merge(&a, &b, NULL, 0), 0);
	assert_int_equal(a.nnotes, 6);
	assert_string_equal(note(&a, "both")->text, "b's newer edit");
	assert_string_equal(note(&a, "only-a")->text, "a");
	assert_string_equal(note(&a, "only-b")->text, "b");
	assert_true(note(&a, "gone")->deleted);
	assert_string_equal(note(&a, "back")->text, "a edited after b deleted");
	assert_true(note(&a, "tie")->deleted);
	/* The other way round gives the same notes. */
	add(&b, "only-b", "b", T0, false);
	assert_int_equal(state_merge(&b, &a, NULL, 0), 0);
	assert_data_equal(&b, &a);
	state_data_free(&a);
	state_data_free(&b);
}

/* One note per id, the winner in the place of the first: in a merge of
 * many, and in a file that holds two records of one id (edited by hand). */
static void
dedupe(void **unused)
{
	const char *text = "%rec: State\n\nFormat: 1\n\n%rec: Note\n\n"
	    "Id: a\nParagraph: p1\nQuote: q\nText: old\n"
	    "Created: 2026-01-01T00:00:00.000000Z\nUpdated: 2026-01-01T00:00:00.000000Z\n\n"
	    "Id: b\nParagraph: p1\nQuote: q\nText: b\n"
	    "Created: 2026-01-01T00:00:00.000000Z\nUpdated: 2026-01-01T00:00:00.000000Z\n\n"
	    "Id: a\nParagraph: p1\nQuote: q\nText: new\n"
	    "Created: 2026-01-01T00:00:00.000000Z\nUpdated: 2026-01-02T00:00:00.000000Z\n\n"
	    "%rec: End\n\nSaved: 2026-01-03T00:00:00.000000Z\n";
	struct state_data d = { 0 }, a = { 0 }, b = { 0 };
	char err[512], id[32];

	assert_int_equal(state_parse(&d, "s.rec", text, strlen(text), err, sizeof err), STATE_OK);
	assert_int_equal(d.nnotes, 2);
	assert_string_equal(d.notes[0].id, "a");
	assert_string_equal(d.notes[0].text, "new");
	assert_string_equal(d.notes[1].id, "b");
	state_data_free(&d);
	for (int i = 0; i < 500; i++) {
		snprintf(id, sizeof id, "n%d", i);
		add(&a, id, "a's", T0 + (i % 2), false);
		snprintf(id, sizeof id, "n%d", 499 - i);
		add(&b, id, "b's", T0 + (i % 3 == 0), i % 5 == 0);
	}
	snprintf(id, sizeof id, "only-b");
	add(&b, id, "b's own", T0, false);
	assert_int_equal(state_merge(&a, &b, NULL, 0), 0);
	assert_int_equal(a.nnotes, 501);
	for (int i = 0; i < 500; i++) {
		snprintf(id, sizeof id, "n%d", i);
		assert_string_equal(a.notes[i].id, id);   /* in mine's order */
		const struct state_note *bn = &b.notes[499 - i];
		struct state_note an = a.notes[i];
		bool b_wins = bn->updated > T0 + (i % 2) ||
		    (bn->updated == T0 + (i % 2) && (bn->deleted || strcmp("b's", "a's") > 0));
		if (b_wins != (an.deleted == bn->deleted && (an.deleted || strcmp(an.text, "b's") == 0)))
			fail_msg("note %s: the wrong one kept", id);
	}
	assert_string_equal(a.notes[500].id, "only-b");
	state_data_free(&a);
	state_data_free(&b);
}

static void
merge_marks_place_history(void **unused)
{
	struct state_data a = { 0 }, b = { 0 };
	char *queries[] = { (char *)"mine", (char *)"shared" };

	a.marks[0] = (struct state_mark){ strdup("p1"), 1, T0 + 1 };
	b.marks[0] = (struct state_mark){ strdup("p2"), 2, T0 + 2 };
	a.marks[1] = (struct state_mark){ strdup("p3"), 3, T0 + 5 };
	b.marks[1] = (struct state_mark){ strdup("p4"), 4, T0 + 4 };
	b.marks[2] = (struct state_mark){ strdup("p5"), 5, T0 };
	a.have_place = true;
	a.place = (struct state_place){ strdup("article"), strdup("p7"), 7, NULL, NULL };
	a.place_set = T0 + 1;
	b.have_place = true;
	b.place = (struct state_place){ strdup("timeline"), strdup("p8"), 8, strdup("e1"), NULL };
	b.place_set = T0 + 2;
	b.history = malloc(2 * sizeof *b.history);
	b.history[0] = strdup("shared");
	b.history[1] = strdup("theirs");
	b.nhistory = 2;
	assert_int_equal(state_merge(&a, &b, queries, 2), 0);
	assert_string_equal(a.marks[0].para, "p2");
	assert_string_equal(a.marks[1].para, "p3");
	assert_string_equal(a.marks[2].para, "p5");
	assert_string_equal(a.place.para, "p8");
	assert_string_equal(a.place.event, "e1");
	assert_int_equal(a.nhistory, 3);
	assert_string_equal(a.history[0], "theirs");
	assert_string_equal(a.history[1], "mine");
	assert_string_equal(a.history[2], "shared");
	state_data_free(&a);
	state_data_free(&b);
}

static void
history_bounded(void **unused)
{
	struct state st = { 0 };
	char q[32];

	for (int i = 0; i < STATE_HISTORY_MAX + 20; i++) {
		snprintf(q, sizeof q, "query %d", i);
		assert_int_equal(state_add_query(&st, q), 0);
	}
	assert_int_equal(state_add_query(&st, "query 30"), 0);   /* moves to the end */
	assert_int_equal(state_add_query(&st, "  "), 0);         /* ignored */
	assert_int_equal(st.d.nhistory, STATE_HISTORY_MAX);
	assert_string_equal(st.d.history[0], "query 20");
	assert_string_equal(st.d.history[STATE_HISTORY_MAX - 1], "query 30");
	assert_int_equal(st.nqueries, STATE_HISTORY_MAX);
	state_close(&st);
}

static void
changes(void **unused)
{
	struct state st = { 0 };
	struct state_place p = { (char *)"article", (char *)"p3", 10, NULL, (char *)"lecun" };
	char id[64];

	assert_int_equal(state_set_place(&st, &p, T0), 0);
	assert_true(st.dirty);
	assert_false(st.urgent);   /* a place waits for the end of the session */
	st.dirty = false;
	assert_int_equal(state_set_place(&st, &p, T0 + 1), 0);
	assert_false(st.dirty);   /* the same place is no change */
	assert_true(st.d.place_set == T0);
	assert_int_equal(state_set_mark(&st, '1', "p9", 4, T0), 0);
	assert_false(st.urgent);   /* not a mark */
	assert_int_equal(state_set_mark(&st, 'q', "p9", 4, T0), 0);
	assert_true(st.urgent);
	assert_non_null(state_get_mark(&st, 'q'));
	assert_null(state_get_mark(&st, 'Q'));
	assert_null(state_get_mark(&st, '1'));
	assert_int_equal(state_add_note(&st, "p3", " first words\n", "my note", T0), 0);
	assert_int_equal(state_add_note(&st, "p3", "x", "another", T0), 0);
	assert_string_not_equal(st.d.notes[0].id, st.d.notes[1].id);
	snprintf(id, sizeof id, "%s", st.d.notes[0].id);
	assert_string_equal(st.d.notes[0].quote, "first words");
	assert_int_equal(state_edit_note(&st, id, "edited", T0 - 5), 0);
	assert_true(st.d.notes[0].updated > T0);   /* later, though the clock went back */
	assert_string_equal(st.d.notes[0].text, "edited");
	assert_int_equal(state_delete_note(&st, id, T0 + 10), 0);
	assert_true(st.d.notes[0].deleted);
	assert_null(st.d.notes[0].text);
	assert_int_equal(state_edit_note(&st, id, "again", T0 + 11), 1);
	assert_int_equal(state_delete_note(&st, "nope", T0 + 11), 1);
	state_close(&st);
}

/* One query finds own notes as the search finds the dossier's text:
 * case and width folded, in the text or the quote, not in deleted ones. */
static void
find_notes(void **unused)
{
	struct state st = { 0 };
	size_t out[4];

	assert_int_equal(state_add_note(&st, "p1", "Ｌｌａｍａ 2", "first", T0), 0);
	assert_int_equal(state_add_note(&st, "p2", "q", "About LLAMA and Meta", T0), 0);
	assert_int_equal(state_add_note(&st, "p3", "q", "nothing here", T0), 0);
	assert_int_equal(state_add_note(&st, "p4", "llama", "deleted", T0), 0);
	assert_int_equal(state_delete_note(&st, st.d.notes[3].id, T0), 0);
	assert_int_equal(state_find_notes(&st.d, "llama", out, 4), 2);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 1);
	assert_int_equal(state_find_notes(&st.d, "llama", out, 1), 2);
	assert_int_equal(state_find_notes(&st.d, "ＭＥＴＡ", out, 4), 1);
	assert_int_equal(out[0], 1);
	assert_int_equal(state_find_notes(&st.d, "", out, 4), 0);
	assert_int_equal(state_find_notes(&st.d, "absent", out, 4), 0);
	state_close(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(time_round_trip),
		cmocka_unit_test(clean_text),
		cmocka_unit_test(round_trip),
		cmocka_unit_test(recutils_read_it),
		cmocka_unit_test(truncated_is_bad),
		cmocka_unit_test(bad_files),
		cmocka_unit_test(damaged_file_salvaged),
		cmocka_unit_test(merge_notes),
		cmocka_unit_test(dedupe),
		cmocka_unit_test(merge_marks_place_history),
		cmocka_unit_test(history_bounded),
		cmocka_unit_test(changes),
		cmocka_unit_test(find_notes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
