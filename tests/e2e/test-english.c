/* End-to-end tests of the article's English mode: e cycles the article
 * between the original, the dossier's English (each paragraph's Gloss)
 * and both; --text chooses the mode at start.  The English text expected
 * comes from `dossier --list glosses` at run time. */
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

/* --list glosses and --list paragraphs columns: id, section, text */
enum { P_ID, P_SECTION, P_TEXT };

/* The first words of s that fit in n bytes, cut at a space so that they
 * are on the first wrapped line of any article width over n; malloc'd. */
static char *
lead(const char *s, size_t n)
{
	size_t len = strlen(s), end = len < n ? len : n;

	while (end < len && end > 0 && s[end] != ' ')
		end--;
	return strndup(s, end ? end : (len < n ? len : n));
}

/* Is the paragraph's lead on screen, within the article pane? */
static bool
lead_shown(struct vt *v, const char *text, size_t n, int lc)
{
	char *l = lead(text, n);
	int r, c;
	bool on = vt_find(v, l, &r, &c) && c > lc && r > 0 && r < screen_rows(v) - 2;

	free(l);
	return on;
}

/* Every row keeps its borders: the left column's right one and the
 * screen's last column (the article's right one), so no line of English
 * ran over them. */
static void
expect_borders(struct vt *v, int lc)
{
	for (int r = 0; r < screen_rows(v) - 1; r++)
		for (int k = 0; k < 2; k++) {
			int c = k ? screen_cols(v) - 1 : lc;
			uint32_t cp = vt_cell(v, r, c, NULL);
			if (cp != BOX_V && cp != BOX_DL && cp != BOX_UL && cp != BOX_VL)
				fail_screen(v, "English mode: row %d has no border in column %d", r, c);
		}
}

/* Reads the whole article in English, page by page, from the top: every
 * paragraph's gloss shows, no original paragraph does, the panes' borders
 * stay where they are (no line overflows), and the article says it is the
 * English. */
static void
read_english(void **state, int rows, int cols)
{
	struct table *gl = cli_table("--list", "glosses");
	struct table *pa = cli_table("--list", "paragraphs");
	struct vt *v = start_browser(state, rows, cols, NULL);
	bool *seen = calloc(gl->n, 1);
	size_t nseen = 0;
	char **before = NULL;

	assert_true(gl->n > 50 && gl->n == pa->n);
	assert_non_null(seen);
	press(v, "3");
	press(v, "e");
	expect_row(v, 0, "English");
	for (int page = 0; page < 400 && nseen < gl->n; page++) {
		int lc = left_border_col(v);
		char **now;
		expect_borders(v, lc);
		for (size_t i = 0; i < gl->n; i++) {
			if (!seen[i] && lead_shown(v, field(gl, i, P_TEXT), 24, lc)) {
				seen[i] = true;
				nseen++;
			}
			/* The original's first characters (Chinese among them)
			 * are not drawn. */
			char *zh = utf8_prefix(field(pa, i, P_TEXT), 12);
			int r, c;
			if (vt_find(v, zh, &r, &c) && c > lc && r < rows - 3)
				fail_screen(v, "English mode shows the original of %s",
				    field(pa, i, P_ID));
			free(zh);
		}
		now = screen_copy(v);
		if (before) {
			bool same = true;
			for (int r = 0; r < rows - 1 && same; r++)
				same = strcmp(before[r], now[r]) == 0;
			screen_free(before, rows);
			if (same) {
				before = now;
				break;
			}
		}
		before = now;
		press(v, " ");
	}
	if (before)
		screen_free(before, rows);
	for (size_t i = 0; i < gl->n; i++)
		if (!seen[i])
			fail_screen(v, "reading the English to its end never showed the gloss of %s",
			    field(gl, i, P_ID));
	free(seen);
	table_free(gl);
	table_free(pa);
}

static void test_english_80x24(void **state) { read_english(state, 24, 80); }
static void test_english_120x40(void **state) { read_english(state, 40, 120); }

/* e cycles original -> English -> both -> original; in both, each
 * paragraph is followed by its gloss, indented. */
static void
test_cycle(void **state)
{
	struct table *gl = cli_table("--list", "glosses");
	struct table *pa = cli_table("--list", "paragraphs");
	struct vt *v = start_browser(state, 40, 120, NULL);
	char *en = lead(field(gl, 0, P_TEXT), 24);
	char *zh = utf8_prefix(field(pa, 0, P_TEXT), 6);
	int lc = left_border_col(v), rz, cz, re, ce;

	press(v, "3");
	expect_text(v, zh);
	if (vt_find(v, en, NULL, NULL))
		fail_screen(v, "the original mode shows the gloss");
	press(v, "e");
	expect_text(v, en);
	expect_gone(v, zh);
	press(v, "e");
	expect_row(v, 0, "both");
	expect_text(v, zh);
	expect_text(v, en);
	settle(v);
	assert_true(vt_find(v, zh, &rz, &cz) && vt_find(v, en, &re, &ce));
	if (!(re > rz && ce == cz + 2 && cz > lc))
		fail_screen(v, "in both, the gloss is not under its paragraph, indented by 2");
	press(v, "e");
	expect_gone(v, en);
	expect_text(v, zh);
	expect_full_view(v, "back to the original");
	expect_borders(v, lc);
	free(en);
	free(zh);
	table_free(gl);
	table_free(pa);
}

/* A search for an English word lands on a gloss, and the hit is seen,
 * marked: from the original mode the article switches to both. */
static void
test_gloss_hit_seen(void **state)
{
	struct vt *v = start_browser(state, 24, 80, NULL);
	int r, c;

	vt_send(v, "/talent\r");
	expect_row(v, 0, "both");
	settle(v);
	if (!vt_find(v, "talent", &r, &c) || c <= left_border_col(v))
		fail_screen(v, "the hit in the gloss is not in the article");
	for (int k = 0; k < 6; k++)
		if (!cell_marked(v, r, c + k))
			fail_screen(v, "the hit in the gloss is not marked");
}

/* --text=english starts in English; a bad mode is a usage error. */
static void
test_text_option(void **state)
{
	struct table *gl = cli_table("--list", "glosses");
	char *argv[] = { (char *)dossier_path(), (char *)"--text=english", (char *)"-f",
		(char *)data_path(), NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE", NULL };
	char *en = lead(field(gl, 0, P_TEXT), 24);
	struct vt *v = vt_spawn(argv, env, 24, 80);

	assert_non_null(v);
	*state = v;
	expect_text(v, en);
	expect_row(v, 0, "English");
	vt_free(v);
	argv[1] = (char *)"--text=klingon";
	v = vt_spawn(argv, env, 24, 80);
	assert_non_null(v);
	*state = v;
	expect_text(v, "--text wants original, english or both");
	free(en);
	table_free(gl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_english_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_english_120x40, teardown_vt),
		cmocka_unit_test_teardown(test_cycle, teardown_vt),
		cmocka_unit_test_teardown(test_gloss_hit_seen, teardown_vt),
		cmocka_unit_test_teardown(test_text_option, teardown_vt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
