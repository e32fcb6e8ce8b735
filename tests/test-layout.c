/* Layout at every size from 0x0 to 300x120 and every focus: the mode
 * follows the thresholds, panes stay on screen, never overlap, cover the
 * body exactly, and the tab bar is cut into three tabs that cover it. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "layout.h"

#define MAX_ROWS 120
#define MAX_COLS 300

static enum layout_mode
expected_mode(int rows, int cols)
{
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS)
		return LAYOUT_TOO_SMALL;
	if (rows < LAYOUT_FULL_ROWS || cols < LAYOUT_FULL_COLS)
		return LAYOUT_NARROW;
	return LAYOUT_FULL;
}

static bool
inside(struct rect r, int y, int x)
{
	return y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

/* Every cell above the status line (and below the tab bar) is in exactly
 * one shown pane, and layout_pane_at names that pane. */
static void
check_cover(const struct layout *l, int rows, int cols)
{
	int top = l->mode == LAYOUT_NARROW && !l->zoomed ? 1 : 0;

	for (int y = 0; y < rows - 1; y++)
		for (int x = 0; x < cols; x++) {
			int owners = 0, owner = -1;
			for (int p = 0; p < NPANES; p++)
				if (l->shown[p] && inside(l->pane[p], y, x))
					owners++, owner = p;
			if (y < top) {
				assert_int_equal(owners, 0);
				continue;
			}
			if (owners != 1)
				fail_msg("%dx%d: cell (%d,%d) is in %d panes", cols, rows, y, x, owners);
			assert_int_equal(layout_pane_at(l, y, x), owner);
		}
	for (int x = 0; x < cols; x++)
		assert_int_equal(layout_pane_at(l, rows - 1, x), -1);
}

static void
check_tabs(const struct layout *l, int cols)
{
	int x = 0;

	assert_int_equal(l->tabs.y, 0);
	assert_int_equal(l->tabs.w, cols);
	for (int p = 0; p < NPANES; p++) {
		struct rect t = layout_tab(l, (enum pane)p);
		assert_int_equal(t.x, x);
		/* Room at least for " 1 Ti" at the narrowest width. */
		assert_true(t.w >= LAYOUT_MIN_COLS / NPANES);
		for (int c = t.x; c < t.x + t.w; c++)
			assert_int_equal(layout_tab_at(l, 0, c), p);
		x += t.w;
	}
	assert_int_equal(x, cols);
	assert_int_equal(layout_tab_at(l, 0, cols), -1);
	assert_int_equal(layout_tab_at(l, 0, -1), -1);
	assert_int_equal(layout_tab_at(l, 1, 0), -1);
}

static void
check_size(int rows, int cols, enum pane focus)
{
	struct layout l;

	layout_compute(&l, rows, cols, focus);
	assert_int_equal(l.rows, rows);
	assert_int_equal(l.cols, cols);
	if (l.mode != expected_mode(rows, cols))
		fail_msg("%dx%d: mode %d, expected %d", cols, rows, l.mode,
		    expected_mode(rows, cols));
	if (l.mode == LAYOUT_TOO_SMALL) {
		for (int p = 0; p < NPANES; p++)
			assert_false(l.shown[p]);
		assert_int_equal(layout_pane_at(&l, 0, 0), -1);
		assert_int_equal(layout_tab_at(&l, 0, 0), -1);
		return;
	}
	assert_int_equal(l.status.y, rows - 1);
	assert_int_equal(l.status.w, cols);
	for (int p = 0; p < NPANES; p++) {
		if (!l.shown[p])
			continue;
		struct rect r = l.pane[p], in = layout_inner(&l, (enum pane)p);
		assert_true(r.y >= 0 && r.x >= 0 && r.y + r.h <= rows - 1 && r.x + r.w <= cols);
		/* A box with room for at least one line of text. */
		assert_true(in.h >= 1 && in.w >= 1);
		assert_int_equal(in.h, r.h - 2);
		assert_int_equal(in.w, r.w - 2);
	}
	check_cover(&l, rows, cols);
	if (l.mode == LAYOUT_NARROW) {
		assert_true(l.shown[focus]);
		for (int p = 0; p < NPANES; p++)
			assert_int_equal(l.shown[p], p == (int)focus);
		check_tabs(&l, cols);
	} else {
		for (int p = 0; p < NPANES; p++)
			assert_true(l.shown[p]);
		assert_int_equal(layout_tab_at(&l, 0, 0), -1);
		/* Timeline over people on the left, the article on the right,
		 * and the article at least as wide as the left column, unless
		 * at its measure: never wider. */
		assert_int_equal(l.pane[PANE_TIMELINE].x, 0);
		assert_int_equal(l.pane[PANE_PEOPLE].x, 0);
		assert_int_equal(l.pane[PANE_PEOPLE].y,
		    l.pane[PANE_TIMELINE].y + l.pane[PANE_TIMELINE].h);
		assert_true(l.pane[PANE_ARTICLE].w >= l.pane[PANE_TIMELINE].w ||
		    l.pane[PANE_ARTICLE].w == LAYOUT_MEASURE + LAYOUT_ART_CHROME);
		assert_true(l.pane[PANE_ARTICLE].w <= LAYOUT_MEASURE + LAYOUT_ART_CHROME);
		assert_int_equal(l.left, 0);
		assert_int_equal(l.top, 0);
		assert_int_equal(l.pane[PANE_ARTICLE].h, rows - 1);
	}
}

