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
	int top = l->mode == LAYOUT_NARROW ? 1 : 0;

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
		 * and the article at least as wide as the left column. */
		assert_int_equal(l.pane[PANE_TIMELINE].x, 0);
		assert_int_equal(l.pane[PANE_PEOPLE].x, 0);
		assert_int_equal(l.pane[PANE_PEOPLE].y,
		    l.pane[PANE_TIMELINE].y + l.pane[PANE_TIMELINE].h);
		assert_true(l.pane[PANE_ARTICLE].w >= l.pane[PANE_TIMELINE].w);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_rect_independent_of_focus),
		cmocka_unit_test(test_nonsense),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
