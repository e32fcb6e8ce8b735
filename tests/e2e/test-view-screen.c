/* End-to-end tests of the reading view as drawn: the reading place kept
 * across a resize, a search hit in a narrow terminal shown where the
 * status says, every motion stopping at the article's last screenful, the
 * timeline and the article agreeing after a filter and after reading, the
 * mouse wheel scrolling what is under it and nothing else, and the help
 * overlay scrolling with a mark where it continues. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dossier-e2e.h"

/* The article's inner rows as text, one a line: full view, right of the
 * left column. */
static char *article_text(struct vt *v)
{
	int lc = left_border_col(v), rows = screen_rows(v), cols = screen_cols(v);
	size_t len = 0;
	char *all = NULL;
	for (int r = 1; r < rows - 2; r++) {
		char *s = cells_text(v, r, lc + 2, cols - 1);
		size_t n = strlen(s);
		all = realloc(all, len + n + 2);
		assert_non_null(all);
		memcpy(all + len, s, n);
		len += n;
		all[len++] = '\n';
		all[len] = '\0';
		free(s);
	}
	return all;
}

/* The text of the article's row r (after the two columns of marks),
 * trimmed. */
static char *article_row(struct vt *v, int r)
{
	int lc = left_border_col(v);
	char *s = cells_text(v, r, lc + 4, screen_cols(v) - 1);
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

/* ---- 1: the reading place survives a resize ---- */

static void test_resize_keeps_place(void **state)
{
	struct vt *v = start_browser(state, 16, 120, NULL);

	press(v, "3}}}jjj");
	expect_row(v, -1, " p4/");
	char *top = article_row(v, 1), *start = utf8_prefix(top, 6), *first = utf8_prefix(top, 1);
	if (!*start || strncmp(start, " ", 1) == 0)
		fail_screen(v, "no text at the article's top after 3 } } } j j j");
	char **before = screen_copy(v);
	for (int cols = 250; cols >= 100; cols -= 75) {
		vt_resize(v, 16, cols);
		settle(v);
		expect_row(v, -1, " p4/");
		/* The top row is the line holding the same character, at any
		 * width, and the text goes on from it. */
		char *now = article_row(v, 1), *next = article_row(v, 2);
		size_t n = strlen(now);
		char *both = malloc(n + strlen(next) + 1);
		assert_non_null(both);
		memcpy(both, now, n);
		strcpy(both + n, next);
		if (!strstr(now, first) || !strstr(both, start))
			fail_screen(v, "at %d columns the article's top row no longer holds \"%s\"",
			    cols, start);
		free(now);
		free(next);
		free(both);
	}
	vt_resize(v, 16, 120);
	settle(v);
	for (int r = 0; r < 16; r++) {
		char *s = row_text(v, r);
		if (strcmp(s, before[r]) != 0)
			fail_screen(v, "back at 120 columns, row %d is not as it was:\n%s", r, before[r]);
		free(s);
	}
	screen_free(before, 16);
	free(start);
	free(first);
	free(top);
}

/* ---- 2: a hit in a narrow terminal is on screen, marked ---- */

static void test_narrow_hit_shown(void **state)
{
	struct vt *v = start_browser(state, 24, 60, NULL);
	size_t n = search_count("苹果");
	char want[32];

	assert_true(n >= 3);
	press(v, "/苹果\r");
	press(v, "nn");
	snprintf(want, sizeof want, "/%zu", n);
	expect_row(v, -1, want);
	/* Wherever the status says the hit is, it is on screen, marked. */
	bool marked = false;
	for (int r = 1; r < screen_rows(v) - 1 && !marked; r++) {
		int c = find_in(v, r, 0, screen_cols(v), "苹果");
		marked = c >= 0 && cell_marked(v, r, c);
	}
	if (!marked)
		fail_screen(v, "after /苹果 n n no marked 苹果 is on screen");
}

/* ---- 3: every motion stops where G stops ---- */

static void test_motions_stop_at_end(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	static const char *const motions[] = { "j", " ", "}", "\033[6~" };
	struct table *paras = cli_table("--list", "paragraphs");
	const char *last = paras->row[paras->n - 1][2];
	size_t nl = strlen(last);
	char tail[32];

	/* The last paragraph's last characters. */
	snprintf(tail, sizeof tail, "%s", last + nl - 9);
	press(v, "3G");
	char *end = article_text(v);
	if (!strstr(end, tail))
		fail_screen(v, "G does not show the article's end \"%s\"", tail);
	for (size_t m = 0; m < sizeof motions / sizeof *motions; m++) {
		press(v, "g");
		for (int i = 0; i < 60; i++) {
			char keys[64] = "";
			for (int k = 0; k < 8; k++)
				strcat(keys, motions[m]);
			press(v, keys);
		}
		char *now = article_text(v);
		if (strcmp(now, end) != 0)
			fail_screen(v, "after many %s the article is not where G stops:\n%s",
			    m == 3 ? "PgDn" : motions[m], end);
		expect_row(v, -1, " END ");
		free(now);
	}
	free(end);
	table_free(paras);
}

/* ---- 4 and 5: the timeline and the article agree ---- */

/* --list events columns and --list paragraphs' id column. */
enum { EV_ID, EV_DATE, EV_TITLE, EV_WHEN, EV_PERSONS, EV_ORGS, EV_PARAS };

/* The row of --list events (timeline order) whose title the status line
 * names, or -1. */
static long status_event(struct vt *v, const struct table *events)
{
	char *st = row_text(v, -1);
	long found = -1;
	for (size_t i = 0; i < events->n && found < 0; i++) {
		char *t = utf8_prefix(field(events, i, EV_TITLE), 20);
		if (strstr(st, t))
			found = (long)i;
		free(t);
	}
	free(st);
	return found;
}

/* " pN/" of the paragraph with this id. */
static void para_status(const struct table *paras, const char *id, char *out, size_t n)
{
	size_t len = strcspn(id, ",");
	for (size_t i = 0; i < paras->n; i++)
		if (strlen(field(paras, i, 0)) == len && strncmp(field(paras, i, 0), id, len) == 0) {
			snprintf(out, n, " p%zu/", i + 1);
			return;
		}
	fail_msg("no paragraph %.*s", (int)len, id);
}

static void test_filter_and_reading_agree(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	struct table *events = cli_table("--list", "events");
	struct table *paras = cli_table("--list", "paragraphs");
	char want[32];
	long k;

	/* G in the timeline, then f: the first of the person's events is
	 * selected, and the article shows its paragraph, marked. */
	press(v, "Gf");
	expect_text(v, "Timeline: ");
	k = status_event(v, events);
	if (k < 0)
		fail_screen(v, "the status line names no event after G f");
	para_status(paras, field(events, (size_t)k, EV_PARAS), want, sizeof want);
	expect_row(v, -1, want);
	int lc = left_border_col(v);
	if (vt_cell(v, 1, lc + 2, NULL) != 0x258C)   /* ▌ */
		fail_screen(v, "after G f the article's top paragraph is not marked");
	press(v, "f");

	/* Read to p30 in the article, then 1: the timeline selects an event
	 * of p30, and j goes on to the event after it. */
	press(v, "3g");
	for (int i = 0; i < 29; i++)
		press(v, "}");
	expect_row(v, -1, " p30/");
	press(v, "1");
	expect_row(v, -1, " p30/", " Timeline · ");
	k = status_event(v, events);
	if (k < 0 || !list_has(field(events, (size_t)k, EV_PARAS), "p30"))
		fail_screen(v, "after reading to p30, 1 selects an event that does not cite p30");
	press(v, "j");
	para_status(paras, field(events, (size_t)k + 1, EV_PARAS), want, sizeof want);
	expect_row(v, -1, want);
	if (status_event(v, events) != k + 1)
		fail_screen(v, "j in the timeline did not select the event after %s",
		    field(events, (size_t)k, EV_ID));
	table_free(events);
	table_free(paras);
}

/* ---- 9: a hit in a note shows in the details window opened for it ---- */

static void test_note_hit_in_details(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	/* In the note on p17 (its gloss has Bali too, but not this). */
	size_t n = search_count("is Bali");
	char want[32];
	int row, col;

	assert_true(n > 0);
	press(v, "/is Bali");
	snprintf(want, sizeof want, "/is Bali  hit 1/%zu", n);
	expect_row(v, -1, want);
	expect_text(v, "Details (q or Esc");
	/* Marked inside the window, not only in the footer below it. */
	bool marked = false;
	for (int r = 0; r < screen_rows(v) - 3 && !marked; r++) {
		int c = find_in(v, r, 0, screen_cols(v), "Bali");
		marked = c >= 0 && cell_marked(v, r, c);
	}
	if (!marked)
		fail_screen(v, "the details window shows no marked Bali");
	/* The cursor stays in the prompt. */
	vt_cursor(v, &row, &col, NULL);
	if (row != screen_rows(v) - 1)
		fail_screen(v, "the cursor is at row %d, not in the prompt", row);
	press(v, "\r");
	expect_text(v, "Details (q or Esc");
	press(v, "q");
	expect_gone(v, "Details (q or Esc");
	assert_true(vt_alive(v));
}

/* ---- 6: the wheel ---- */

/* An SGR (1006) wheel notch at 1-based (x, y): 64 up, 65 down. */
static void wheel(struct vt *v, bool down, int x, int y)
{
	char buf[64];
	snprintf(buf, sizeof buf, "\033[<%d;%d;%dM", down ? 65 : 64, x, y);
	press(v, buf);
}

static void test_wheel_scrolls_only(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	int lc = left_border_col(v);

	press(v, "3");
	char *status = row_text(v, -1), *art = article_text(v), *first = cells_text(v, 1, 1, lc);
	/* Over the timeline (at its end: the reading place's event is among
	 * the last): it scrolls up; focus, selection and article stay. */
	wheel(v, false, 5, 5);
	char *status2 = row_text(v, -1), *art2 = article_text(v), *first2 = cells_text(v, 1, 1, lc);
	if (strcmp(status, status2) != 0)
		fail_screen(v, "the wheel over the timeline changed the status line (was \"%s\")",
		    status);
	if (strcmp(art, art2) != 0)
		fail_screen(v, "the wheel over the timeline moved the article");
	if (strcmp(first, first2) == 0)
		fail_screen(v, "the wheel over the timeline did not scroll it");
	/* Over the people, who all fit: nothing on screen changes. */
	char **was = screen_copy(v);
	int rows = screen_rows(v);
	wheel(v, true, 5, rows - 5);
	wheel(v, false, 5, rows - 5);
	for (int r = 0; r < rows; r++) {
		char *s = row_text(v, r);
		if (strcmp(s, was[r]) != 0)
			fail_screen(v, "the wheel over the people, who all fit, changed row %d", r);
		free(s);
	}
	screen_free(was, rows);
	/* Over the help: it scrolls and stays open. */
	press(v, "?");
	expect_text(v, "Keys (q or Esc");
	char **help = screen_copy(v);
	wheel(v, true, 60, 20);
	expect_text(v, "Keys (q or Esc");
	bool moved = false;
	for (int r = 0; r < rows; r++) {
		char *s = row_text(v, r);
		moved |= strcmp(s, help[r]) != 0;
		free(s);
	}
	if (!moved)
		fail_screen(v, "the wheel over the help did not scroll it");
	screen_free(help, rows);
	free(status);
	free(status2);
	free(art);
	free(art2);
	free(first);
	free(first2);
}

/* ---- 7: the help scrolls and says it continues ---- */

static void test_help_scrolls(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);

	press(v, "?");
	expect_text(v, "Keys (q or Esc");
	expect_text(v, "% more");
	expect_gone(v, "scroll the pane or overlay under the pointer");
	press(v, "G");
	expect_text(v, "Keys (q or Esc");
	expect_text(v, "(END)");
	expect_text(v, "scroll the pane or overlay under the pointer");
	/* End, Home, Space, PgUp: it stays open and moves. */
	press(v, "g");
	expect_text(v, "% more");
	press(v, "\033OF");
	expect_text(v, "(END)");
	press(v, "\033OH");
	expect_text(v, "% more");
	press(v, " ");
	expect_text(v, "Keys (q or Esc");
	/* A key of no use here leaves it open. */
	press(v, "x1");
	expect_text(v, "Keys (q or Esc");
	press(v, "q");
	expect_gone(v, "Keys (q or Esc");
	expect_full_view(v, "after the help");
	assert_true(vt_alive(v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_resize_keeps_place, teardown_vt),
		cmocka_unit_test_teardown(test_narrow_hit_shown, teardown_vt),
		cmocka_unit_test_teardown(test_motions_stop_at_end, teardown_vt),
		cmocka_unit_test_teardown(test_filter_and_reading_agree, teardown_vt),
		cmocka_unit_test_teardown(test_note_hit_in_details, teardown_vt),
		cmocka_unit_test_teardown(test_wheel_scrolls_only, teardown_vt),
		cmocka_unit_test_teardown(test_help_scrolls, teardown_vt),
	};

	return cmocka_run_group_tests_name("reading view", tests, NULL, NULL);
}