static void
test_every_size(void **state)
{
	(void)state;
	for (int rows = 0; rows <= MAX_ROWS; rows++)
		for (int cols = 0; cols <= MAX_COLS; cols += rows < 20 ? 1 : 7)
			for (int f = 0; f < NPANES; f++)
				check_size(rows, cols, (enum pane)f);
}

/* What a pane holds does not depend on which pane has the focus: every
 * pane's rectangle (the article's width above all) is the same whatever
 * the focus, in the narrow view too where only the focused one shows. */
static void
test_rect_independent_of_focus(void **state)
{
	(void)state;
	for (int rows = LAYOUT_MIN_ROWS; rows <= 60; rows++)
		for (int cols = LAYOUT_MIN_COLS; cols <= 300; cols++) {
			struct layout l0, l;
			layout_compute(&l0, rows, cols, PANE_TIMELINE);
			for (int f = 1; f < NPANES; f++) {
				layout_compute(&l, rows, cols, (enum pane)f);
				for (int p = 0; p < NPANES; p++) {
					struct rect a = layout_inner(&l0, (enum pane)p);
					struct rect b = layout_inner(&l, (enum pane)p);
					if (a.y != b.y || a.x != b.x || a.h != b.h || a.w != b.w || b.w < 1)
						fail_msg("%dx%d: pane %d is %dx%d with focus 0, %dx%d with focus %d",
						    cols, rows, p, a.w, a.h, b.w, b.h, f);
				}
			}
		}
}

