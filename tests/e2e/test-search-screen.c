/* End-to-end tests of the keyboard search: / opens a prompt that searches
 * everything as you type, n/N walk the hits across the panes, Esc puts the
 * view back.  Expected hits come from `dossier --search` at run time. */
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

/* --search columns: kind, id, field, excerpt */
enum { HIT_KIND, HIT_ID, HIT_FIELD, HIT_TEXT };

static void expect_hits(struct vt *v, const char *query, size_t i, size_t n)
{
	char want[128];
	snprintf(want, sizeof want, "/%s  hit %zu/%zu", query, i, n);
	expect_row(v, -1, want);
}

/* ---- hits are counted and marked ---- */

static bool is_llama_at(struct vt *v, int r, int c)
{
	static const char word[] = "llama";
	for (int k = 0; k < 5; k++) {
		uint32_t cp = vt_cell(v, r, c + k, NULL);
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp != (uint32_t)word[k])
			return false;
	}
	return true;
}

/* Columns of row r (within [c0, c1)) covered by an occurrence of "llama",
 * any case, as a mask; returns how many occurrences are fully marked. */
static int llama_cells(struct vt *v, int r, int c0, int c1, bool *in_word)
{
	int marked_words = 0;
	for (int c = c0; c < c1; c++)
		in_word[c] = false;
	for (int c = c0; c + 5 <= c1; c++) {
		if (!is_llama_at(v, r, c))
			continue;
		bool all = true;
		for (int k = 0; k < 5; k++) {
			in_word[c + k] = true;
			all = all && cell_marked(v, r, c + k);
		}
		marked_words += all;
	}
	return marked_words;
}

/* The browser at 160x40, its timeline on the first event: a search starts
 * at the focused pane's selection, so hit 1 is the first hit.  (Wide
 * enough for the timeline to show the titles with hits whole: a hit cut
 * off at the pane's edge is shown in a details window instead.) */
static struct vt *start_at_first_event(void **state)
{
	struct vt *v = start_browser(state, 40, 160, NULL);
	press(v, "g");
	return v;
}

static void test_search_counts_and_marks(void **state)
{
	size_t n = search_count("llama");
	assert_true(n > 10);
	struct vt *v = start_at_first_event(state);
	vt_send(v, "/llama");
	expect_hits(v, "llama", 1, n);
	settle(v);

	/* Hits stand out, and only hits: in the article pane, and in the
	 * timeline rows other than the selected one (which is all marked). */
	int lc = left_border_col(v), cols = screen_cols(v), rows = screen_rows(v);
	bool in_word[512];
	int marked = 0;
	for (int r = 1; r < rows - 2; r++) {
		struct {
			int c0, c1;
		} panes[2] = { { lc + 2, cols - 1 }, { 1, lc } };
		for (int p = 0; p < 2; p++) {
			int c0 = panes[p].c0, c1 = panes[p].c1;
			if (vt_cell(v, r, 0, NULL) == BOX_UR || vt_cell(v, r, 0, NULL) == BOX_DR)
				if (p == 1)
					continue; /* the boxes' edges in the left column */
			if (p == 1 && cell_marked(v, r, 3))
				continue; /* the selected row */
			marked += llama_cells(v, r, c0, c1, in_word);
			for (int c = c0; c < c1; c++) {
				int w;
				vt_cell(v, r, c, &w);
				if (w == 0)
					continue; /* right half: libvterm's attributes are stale */
				if (cell_marked(v, r, c) && !in_word[c])
					fail_screen(v, "row %d col %d is highlighted but is not part of "
					    "a hit", r, c);
			}
		}
	}
	if (marked == 0)
		fail_screen(v, "no visible Llama is highlighted as a hit");
}

/* ---- n and N ---- */

struct names {
	struct table *events, *people, *orgs, *paras;
};

static const char *name_of(const struct table *t, const char *id, size_t col)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(field(t, i, 0), id) == 0)
			return field(t, i, col);
	return NULL;
}

/* After moving to hit i (1-based) of hits: the status counts it, names the
 * pane of its kind, and that pane shows the item hit. */
