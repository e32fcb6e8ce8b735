/* End-to-end tests of reading comfort at 80x24 and 200x60: every cut
 * cell ends with an ellipsis, the timeline's titles keep one column while
 * it scrolls, the status line names the selection at the terminal's
 * width, z zooms the focused pane and back, and the splits move. */
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

enum { EV_ID, EV_DATE, EV_TITLE };

#define ELLIPSIS "\u2026"

/* The column where the title of timeline row r starts: after the mark,
 * the date and the blank after it. */
static int title_col(struct vt *v, int r, int lc)
{
	int c = 2, w;
	while (c < lc && vt_cell(v, r, c, &w) != ' ' && vt_cell(v, r, c, &w) != 0)
		c++;
	while (c < lc && (vt_cell(v, r, c, &w) == ' ' || vt_cell(v, r, c, &w) == 0))
		c++;
	return c;
}

/* Every timeline row's title is an event's whole title, or a prefix of
 * one ending with an ellipsis in the pane's last column; every title
 * starts in the same column.  Returns that column. */
static int check_titles(struct vt *v, const struct table *events, int col0)
{
	int lc = left_border_col(v), last = 0;
	for (int r = 1; r < screen_rows(v) - 1; r++)
		if (vt_cell(v, r, 0, NULL) == BOX_UR) {
			last = r - 1;
			break;
		}
	for (int r = 1; r <= last; r++) {
		int c = title_col(v, r, lc);
		if (c >= lc)
			continue;
		if (col0 && c != col0)
			fail_screen(v, "timeline row %d: title at column %d, not %d", r, c, col0);
		col0 = c;
		char *t = cells_text(v, r, c, lc);
		size_t n = strlen(t);
		while (n && t[n - 1] == ' ')
			t[--n] = '\0';
		bool cut = n >= 3 && strcmp(t + n - 3, ELLIPSIS) == 0;
		bool found = false;
		for (size_t i = 0; i < events->n && !found; i++) {
			const char *full = field(events, i, EV_TITLE);
			found = cut ? strncmp(full, t, n - 3) == 0 && strlen(full) > n - 3 :
			    strcmp(full, t) == 0;
		}
		if (!found)
			fail_screen(v, "timeline row %d: \"%s\" is no title, whole or cut with "
			    ELLIPSIS, r, t);
		if (cut && find_in(v, r, lc - 1, lc, ELLIPSIS) != lc - 1)
			fail_screen(v, "timeline row %d: the cut title ends before the border", r);
		free(t);
	}
	return col0;
}

static void cut_marked(void **state, int rows, int cols)
{
	struct table *events = cli_table("--list", "events");
	struct vt *v = start_browser(state, rows, cols, NULL);
	int col = check_titles(v, events, 0);
	press(v, "G");
	check_titles(v, events, col);
	for (int i = 0; i < 7; i++) {
		press(v, "kkk");
		check_titles(v, events, col);
	}
	table_free(events);
}

static void test_cut_marked_80x24(void **state) { cut_marked(state, 24, 80); }
static void test_cut_marked_200x60(void **state) { cut_marked(state, 60, 200); }

/* At 200 columns the status line names the selected event whole, the
 * longest title too: no cap of its own. */
static void test_status_width(void **state)
{
	struct table *events = cli_table("--list", "events");
	size_t longest = 0;
	for (size_t i = 1; i < events->n; i++)
		if (strlen(field(events, i, EV_TITLE)) > strlen(field(events, longest, EV_TITLE)))
			longest = i;
	const char *t = field(events, longest, EV_TITLE);
	struct vt *v = start_browser(state, 60, 200, NULL);
	press(v, "g");
	bool seen = row_contains(v, -1, t);
	for (size_t i = 0; i < events->n && !seen; i++) {
		press(v, "j");
		seen = row_contains(v, -1, t);
	}
	if (!seen)
		fail_screen(v, "the status line never showed \"%s\" whole", t);
	table_free(events);
}