/* The sizes at the edges of each mode, checked whatever the stride above. */
static void
test_thresholds(void **state)
{
	static const int sizes[][2] = {
		{ 1, 1 }, { 4, 19 }, { 4, 20 }, { 5, 19 }, { 5, 20 }, { 11, 79 },
		{ 11, 80 }, { 12, 79 }, { 12, 80 }, { 13, 81 }, { 40, 120 },
		{ 20, 60 }, { 3, 10 }, { 1000, 1000 }, { 12, 1000 }, { 1000, 20 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		for (int f = 0; f < NPANES; f++)
			check_size(sizes[i][0], sizes[i][1], (enum pane)f);
}

/* Negative sizes (a terminal that reports nonsense) are "too small". */
static void
test_nonsense(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, -1, 80, PANE_TIMELINE);
	assert_int_equal(l.mode, LAYOUT_TOO_SMALL);
	layout_compute(&l, 40, -5, PANE_ARTICLE);
	assert_int_equal(l.mode, LAYOUT_TOO_SMALL);
	assert_int_equal(layout_pane_at(&l, 0, 0), -1);
}

/* Zoomed, the focused pane has the whole body, alone, at every size and
 * focus; the others keep the places they have unzoomed. */
static void
test_zoom(void **state)
{
	const struct layout_opts zoom = { .zoom = true };

	(void)state;
	for (int rows = 0; rows <= MAX_ROWS; rows += 3)
		for (int cols = 0; cols <= MAX_COLS; cols += rows < 20 ? 1 : 11)
			for (int f = 0; f < NPANES; f++) {
				struct layout l, l0;
				layout_compute_opts(&l, rows, cols, (enum pane)f, &zoom);
				layout_compute(&l0, rows, cols, (enum pane)f);
				assert_int_equal(l.mode, expected_mode(rows, cols));
				if (l.mode == LAYOUT_TOO_SMALL)
					continue;
				assert_true(l.zoomed);
				for (int p = 0; p < NPANES; p++)
					assert_int_equal(l.shown[p], p == f);
				struct rect r = l.pane[f];
				assert_true(r.y == 0 && r.x == 0 && r.h == rows - 1 && r.w == cols);
				for (int p = 0; p < NPANES; p++)
					if (p != f)
						assert_memory_equal(&l.pane[p], &l0.pane[p], sizeof r);
				assert_int_equal(layout_tab_at(&l, 0, 0), -1);
				check_cover(&l, rows, cols);
			}
}

/* The box height a list of n rows needs, n = 0 for no limit. */
static int
need(int n, int body)
{
	return n > 0 && n + 2 < body ? (n + 2 > LAYOUT_LIST_MIN ? n + 2 : LAYOUT_LIST_MIN) : body;
}

/* One size and set of choices: the panes cover the body; the list column
 * and the article are no narrower than their minimums; no list is
 * taller than it needs while the other gets less than it needs; the
 * moves as made give the same layout again. */
static void
check_split(int rows, int cols, const struct layout_opts *o)
{
	struct layout l, again;
	struct layout_opts o2 = *o;

	layout_compute_opts(&l, rows, cols, PANE_ARTICLE, o);
	assert_int_equal(l.mode, LAYOUT_FULL);
	check_cover(&l, rows, cols);
	struct rect tl = l.pane[PANE_TIMELINE], pp = l.pane[PANE_PEOPLE], ar = l.pane[PANE_ARTICLE];
	int body = rows - 1;
	assert_true(tl.w >= LAYOUT_LEFT_MIN && ar.w >= LAYOUT_ART_MIN);
	assert_true(tl.h >= LAYOUT_LIST_MIN && pp.h >= LAYOUT_LIST_MIN);
	if (tl.h > need(o->tl_rows, body) && pp.h < need(o->people_rows, body))
		fail_msg("%dx%d: timeline %d rows for %d, people %d for %d", cols, rows,
		    tl.h, o->tl_rows, pp.h, o->people_rows);
	if (pp.h > need(o->people_rows, body) && tl.h < need(o->tl_rows, body))
		fail_msg("%dx%d: people %d rows for %d, timeline %d for %d", cols, rows,
		    pp.h, o->people_rows, tl.h, o->tl_rows);
	o2.left = l.left;
	o2.top = l.top;
	layout_compute_opts(&again, rows, cols, PANE_ARTICLE, &o2);
	assert_memory_equal(again.pane, l.pane, sizeof l.pane);
	assert_int_equal(again.left, l.left);
	assert_int_equal(again.top, l.top);
}

static void
test_splits(void **state)
{
	static const int content[][2] = {
		{ 0, 0 }, { 40, 5 }, { 3, 40 }, { 1, 1 }, { 200, 200 }, { 12, 9 },
	};

	(void)state;
	for (int rows = LAYOUT_FULL_ROWS; rows <= MAX_ROWS; rows += 5)
		for (int cols = LAYOUT_FULL_COLS; cols <= MAX_COLS; cols += 13)
			for (size_t c = 0; c < sizeof content / sizeof *content; c++)
				for (int left = -300; left <= 300; left += 37)
					for (int top = -120; top <= 120; top += 17) {
						struct layout_opts o = { false, left, top,
						    content[c][0], content[c][1] };
						check_split(rows, cols, &o);
					}
}

/* The defaults: the article at its measure on a wide terminal, the rest
 * to the lists; a short list gives its rows to the other. */
static void
test_split_defaults(void **state)
{
	struct layout l;
	struct layout_opts o = { .tl_rows = 40, .people_rows = 5 };

	(void)state;
	layout_compute_opts(&l, 60, 200, PANE_TIMELINE, &o);
	assert_int_equal(l.pane[PANE_ARTICLE].w, LAYOUT_MEASURE + LAYOUT_ART_CHROME);
	assert_int_equal(l.pane[PANE_TIMELINE].w, 200 - LAYOUT_MEASURE - LAYOUT_ART_CHROME);
	assert_int_equal(l.pane[PANE_PEOPLE].h, 5 + 2);
	assert_int_equal(l.pane[PANE_TIMELINE].h, 59 - 7);
	o = (struct layout_opts){ .tl_rows = 4, .people_rows = 30 };
	layout_compute_opts(&l, 60, 200, PANE_TIMELINE, &o);
	assert_int_equal(l.pane[PANE_TIMELINE].h, 4 + 2);
	/* At 80 columns, the default two fifths; < and > move by what is
	 * asked, within limits. */
	o = (struct layout_opts){ .left = -8 };
	layout_compute_opts(&l, 24, 80, PANE_TIMELINE, &o);
	assert_int_equal(l.pane[PANE_TIMELINE].w, 34 - 8);
	assert_int_equal(l.left, -8);
	o.left = -100;
	layout_compute_opts(&l, 24, 80, PANE_TIMELINE, &o);
	assert_int_equal(l.pane[PANE_TIMELINE].w, LAYOUT_LEFT_MIN);
	assert_int_equal(l.left, LAYOUT_LEFT_MIN - 34);
	o.left = 100;
	layout_compute_opts(&l, 24, 80, PANE_TIMELINE, &o);
	assert_int_equal(l.pane[PANE_ARTICLE].w, LAYOUT_ART_MIN);
	/* Both lists fit: the timeline's move stops where either would
	 * be taller than it needs. */
	o = (struct layout_opts){ .tl_rows = 5, .people_rows = 5, .top = 30 };
	layout_compute_opts(&l, 60, 200, PANE_TIMELINE, &o);
	assert_int_equal(l.pane[PANE_PEOPLE].h, 59 - l.pane[PANE_TIMELINE].h);
	assert_true(l.pane[PANE_PEOPLE].h >= 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_rect_independent_of_focus),
		cmocka_unit_test(test_nonsense),
		cmocka_unit_test(test_zoom),
		cmocka_unit_test(test_splits),
		cmocka_unit_test(test_split_defaults),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