static void expect_at_hit(struct vt *v, const struct table *hits, const struct names *nm,
    const char *query, size_t i)
{
	const char *kind = field(hits, i - 1, HIT_KIND), *id = field(hits, i - 1, HIT_ID);
	char count[128], where[256];
	snprintf(count, sizeof count, "/%s  hit %zu/%zu", query, i, hits->n);
	if (strcmp(kind, "event") == 0) {
		const char *title = name_of(nm->events, id, 2);
		assert_non_null(title);
		char *t = utf8_prefix(title, 20);
		snprintf(where, sizeof where, " Timeline · %s", t);
		free(t);
	} else if (strcmp(kind, "person") == 0 || strcmp(kind, "org") == 0) {
		const char *name = name_of(strcmp(kind, "person") == 0 ? nm->people : nm->orgs, id, 1);
		assert_non_null(name);
		char *t = utf8_prefix(name, 12);
		snprintf(where, sizeof where, " People · %s", t);
		free(t);
	} else if (strcmp(kind, "paragraph") == 0) {
		size_t pn = 0;
		for (size_t k = 0; k < nm->paras->n; k++)
			if (strcmp(field(nm->paras, k, 0), id) == 0)
				pn = k + 1;
		assert_true(pn > 0);
		snprintf(where, sizeof where, " p%zu/%zu ", pn, nm->paras->n);
		/* and the pane is the article's, showing the hit marked */
		if (!wait_row(v, -1, PATIENCE_MS, count, " Article · ", (char *)NULL))
			fail_screen(v, "hit %zu (%s %s) should focus the article", i, kind, id);
		settle(v);
		int lc = left_border_col(v), marked = 0;
		bool in_word[512];
		for (int r = 1; r < screen_rows(v) - 2; r++)
			marked += llama_cells(v, r, lc + 2, screen_cols(v) - 1, in_word);
		if (marked == 0)
			fail_screen(v, "hit %zu is in %s, but no Llama in the article is marked", i, id);
	} else {
		fail_msg("unknown kind of hit in --search output: %s", kind);
	}
	if (!wait_row(v, -1, PATIENCE_MS, count, where, (char *)NULL))
		fail_screen(v, "hit %zu is %s %s: the status should show \"%s\" and \"%s\"", i,
		    kind, id, count, where);
}

static void test_next_prev_across_panes(void **state)
{
	struct table *hits = cli_table("--search", "llama");
	struct names nm = { cli_table("--list", "events"), cli_table("--list", "people"),
		cli_table("--list", "orgs"), cli_table("--list", "paragraphs") };
	size_t n = hits->n;
	assert_true(n > 10);
	/* The hits span the panes, in reading order of the kinds. */
	static const char *const order[] = { "event", "person", "org", "paragraph" };
	size_t rank = 0, panes = 0;
	for (size_t i = 0; i < n; i++) {
		size_t r = 0;
		while (r < 4 && strcmp(order[r], field(hits, i, HIT_KIND)) != 0)
			r++;
		assert_true(r < 4);
		assert_true(r >= rank); /* --search lists them in this order */
		panes += r != rank || i == 0;
		rank = r;
	}
	assert_true(panes >= 3);

	struct vt *v = start_at_first_event(state);
	vt_send(v, "/llama");
	expect_at_hit(v, hits, &nm, "llama", 1);
	vt_send(v, "\r"); /* keep the hits, close the prompt */
	settle(v);
	expect_at_hit(v, hits, &nm, "llama", 1);

	for (size_t i = 2; i <= n; i++) {
		vt_send(v, "n");
		expect_at_hit(v, hits, &nm, "llama", i);
	}
	vt_send(v, "n"); /* wraps around */
	expect_at_hit(v, hits, &nm, "llama", 1);
	vt_send(v, "N");
	expect_at_hit(v, hits, &nm, "llama", n);
	for (size_t i = n - 1; i >= 1; i--) {
		vt_send(v, "N");
		expect_at_hit(v, hits, &nm, "llama", i);
	}
	table_free(hits);
	table_free(nm.events);
	table_free(nm.people);
	table_free(nm.orgs);
	table_free(nm.paras);
}

/* ---- the prompt ---- */

struct screen {
	char **text;
	struct vt_attr *attr;
};

static struct screen grab(struct vt *v)
{
	return (struct screen){ screen_copy(v), attrs_copy(v) };
}

static void release(struct vt *v, struct screen *s)
{
	screen_free(s->text, screen_rows(v));
	free(s->attr);
}