static void zoom(void **state, int rows, int cols)
{
	struct vt *v = start_browser(state, rows, cols, NULL);
	int w;

	press(v, "3z");
	if (vt_cell(v, 0, 0, &w) != BOX_DR || vt_cell(v, 0, cols - 1, &w) != BOX_DL ||
	    vt_cell(v, rows - 2, 0, &w) != BOX_UR)
		fail_screen(v, "z: the article's box is not the whole screen");
	if (!row_contains(v, 0, "Article") || row_contains(v, 0, "Timeline"))
		fail_screen(v, "z: the article alone");
	/* The text runs to the right border. */
	press(v, "1");
	if (!row_contains(v, 0, "Timeline") || vt_cell(v, 0, cols - 1, &w) != BOX_DL)
		fail_screen(v, "z then 1: the timeline alone, the whole width");
	press(v, "3z");
	expect_full_view(v, "z again");
}

static void test_zoom_80x24(void **state) { zoom(state, 24, 80); }
static void test_zoom_200x60(void **state) { zoom(state, 60, 200); }

/* < and > move the list column's border by four columns, = back; at
 * 200 columns the article is at its measure, 100 columns of text. */
static void test_splits(void **state)
{
	struct vt *v = start_browser(state, 24, 80, NULL);
	int lc = left_border_col(v);
	press(v, "<");
	if (left_border_col(v) != lc - 4)
		fail_screen(v, "<: the border at %d, not %d", left_border_col(v), lc - 4);
	press(v, ">>>");
	if (left_border_col(v) != lc + 8)
		fail_screen(v, ">: the border at %d, not %d", left_border_col(v), lc + 8);
	press(v, "=");
	if (left_border_col(v) != lc)
		fail_screen(v, "=: the border at %d, not %d", left_border_col(v), lc);
	expect_full_view(v, "after the splits moved");
}

static void test_measure_200x60(void **state)
{
	struct vt *v = start_browser(state, 60, 200, NULL);
	/* The article's box: a border, two columns of marks, the text, a
	 * border. */
	int lc = left_border_col(v);
	if (200 - (lc + 1) != 100 + 4)
		fail_screen(v, "the article's box is %d columns, not 104", 200 - (lc + 1));
}

/* The status line: the paragraph, its section as "section A", the
 * percent read, END at the end. */
static void where(void **state, int rows, int cols)
{
	struct vt *v = start_browser(state, rows, cols, NULL);
	expect_row(v, -1, " · p1/", " · 0% ");
	press(v, "3");
	for (int i = 0; i < 60 && !row_contains(v, -1, " · section A · "); i++)
		press(v, "}");
	expect_row(v, -1, " · p", " · section A · ", "% ");
	press(v, "G");
	expect_row(v, -1, " · section ", " · END ");
}

static void test_where_80x24(void **state) { where(state, 24, 80); }
static void test_where_200x60(void **state) { where(state, 60, 200); }

/* Above p1 the article's head: its title, then author, editor and date
 * (cut with an ellipsis where the pane is too narrow), a blank row, then
 * p1.  G and g leave it and come back to it. */
static void head(void **state, int rows, int cols)
{
	struct vt *v = start_browser(state, rows, cols, NULL);
	int lc = left_border_col(v);
	press(v, "3");
	if (find_in(v, 1, lc, cols, "Meta的AI人才流失危机") < 0)
		fail_screen(v, "the article's title should head the article pane");
	if (find_in(v, 2, lc, cols, "毕安娣") < 0)
		fail_screen(v, "the author should follow the title");
	if (find_in(v, 4, lc, cols, "两个月前") < 0)
		fail_screen(v, "p1 should follow the head after a blank row");
	press(v, "G");
	if (find_in(v, 2, lc, cols, "毕安娣") >= 0)
		fail_screen(v, "the head is still shown at the end of the article");
	press(v, "g");
	if (find_in(v, 2, lc, cols, "毕安娣") < 0)
		fail_screen(v, "g should come back to the head");
}

