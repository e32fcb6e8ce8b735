/* --ambiwidth=double in a terminal that draws East Asian Ambiguous
 * characters two columns wide, as CJK terminals set that way do: the
 * emulator widens every Ambiguous character of one column (vt_draw_wide),
 * and every row's borders must still be in their columns, at 80x24 and
 * 200x60, as the reader pages through the article and moves in the lists.
 * The quotes and middle dots of the bundled article are on the screen,
 * drawn wide, so the check is not vacuous. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <wchar.h>

#include <cmocka.h>

#include "dossier-e2e.h"
#include "text.h"

/* What the terminal draws two columns wide: an Ambiguous character that
 * the C library (as a terminal set to narrow) draws in one. */
static bool
wide_ambiguous(uint32_t cp)
{
	return text_is_ambiguous(cp) && wcwidth((wchar_t)cp) == 1;
}

static struct vt *
start_double(void **state, int rows, int cols)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)data_path(),
		(char *)"--ambiwidth=double", (char *)"--no-state", NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE",
		(char *)"DOSSIER_AMBIWIDTH", NULL };
	struct vt *v = vt_spawn(argv, env, rows, cols);

	assert_non_null(v);
	*state = v;
	vt_draw_wide(v, wide_ambiguous);
	expect_text(v, "Timeline");
	settle(v);
	return v;
}

static bool
is_frame(uint32_t cp)
{
	return cp == '|' || cp == '+';
}

/* Wide Ambiguous characters inside the panes (the status line aside). */
static int
wide_cells(struct vt *v)
{
	int n = 0, w;

	for (int r = 0; r < screen_rows(v) - 1; r++)
		for (int c = 0; c < screen_cols(v); c++) {
			uint32_t cp = vt_cell(v, r, c, &w);
			if (w == 2 && wide_ambiguous(cp))
				n++;
		}
	return n;
}

/* Full view: the frame in ASCII, and on every row but the status line the
 * left column's borders and the article's in their columns; no
 * box-drawing character, which this terminal would draw two wide. */
static void
expect_aligned(struct vt *v, const char *when)
{
	int rows = screen_rows(v), cols = screen_cols(v), lc = -1, r, c;

	if (!vt_find(v, "Timeline", &r, &c) || r != 0)
		fail_screen(v, "%s: no Timeline title on row 0", when);
	if (!vt_find(v, "Article", &r, &c) || r != 0)
		fail_screen(v, "%s: no Article title on row 0", when);
	for (c = 1; c < cols - 1 && lc < 0; c++)
		if (vt_cell(v, 0, c, NULL) == '+')
			lc = c;
	if (lc < 0 || vt_cell(v, 0, lc + 1, NULL) != '+')
		fail_screen(v, "%s: no ++ between the left column and the article on row 0", when);
	for (r = 0; r < rows - 1; r++) {
		const int at[] = { 0, lc, lc + 1, cols - 1 };
		for (size_t i = 0; i < sizeof at / sizeof *at; i++)
			if (!is_frame(vt_cell(v, r, at[i], NULL)))
				fail_screen(v, "%s: row %d has no border at col %d", when, r, at[i]);
		for (c = 0; c < cols; c++) {
			uint32_t cp = vt_cell(v, r, c, NULL);
			/* Box drawing, and the usual marks ▌ † § (the data has
			 * none of them). */
			if ((cp >= 0x2500 && cp <= 0x257f) || cp == 0x258c || cp == 0x2020 ||
			    cp == 0xa7)
				fail_screen(v, "%s: U+%04X drawn at row %d col %d", when, cp, r, c);
		}
	}
}

static void
pages_and_moves(void **state, int rows, int cols)
{
	struct vt *v = start_double(state, rows, cols);
	int seen = 0;
	char when[64];

	expect_aligned(v, "first frame");
	seen += wide_cells(v);
	press(v, "3");                       /* the article */
	for (int i = 0; i < 6; i++) {
		press(v, " ");
		snprintf(when, sizeof when, "article page %d", i + 1);
		expect_aligned(v, when);
		seen += wide_cells(v);
	}
	press(v, "1");                       /* the timeline: the article follows */
	for (int i = 0; i < 5; i++) {
		press(v, "j");
		snprintf(when, sizeof when, "timeline row %d", i + 1);
		expect_aligned(v, when);
		seen += wide_cells(v);
	}
	if (seen == 0)
		fail_screen(v, "no Ambiguous character was drawn two wide in a pane");
	/* The article follows the timeline: its paragraph's event is marked >
	 * in the timeline's first column. */
	bool marked = false;
	for (int r = 1; r < rows - 1 && !marked; r++)
		marked = vt_cell(v, r, 1, NULL) == '>';
	if (!marked)
		fail_screen(v, "no > marking the event being read");
	expect_clean_quit(v, "after paging");
}

static void
test_80x24(void **state)
{
	pages_and_moves(state, 24, 80);
}

static void
test_200x60(void **state)
{
	pages_and_moves(state, 60, 200);
}

/* The narrow view (one pane) at 60x20: its borders in the first and last
 * columns on every row under the tabs, also with the help over it, and the
 * status line's reading place whole after the article's title, whose
 * separators " · " are four columns here. */
static void
expect_narrow_aligned(struct vt *v, const char *when)
{
	int rows = screen_rows(v), cols = screen_cols(v);

	for (int r = 1; r < rows - 1; r++)
		if (!is_frame(vt_cell(v, r, 0, NULL)) || !is_frame(vt_cell(v, r, cols - 1, NULL)))
			fail_screen(v, "%s: row %d has no border in col 0 or %d", when, r, cols - 1);
}

