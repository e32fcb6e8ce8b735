/* Screen tests of a dossier of several articles (tests/data/multi.rec) in
 * the real program: each article's head drawn in the article pane when
 * the reading gets to it, the pane title and status line naming the
 * article, the next and previous article keys, the list of articles, the
 * source tags of the timeline, the filter by article, the article of a
 * search hit on the status line and the articles in the details. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "dossier-e2e.h"

#define ROWS 24
#define COLS 110

static const char *
multi_path(void)
{
	static char path[4096];
	const char *top = getenv("top_srcdir");

	if (!top || !*top)
		fail_msg("top_srcdir is not set: run through `make check` or set top_srcdir");
	snprintf(path, sizeof path, "%s/tests/data/multi.rec", top);
	if (access(path, R_OK) != 0)
		fail_msg("cannot read %s", path);
	return path;
}

static struct vt *
start(void **state)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)multi_path(), NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, ROWS, COLS);

	assert_non_null(v);
	*state = v;
	expect_text(v, "Timeline");
	settle(v);
	return v;
}

/* The text of the article pane's row `row` (0: its top border). */
static bool
article_row_has(struct vt *v, int row, const char *utf8)
{
	return find_in(v, row, left_border_col(v) + 1, screen_cols(v), utf8) >= 0;
}

static void
expect_article_row(struct vt *v, int row, const char *utf8)
{
	if (!article_row_has(v, row, utf8))
		fail_screen(v, "article pane row %d: want \"%s\"", row, utf8);
}

static void
test_first_head(void **state)
{
	struct vt *v = start(state);

	expect_article_row(v, 0, "Article 1/3: Robot keeper takes over Harbor Lighthouse");
	expect_article_row(v, 1, "Robot keeper takes over Harbor Lighthouse");
	expect_article_row(v, 2, "Mei Example · ed. Tom Sample · 2025-03-02 · Harbor");
	expect_article_row(v, 4, "For forty-five years Bo Lantern");
	expect_row(v, -1, "1/3 Harbor Gazette… · p1/3");
}

static void
test_reading_into_the_second(void **state)
{
	struct vt *v = start(state);
	int n = 0;

	press(v, "3");
	/* Down a row at a time until the pane names the second article. */
	while (!article_row_has(v, 0, "Article 2/3: 港口灯塔换上机器人看守")) {
		if (++n > 40)
			fail_screen(v, "40 rows down, still not in the second article");
		press(v, "j");
	}
	/* Its head is the top row: its title, then its byline. */
	expect_article_row(v, 1, "港口灯塔换上机器人看守");
	expect_article_row(v, 2, "李示例 · 2025-03-03 · 示例日报");
	expect_row(v, -1, "2/3 示例日报 · p1/3");
	/* One row up: the first article again, its last paragraph. */
	press(v, "k");
	expect_article_row(v, 0, "Article 1/3");
	expect_row(v, -1, "1/3 Harbor Gazette… · p3/3");
}

static void
test_next_and_previous_keys(void **state)
{
	struct vt *v = start(state);

	press(v, "]");
	expect_article_row(v, 0, "Article 2/3");
	expect_article_row(v, 1, "港口灯塔换上机器人看守");
	expect_row(v, -1, "2/3 示例日报 · p1/3");
	press(v, "]");
	expect_article_row(v, 1, "Interview: the engineer behind the lighthouse robot");
	expect_article_row(v, 2, "Sam Placeholder · 2025-04 · Example Radio");
	expect_row(v, -1, "3/3 Example Radio · p1/6");
	press(v, "]");
	expect_row(v, -1, "no next article");
	press(v, "[");
	expect_article_row(v, 1, "港口灯塔换上机器人看守");
	expect_row(v, -1, "2/3 示例日报 · p1/3");
}

static void
test_article_list(void **state)
{
	struct vt *v = start(state);

	press(v, "L");
	expect_text(v, "Articles (Enter reads");
	expect_text(v, "港口灯塔换上机器人看守 — 李示例 · 2025-03-03 · 示例日报 · 3");
	press(v, "jj\r");
	expect_gone(v, "Articles (Enter reads");
	expect_article_row(v, 0, "Article 3/3: Interview");
	expect_article_row(v, 1, "Interview: the engineer behind the lighthouse robot");
	expect_row(v, -1, "Article ·", "3/3 Example Radio · p1/6");
	/* Back up the list to the first. */
	press(v, "Lkk\r");
	expect_article_row(v, 1, "Robot keeper takes over Harbor Lighthouse");
	expect_row(v, -1, "1/3 Harbor Gazette… · p1/3");
}

/* The timeline row holding an event's title, or -1. */
static int
event_row(struct vt *v, const char *title)
{
	for (int r = 1; r < screen_rows(v) - 1; r++)
		if (find_in(v, r, 0, left_border_col(v), title) >= 0)
			return r;
	return -1;
}

static void
test_source_tags(void **state)
{
	struct vt *v = start(state);
	int border = left_border_col(v), r, c;

	/* Told by the daily and the interview: the daily's name, +1, just
	 * inside the border. */
	r = event_row(v, "Beacon-1 weathers");
	if (r < 0)
		fail_screen(v, "no row for the storm");
	c = find_in(v, r, 0, border, "示例日报+1");
	if (c < 0 || c + 10 != border)
		fail_screen(v, "row %d: want 示例日报+1 against the border (at %d)", r, c);
	/* Told by the gazette alone: its name, cut, no count. */
	r = event_row(v, "Bo Lantern retires");
	if (r < 0 || find_in(v, r, 0, border, "Harbor") < 0 || find_in(v, r, 0, border, "+") >= 0)
		fail_screen(v, "row %d: want the gazette's tag alone", r);
	r = event_row(v, "Ada Keeper builds");
	if (r < 0 || find_in(v, r, 0, border, "Example") < 0)
		fail_screen(v, "row %d: want the interview's tag", r);
}

static void
test_filter_and_hit(void **state)
{
	struct vt *v = start(state);

	press(v, "]F");
	expect_row(v, 0, "Timeline: daily (3)");
	expect_text(v, "People (3) in daily");
	press(v, "F");
	expect_row(v, 0, "Timeline (5)");
	/* A hit in the daily's text names it on the status line. */
	press(v, "/陈伟\r");
	press(v, "n");
	expect_row(v, -1, "hit 2/2 in 示例日报");
}

/* Details list the articles: those telling an event, those naming a
 * person, how often. */
static void
test_details(void **state)
{
	struct vt *v = start(state);

	press(v, "1G\r");
	expect_text(v, "Told by");
	expect_text(v, "示例日报 — 港口灯塔换上机器人看守");
	expect_text(v, "Example Radio — Interview: the engineer behind");
	press(v, "q2\r");
	expect_text(v, "Named in");
	expect_text(v, "Example Radio: 5 mentions in 4 paragraphs");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_first_head, teardown_vt),
		cmocka_unit_test_teardown(test_reading_into_the_second, teardown_vt),
		cmocka_unit_test_teardown(test_next_and_previous_keys, teardown_vt),
		cmocka_unit_test_teardown(test_article_list, teardown_vt),
		cmocka_unit_test_teardown(test_source_tags, teardown_vt),
		cmocka_unit_test_teardown(test_filter_and_hit, teardown_vt),
		cmocka_unit_test_teardown(test_details, teardown_vt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