static void test_head_80x24(void **state) { head(state, 24, 80); }
static void test_head_200x60(void **state) { head(state, 60, 200); }

/* i: the dossier's title and the article's byline, in an overlay. */
static void dossier_info(void **state, int rows, int cols)
{
	struct vt *v = start_browser(state, rows, cols, NULL);
	press(v, "i");
	expect_text(v, "Meta's AI talent drain");
	expect_text(v, "毕安娣 / Bi Andi");
	expect_text(v, "王靖 / Wang Jing");
	press(v, "q");
	expect_gone(v, "毕安娣 / Bi Andi");
}

static void test_dossier_80x24(void **state) { dossier_info(state, 24, 80); }
static void test_dossier_200x60(void **state) { dossier_info(state, 60, 200); }

/* t: the article at each note in turn, the status line counting them
 * and the footer showing the note gone to; #: the list, Enter going to
 * the selected one.  --list notes gives them in the same order. */
static void notes(void **state, int rows, int cols)
{
	struct table *nt = cli_table("--list", "notes");
	size_t n = nt->n;
	assert_int_equal(nt->status, 0);
	assert_true(n > 4);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(nt->nfields[i], 3);
	struct vt *v = start_browser(state, rows, cols, NULL);
	char want[64];
	for (size_t k = 0; k < 3; k++) {
		press(v, "t");
		snprintf(want, sizeof want, "note %zu/%zu", k + 1, n);
		expect_row(v, -1, want);
		/* The footer: the dagger, then the note's quote (its start). */
		char *quote = utf8_prefix(field(nt, k, 1), 4);
		char footer[128];
		snprintf(footer, sizeof footer, "† %s", quote);
		expect_text(v, footer);
		free(quote);
	}
	press(v, "#");
	expect_text(v, "Notes (Enter goes there");
	press(v, "j\r");
	expect_gone(v, "Notes (Enter goes there");
	snprintf(want, sizeof want, "note 4/%zu", n);
	expect_row(v, -1, want);
	table_free(nt);
}

static void test_notes_80x24(void **state) { notes(state, 24, 80); }
static void test_notes_200x60(void **state) { notes(state, 60, 200); }

/* A left click at a screen cell (0-based), pressed and released, as a
 * terminal reports it in the SGR protocol. */
static void click(struct vt *v, int y, int x)
{
	char buf[64];
	snprintf(buf, sizeof buf, "\033[<0;%d;%dM\033[<0;%d;%dm", x + 1, y + 1, x + 1, y + 1);
	vt_send(v, buf);
}

/* A double click on a timeline row opens its event's details; a single
 * click elsewhere does not. */
static void double_click(void **state, int rows, int cols)
{
	struct vt *v = start_browser(state, rows, cols, NULL);
	click(v, 4, 10);
	settle(v);
	expect_gone(v, "Details (q or Esc closes)");
	/* Another cell: the first click of a double one, the second as a
	 * hand makes it, once the first is handled. */
	click(v, 3, 10);
	settle(v);
	click(v, 3, 10);
	settle(v);
	expect_text(v, "Details (q or Esc closes)");
	press(v, "q");
	expect_gone(v, "Details (q or Esc closes)");
}

static void test_double_click_80x24(void **state) { double_click(state, 24, 80); }
static void test_double_click_200x60(void **state) { double_click(state, 60, 200); }

/* c leaves the mouse to the terminal (the program turns its reporting
 * off, and clicks do nothing), and takes it again. */
static void test_mouse_key(void **state)
{
	struct vt *v = start_browser(state, 24, 80, NULL);
	press(v, "c");
	expect_row(v, -1, "mouse off");
	if (!vt_raw_contains(v, "\033[?1006;1000l") && !vt_raw_contains(v, "\033[?1000l"))
		fail_screen(v, "c: the mouse reporting is not turned off");
	int lc = left_border_col(v);
	click(v, 5, lc + 5);
	settle(v);
	/* The click reached no pane: the timeline keeps the focus. */
	expect_row(v, -1, "Timeline");
	press(v, "c");
	expect_row(v, -1, "mouse on");
	click(v, 5, lc + 5);
	settle(v);
	expect_row(v, -1, "Article");
}

