/* End-to-end tests of search that bridges spellings: a query that is a
 * whole form of a person (LeCun, 杨立昆) also finds the mentions written
 * in the other forms; n and N walk them with the rest, the article marks
 * the one gone to as the current hit, and the status line says which
 * spelling it is.  Expected hits come from `dossier --search` at run
 * time, its sixth column marking the bridged ones. */
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

/* --search columns */
enum { HIT_KIND, HIT_ID, HIT_FIELD, HIT_TEXT, HIT_ARTICLES, HIT_BRIDGE };

/* The 0-based rows of --search QUERY bridged to person:lecun. */
static size_t bridged_rows(const struct table *t, size_t *rows, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (field(t, i, HIT_BRIDGE)[0] == '\0')
			continue;
		assert_string_equal(field(t, i, HIT_BRIDGE), "person:lecun");
		assert_string_equal(field(t, i, HIT_KIND), "paragraph");
		assert_string_equal(field(t, i, HIT_FIELD), "text");
		if (n < max)
			rows[n] = i;
		n++;
	}
	return n;
}

/* The current hit: underlined and bold on a background of its own (white
 * on red, or reverse video without colours); other hits are not
 * underlined. */
static bool is_current_hit(struct vt *v, int r, int c)
{
	struct vt_attr a = vt_cell_attr(v, r, c);
	return a.bold && a.underline && (a.reverse || !a.bg_default);
}

/* The article (right of the left column) marks as the current hit form,
 * once, and nothing else. */
static void expect_current_is(struct vt *v, const char *form, const char *when)
{
	int lc = left_border_col(v), cols = screen_cols(v), found = 0;
	settle(v);
	for (int r = 1; r < screen_rows(v) - 2; r++)
		for (int c = lc + 1; c < cols - 1; c++) {
			int w, end = c;
			vt_cell(v, r, c, &w);
			if (w == 0 || !is_current_hit(v, r, c))
				continue;
			/* The run of cells so marked (right halves go with their
			 * left: libvterm's attributes there are stale). */
			while (end < cols - 1 && (vt_cell(v, r, end, &w), w == 0 ||
			    is_current_hit(v, r, end)))
				end++;
			char *got = cells_text(v, r, c, end);
			if (strcmp(got, form) != 0)
				fail_screen(v, "%s: row %d marks \"%s\" as the current hit, not "
				    "\"%s\"", when, r, got, form);
			free(got);
			found++;
			c = end;
		}
	if (found != 1)
		fail_screen(v, "%s: \"%s\" is marked as the current hit %d times, not once",
		    when, form, found);
}

/* 80x24: /lecun, n to the first bridged hit (杨立昆 in p13), its status
 * and mark; n to the next (a hit of the text: no bridge named); N back. */
static void test_bridged_80x24(void **state)
{
	struct table *hits = cli_table("--search", "lecun");
	size_t rows[8], nb = bridged_rows(hits, rows, 8), n = hits->n;
	char want[128];

	assert_int_equal(nb, 3);
	assert_non_null(strstr(field(hits, rows[0], HIT_TEXT), "[杨立昆]"));
	struct vt *v = start_browser(state, 24, 80, NULL);
	press(v, "g");
	vt_send(v, "/lecun");
	snprintf(want, sizeof want, "/lecun  hit 1/%zu", n);
	expect_row(v, -1, want);
	press(v, "\r");
	for (size_t i = 0; i < rows[0]; i++)
		press(v, "n");
	snprintf(want, sizeof want, "hit %zu/%zu · 杨立昆 = LeCun", rows[0] + 1, n);
	expect_row(v, -1, want, " Article · ");
	expect_current_is(v, "杨立昆", "80x24 /lecun, first bridged hit");

	/* The next hit is the text's own LeCun (in Yann LeCunn). */
	press(v, "n");
	snprintf(want, sizeof want, "hit %zu/%zu", rows[0] + 2, n);
	expect_row(v, -1, want);
	if (row_contains(v, -1, "= LeCun"))
		fail_screen(v, "a hit of the query's text is named as a bridged one");
	expect_current_is(v, "LeCun", "80x24 /lecun, the hit after");

	press(v, "N");
	snprintf(want, sizeof want, "hit %zu/%zu · 杨立昆 = LeCun", rows[0] + 1, n);
	expect_row(v, -1, want);
	expect_current_is(v, "杨立昆", "80x24 /lecun, N back");

	/* Every other bridged hit in turn. */
	for (size_t b = 1; b < nb; b++) {
		for (size_t i = rows[b - 1]; i < rows[b]; i++)
			press(v, "n");
		snprintf(want, sizeof want, "hit %zu/%zu · 杨立昆 = LeCun", rows[b] + 1, n);
		expect_row(v, -1, want);
		expect_current_is(v, "杨立昆", "80x24 /lecun, a later bridged hit");
	}
	table_free(hits);
}