static void
test_narrow(void **state)
{
	struct vt *v = start_double(state, 20, 60);
	char *status;

	expect_narrow_aligned(v, "timeline");
	press(v, "3");
	for (int i = 0; i < 4; i++) {
		press(v, " ");
		expect_narrow_aligned(v, "article");
		status = row_text(v, -1);
		if (!strstr(status, " \u00b7 p") || !strstr(status, "/56"))
			fail_screen(v, "the status line has no whole reading place after a \u00b7");
		free(status);
	}
	press(v, "?");
	if (!vt_find(v, "Keys", NULL, NULL))
		fail_screen(v, "no help over the narrow view");
	expect_narrow_aligned(v, "help");
	for (int r = 2; r < screen_rows(v) - 2; r++) {
		int c = screen_cols(v) - 3;             /* the help box's right border */
		if (!is_frame(vt_cell(v, r, c, NULL)))
			fail_screen(v, "help: row %d has no border at col %d", r, c);
	}
	press(v, "q");                       /* closes the help */
	expect_gone(v, "Keys (q");
	expect_clean_quit(v, "after the help");
}

/* A popup titled title: its left and right borders on every row from its
 * top (the title's row) to its bottom corner. */
static void
expect_popup_aligned(struct vt *v, const char *title, const char *when)
{
	int top, tc, left, right = -1, r;

	if (!vt_find(v, title, &top, &tc))
		fail_screen(v, "%s: no popup titled '%s'", when, title);
	left = tc - 2;
	if (left < 0 || vt_cell(v, top, left, NULL) != '+')
		fail_screen(v, "%s: no + before the popup's title", when);
	for (int c = tc; c < screen_cols(v) && right < 0; c++)
		if (vt_cell(v, top, c, NULL) == '+')
			right = c;
	if (right < 0)
		fail_screen(v, "%s: no + closing the popup's title row", when);
	for (r = top + 1; r < screen_rows(v) - 1; r++) {
		uint32_t l = vt_cell(v, r, left, NULL), rt = vt_cell(v, r, right, NULL);
		if (!is_frame(l) || !is_frame(rt))
			fail_screen(v, "%s: popup row %d has no border at col %d or %d", when, r,
			    left, right);
		if (l == '+')
			break;
	}
	if (r == screen_rows(v) - 1)
		fail_screen(v, "%s: the popup has no bottom", when);
}

/* Popups over the full view, a search's hits highlighted among wide
 * quotes: every border in its column. */
static void
test_popups(void **state)
{
	struct vt *v = start_double(state, 24, 80);

	/* A hit in an event's details shows them in a popup. */
	vt_send(v, "/Llama");
	expect_row(v, -1, "hit");
	settle(v);
	press(v, "\r");                        /* keep the hits */
	for (int i = 0; i < 8; i++) {
		if (vt_find(v, "Details (q", NULL, NULL))
			expect_popup_aligned(v, "Details", "a hit in details");
		else
			expect_aligned(v, "a hit");
		press(v, "n");
	}
	while (vt_find(v, "Details (q", NULL, NULL))
		press(v, "q");
	press(v, "\033");                      /* clear the hits */
	press(v, "1");
	press(v, "\r");
	expect_popup_aligned(v, "Details", "details");
	press(v, "q");
	expect_gone(v, "Details (q");
	press(v, "2");
	press(v, "j");
	press(v, "\r");
	expect_popup_aligned(v, "Details", "a person's details");
	press(v, "q");
	expect_gone(v, "Details (q");
	press(v, "L");
	expect_popup_aligned(v, "Articles", "the list of articles");
	press(v, "q");
	expect_gone(v, "Articles (");
	press(v, "?");
	expect_popup_aligned(v, "Keys", "help");
	press(v, "q");
	expect_gone(v, "Keys (q");
	expect_aligned(v, "popups closed");
	expect_clean_quit(v, "after the popups");
}

/* The option's value is checked: anything but single or double is a
 * usage error (64), from the option or the environment. */
static void
test_bad_value(void **state)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)data_path(),
		(char *)"--ambiwidth=wide", NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"DOSSIER_AMBIWIDTH", NULL };
	char *argv2[] = { (char *)dossier_path(), (char *)"-f", (char *)data_path(), NULL };
	char *env2[] = { (char *)"LC_ALL=C.UTF-8", (char *)"DOSSIER_AMBIWIDTH=2", NULL };
	struct vt *v = vt_spawn(argv, env, 24, 80);
	int st;

	assert_non_null(v);
	*state = v;
	st = vt_wait_exit(v, PATIENCE_MS);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 64 || !vt_find(v, "'wide'", NULL, NULL))
		fail_screen(v, "--ambiwidth=wide: want exit 64 naming the value");
	vt_free(v);
	*state = v = vt_spawn(argv2, env2, 24, 80);
	assert_non_null(v);
	st = vt_wait_exit(v, PATIENCE_MS);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 64 || !vt_find(v, "DOSSIER_AMBIWIDTH", NULL, NULL))
		fail_screen(v, "DOSSIER_AMBIWIDTH=2: want exit 64 naming the variable");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_narrow, teardown_vt),
		cmocka_unit_test_teardown(test_popups, teardown_vt),
		cmocka_unit_test_teardown(test_bad_value, teardown_vt),
	};
	/* wcwidth of UTF-8 characters, as the program's terminal measures. */
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		puts("1..0 # SKIP no C.UTF-8 locale");
		return 0;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