/* The screen is as it was, text and attributes, but for row skip_row. */
static void expect_same_screen(struct vt *v, const struct screen *before, int skip_row,
    const char *what)
{
	for (int r = 0; r < screen_rows(v); r++) {
		if (r == skip_row)
			continue;
		char *now = row_text(v, r);
		if (strcmp(now, before->text[r]) != 0) {
			fprintf(stderr, "# row %d was: %s\n# row %d now: %s\n", r, before->text[r],
			    r, now);
			fail_screen(v, "%s: row %d changed", what, r);
		}
		free(now);
	}
	int r, c;
	if (attrs_differ(v, before->attr, skip_row, &r, &c)) {
		struct vt_attr a = before->attr[r * screen_cols(v) + c], b = vt_cell_attr(v, r, c);
		char *cell = cells_text(v, r, c, c + 1);
		fail_screen(v, "%s: the attributes of \"%s\" at row %d col %d changed: bold %d->%d "
		    "reverse %d->%d underline %d->%d default fg %d->%d default bg %d->%d", what, cell,
		    r, c, a.bold, b.bold, a.reverse, b.reverse, a.underline, b.underline,
		    a.fg_default, b.fg_default, a.bg_default, b.bg_default);
	}
}

/* A view away from the start: people selection, article scrolled. */
static void move_away(struct vt *v)
{
	press(v, "2");
	press(v, "jj");
	press(v, "3");
	press(v, "  ");
	expect_row(v, -1, " Article · ");
	if (row_contains(v, -1, " p1/"))
		fail_screen(v, "Space did not scroll the article");
}

static void test_escape_restores_view(void **state)
{
	struct vt *v = start_at_first_event(state);
	move_away(v);
	struct screen before = grab(v);

	vt_send(v, "/llama");
	expect_row(v, -1, "/llama  hit ");
	settle(v);
	char *moved = row_text(v, -1);
	bool status_moved = strcmp(moved, before.text[screen_rows(v) - 1]) != 0;
	free(moved);
	assert_true(status_moved);

	vt_send(v, "\033");
	expect_gone(v, "/llama");
	settle(v);
	expect_same_screen(v, &before, -1, "Esc in the prompt");
	release(v, &before);
}

static void test_backspace_whole_character(void **state)
{
	size_t n3 = search_count("扎克伯"), n2 = search_count("扎克");
	assert_true(n2 > 0 && n3 > 0);
	struct vt *v = start_at_first_event(state);
	vt_send(v, "/扎克伯");
	expect_hits(v, "扎克伯", 1, n3);
	settle(v);
	vt_send(v, "\x7f");
	expect_hits(v, "扎克", 1, n2);
	settle(v);
	/* The prompt is the status line's left part, up to the hit count. */
	char *status = row_text(v, -1);
	char *end = strstr(status, "  hit ");
	assert_non_null(end);
	*end = '\0';
	if (strcmp(status, "/扎克") != 0)
		fail_screen(v, "after Backspace the prompt reads \"%s\", not \"/扎克\"", status);
	free(status);
	/* The cursor sits right after the query: / and two wide characters. */
	int crow, ccol;
	vt_cursor(v, &crow, &ccol, NULL);
	if (crow != screen_rows(v) - 1 || ccol != 5)
		fail_screen(v, "prompt cursor at row %d col %d, expected col 5 of the status", crow,
		    ccol);

	/* Another one leaves "/扎". */
	vt_send(v, "\x7f");
	expect_row(v, -1, "/扎  ");
	settle(v);
	if (row_contains(v, -1, "/扎克"))
		fail_screen(v, "the second Backspace did not remove 克");
}

/* Left/Right move over whole characters, two columns for a wide one, and
 * Backspace deletes the character before the cursor.  (In keypad mode a
 * terminal sends ESC O D / ESC O C for the arrows.) */
