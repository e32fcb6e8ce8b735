/* Pane geometry.  Full view: timeline over people in a left column, the
 * article on the right, a status line below.  Narrow: a tab bar, the focused
 * pane, the status line. */
#include <config.h>

#include <string.h>

#include "layout.h"

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void
layout_compute(struct layout *l, int rows, int cols, enum pane focus)
{
	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
		l->mode = LAYOUT_TOO_SMALL;
		return;
	}
	l->status = (struct rect){ rows - 1, 0, 1, cols };
	if (rows < LAYOUT_FULL_ROWS || cols < LAYOUT_FULL_COLS) {
		l->mode = LAYOUT_NARROW;
		l->tabs = (struct rect){ 0, 0, 1, cols };
		/* Every pane has the place it is shown in, the focused one
		 * only is shown: what a pane holds (the article's width) does
		 * not depend on which one has the focus. */
		for (int p = 0; p < NPANES; p++)
			l->pane[p] = (struct rect){ 1, 0, rows - 2, cols };
		l->shown[focus] = true;
		return;
	}
	l->mode = LAYOUT_FULL;
	int left = clamp(cols * 2 / 5, 34, 56);
	int body = rows - 1;
	int top = body / 2 + body % 2;
	l->pane[PANE_TIMELINE] = (struct rect){ 0, 0, top, left };
	l->pane[PANE_PEOPLE] = (struct rect){ top, 0, body - top, left };
	l->pane[PANE_ARTICLE] = (struct rect){ 0, left, body, cols - left };
	for (int p = 0; p < NPANES; p++)
		l->shown[p] = true;
}

struct rect
layout_inner(const struct layout *l, enum pane p)
{
	struct rect r = l->pane[p];

	r.y += 1;
	r.x += 1;
	r.h = r.h > 2 ? r.h - 2 : 0;
	r.w = r.w > 2 ? r.w - 2 : 0;
	return r;
}

struct rect
layout_tab(const struct layout *l, enum pane p)
{
	int w = l->tabs.w, x0 = w * (int)p / NPANES, x1 = w * ((int)p + 1) / NPANES;

	return (struct rect){ l->tabs.y, x0, l->tabs.h, x1 - x0 };
}

int
layout_tab_at(const struct layout *l, int y, int x)
{
	if (l->mode != LAYOUT_NARROW || y != l->tabs.y || x < 0 || x >= l->tabs.w)
		return -1;
	for (int p = 0; p < NPANES; p++) {
		struct rect t = layout_tab(l, (enum pane)p);
		if (x < t.x + t.w)
			return p;
	}
	return -1;
}

int
layout_pane_at(const struct layout *l, int y, int x)
{
	for (int p = 0; p < NPANES; p++) {
		const struct rect *r = &l->pane[p];
		if (l->shown[p] && y >= r->y && y < r->y + r->h &&
		    x >= r->x && x < r->x + r->w)
			return p;
	}
	return -1;
}