/* 200x60: typed a key at a time, /杨立 bridges nothing and /杨立昆 does
 * (the counts are --search's); the bridged hit is the Latin mention
 * Yann LeCunn, named in the status line and marked; the other way
 * round, 杨立昆 is marked as a hit (not the current one) beside it.
 * The next is Yann LeCun in the paragraph's English. */
static void test_bridged_200x60(void **state)
{
	struct table *part = cli_table("--search", "杨立");
	struct table *hits = cli_table("--search", "杨立昆");
	size_t b = hits->n;
	char want[128];

	for (size_t i = 0; i < part->n; i++)
		assert_string_equal(field(part, i, HIT_BRIDGE), "");
	for (size_t i = 0; i < hits->n && b == hits->n; i++)
		if (field(hits, i, HIT_BRIDGE)[0])
			b = i;
	assert_true(b < hits->n);
	assert_non_null(strstr(field(hits, b, HIT_TEXT), "[Yann LeCunn]"));

	struct vt *v = start_browser(state, 60, 200, NULL);
	press(v, "g");
	vt_send(v, "/杨立");
	snprintf(want, sizeof want, "/杨立  hit 1/%zu", part->n);
	expect_row(v, -1, want);
	vt_send(v, "昆");
	snprintf(want, sizeof want, "/杨立昆  hit 1/%zu", hits->n);
	expect_row(v, -1, want);
	press(v, "\r");
	for (size_t i = 0; i < b; i++)
		press(v, "n");
	snprintf(want, sizeof want, "hit %zu/%zu · Yann LeCunn = 杨立昆", b + 1, hits->n);
	expect_row(v, -1, want, " Article · ");
	expect_current_is(v, "Yann LeCunn", "200x60 /杨立昆, the bridged hit");
	/* 杨立昆 just before it is a hit too, marked but not current. */
	int r, c, lc = left_border_col(v);
	bool seen = false;
	for (r = 1; r < screen_rows(v) - 2 && !seen; r++)
		for (c = find_in(v, r, lc + 1, screen_cols(v) - 1, "杨立昆"); c >= 0 && !seen;
		    c = find_in(v, r, c + 1, screen_cols(v) - 1, "杨立昆"))
			seen = cell_marked(v, r, c) && !is_current_hit(v, r, c);
	if (!seen)
		fail_screen(v, "no 杨立昆 in the article is marked as a hit");

	/* The next one is in the paragraph's English, which the article then
	 * shows with the original: Yann LeCun there, also bridged. */
	assert_string_equal(field(hits, b + 1, HIT_FIELD), "gloss");
	assert_string_equal(field(hits, b + 1, HIT_BRIDGE), "person:lecun");
	press(v, "n");
	snprintf(want, sizeof want, "hit %zu/%zu · Yann LeCun = 杨立昆", b + 2, hits->n);
	expect_row(v, -1, want);
	expect_text(v, "Article (both)");
	expect_current_is(v, "Yann LeCun", "200x60 /杨立昆, the bridged hit in the English");
	table_free(part);
	table_free(hits);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_bridged_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_bridged_200x60, teardown_vt),
	};
	return cmocka_run_group_tests_name("search bridging spellings", tests, NULL, NULL);
}