/* --no-mouse: the program never turns mouse reporting on. */
static void test_no_mouse_option(void **state)
{
	char *argv[] = { (char *)dossier_path(), (char *)"--no-mouse", (char *)"-f",
	    (char *)data_path(), NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, 24, 80);
	assert_non_null(v);
	*state = v;
	expect_text(v, "Timeline");
	settle(v);
	if (vt_raw_contains(v, "1000h"))
		fail_screen(v, "--no-mouse: mouse reporting turned on");
	press(v, "c");
	expect_row(v, -1, "mouse on");
	if (!vt_raw_contains(v, "1000h"))
		fail_screen(v, "c: mouse reporting not turned on");
}

/* A person's details list the paragraphs naming them; Tab selects a
 * link, Enter goes there. */
static void links(void **state, int rows, int cols)
{
	struct vt *v = start_browser(state, rows, cols, NULL);
	press(v, "2\r");
	expect_text(v, "Named in");
	press(v, "\033[Z");      /* S-Tab: the last link, a paragraph */
	press(v, "\r");
	expect_gone(v, "Named in");
	expect_row(v, -1, "Article");
}

static void test_links_80x24(void **state) { links(state, 24, 80); }
static void test_links_200x60(void **state) { links(state, 60, 200); }

/* . and , : the article at the selected person's mentions. */
static void mentions(void **state, int rows, int cols)
{
	struct table *people = cli_table("--list", "people");
	const char *name = field(people, 0, 1);
	char want[128];
	struct vt *v = start_browser(state, rows, cols, NULL);
	press(v, "2g.");
	snprintf(want, sizeof want, "%s in p", name);
	expect_row(v, -1, want);
	char *first = row_text(v, -1);
	press(v, "..");
	expect_row(v, -1, want);
	press(v, ",,");
	char *back = row_text(v, -1);
	if (strcmp(first, back) != 0)
		fail_screen(v, ". . , , should come back to \"%s\"", first);
	free(first);
	free(back);
	table_free(people);
}

static void test_mentions_80x24(void **state) { mentions(state, 24, 80); }
static void test_mentions_200x60(void **state) { mentions(state, 60, 200); }

/* p: the next paragraph of an event told in several. */
static void event_paras(void **state, int rows, int cols)
{
	struct table *events = cli_table("--list", "events");
	size_t k = 0;
	while (k < events->n && !strchr(field(events, k, 6), ','))
		k++;
	assert_true(k < events->n);
	size_t n = 1;
	for (const char *c = field(events, k, 6); *c; c++)
		n += *c == ',';
	struct vt *v = start_browser(state, rows, cols, NULL);
	press(v, "g");
	for (size_t i = 0; i < k; i++)
		press(v, "j");
	char want[64];
	press(v, "p");
	snprintf(want, sizeof want, "paragraph 2/%zu of the event", n);
	expect_row(v, -1, want);
	table_free(events);
}

static void test_event_paras_80x24(void **state) { event_paras(state, 24, 80); }
static void test_event_paras_200x60(void **state) { event_paras(state, 60, 200); }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_cut_marked_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_cut_marked_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_status_width, teardown_vt),
		cmocka_unit_test_teardown(test_head_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_head_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_zoom_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_zoom_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_splits, teardown_vt),
		cmocka_unit_test_teardown(test_measure_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_where_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_where_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_dossier_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_dossier_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_notes_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_notes_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_double_click_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_double_click_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_mouse_key, teardown_vt),
		cmocka_unit_test_teardown(test_no_mouse_option, teardown_vt),
		cmocka_unit_test_teardown(test_links_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_links_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_mentions_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_mentions_200x60, teardown_vt),
		cmocka_unit_test_teardown(test_event_paras_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_event_paras_200x60, teardown_vt),
	};
	return cmocka_run_group_tests_name("reading comfort", tests, NULL, NULL);
}