static void test_prompt_cursor_editing(void **state)
{
	struct vt *v = start_at_first_event(state);
	int row, col;
	vt_send(v, "/扎克伯");
	expect_row(v, -1, "/扎克伯  ");
	settle(v);
	vt_cursor(v, &row, &col, NULL);
	if (row != screen_rows(v) - 1 || col != 7)
		fail_screen(v, "cursor at row %d col %d, expected the end of the query (col 7)", row,
		    col);
	press(v, "\033OD");
	vt_cursor(v, &row, &col, NULL);
	if (col != 5)
		fail_screen(v, "Left should move the cursor over 伯 to col 5, it is at %d", col);
	vt_send(v, "\x7f");
	expect_row(v, -1, "/扎伯  ");
	settle(v);
	vt_cursor(v, &row, &col, NULL);
	if (col != 3)
		fail_screen(v, "after deleting 克 the cursor should be at col 3, it is at %d", col);
	press(v, "\033OC");
	vt_send(v, "x");
	expect_row(v, -1, "/扎伯x  ");
	settle(v);
	vt_cursor(v, &row, &col, NULL);
	if (col != 6)
		fail_screen(v, "the cursor should follow the x at col 6, it is at %d", col);
}

static void test_fullwidth_query(void **state)
{
	size_t n = search_count("llama");
	assert_int_equal(search_count("ＬＬＡＭＡ"), n);
	struct vt *v = start_at_first_event(state);
	vt_send(v, "/ＬＬＡＭＡ");
	expect_hits(v, "ＬＬＡＭＡ", 1, n);
	settle(v);
	/* Same first hit as the plain query. */
	char *fw = row_text(v, -1);
	press(v, "\033");
	vt_send(v, "/llama");
	expect_hits(v, "llama", 1, n);
	settle(v);
	char *plain = row_text(v, -1);
	/* Compare what follows the hit counts: the focused pane and item. */
	char count[64];
	snprintf(count, sizeof count, "hit 1/%zu", n);
	const char *pa = strstr(fw, count), *pb = strstr(plain, count);
	assert_non_null(pa);
	assert_non_null(pb);
	pa += strlen(count);
	pb += strlen(count);
	while (*pa == ' ')
		pa++;
	while (*pb == ' ')
		pb++;
	if (strcmp(pa, pb) != 0)
		fail_screen(v, "full-width and plain queries go to different places:\n%s\n%s", fw,
		    plain);
	free(fw);
	free(plain);
}

static void test_no_match(void **state)
{
	const char *q = "zqxj";
	assert_int_equal(search_count(q), 0);
	struct vt *v = start_at_first_event(state);
	move_away(v);
	struct screen before = grab(v);
	int status = screen_rows(v) - 1;

	vt_send(v, "/");
	vt_send(v, q);
	expect_row(v, -1, "/zqxj", "no match");
	settle(v);
	expect_same_screen(v, &before, status, "a query without hits");

	vt_send(v, "\r");
	expect_gone(v, "/zqxj ");
	expect_row(v, -1, "no match");
	settle(v);
	expect_same_screen(v, &before, status, "Enter on a query without hits");

	vt_send(v, "n");
	settle(v);
	expect_row(v, -1, "no match");
	expect_same_screen(v, &before, status, "n without hits");
	release(v, &before);
}

/* / and Esc before any search leaves nothing for n to repeat; an empty /
 * after a search keeps that search, as in less. */
static void test_empty_prompt(void **state)
{
	struct vt *v = start_at_first_event(state);
	press(v, "/\033");
	vt_send(v, "n");
	expect_row(v, -1, "no search: press /");
	size_t n = search_count("LLaMA");
	assert_true(n > 1);
	char want[64];
	snprintf(want, sizeof want, "hit 1/%zu", n);
	press(v, "/LLaMA\r");
	expect_row(v, -1, want);
	press(v, "/\r");
	vt_send(v, "n");
	snprintf(want, sizeof want, "hit 2/%zu", n);
	expect_row(v, -1, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_search_counts_and_marks, teardown_vt),
		cmocka_unit_test_teardown(test_next_prev_across_panes, teardown_vt),
		cmocka_unit_test_teardown(test_escape_restores_view, teardown_vt),
		cmocka_unit_test_teardown(test_backspace_whole_character, teardown_vt),
		cmocka_unit_test_teardown(test_prompt_cursor_editing, teardown_vt),
		cmocka_unit_test_teardown(test_fullwidth_query, teardown_vt),
		cmocka_unit_test_teardown(test_no_match, teardown_vt),
		cmocka_unit_test_teardown(test_empty_prompt, teardown_vt),
	};
	return cmocka_run_group_tests_name("keyboard search", tests, NULL, NULL);
}
