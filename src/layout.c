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

static int
max(int a, int b)
{
	return a > b ? a : b;
}

static int
min(int a, int b)
{
	return a < b ? a : b;
}

/* The list column's width: two fifths within bounds, more when the
 * article would be wider than its measure; then the reader's move. */
static int
left_width(struct layout *l, int cols, int move)
{
	int def = clamp(cols * 2 / 5, 34, 56), w;

	def = max(def, cols - LAYOUT_MEASURE - LAYOUT_ART_CHROME);
	w = clamp(def + move, LAYOUT_LEFT_MIN, cols - LAYOUT_ART_MIN);
	l->left = w - def;
	return w;
}

/* A list's box height for n rows held, n = 0 for no limit. */
static int
need(int n, int body)
{
	return n > 0 && n + 2 < body ? max(n + 2, LAYOUT_LIST_MIN) : body;
}

/* The timeline's height of a body's: halves, the rows one list does
 * not need given to the other, then the reader's move, no list taller
 * than it needs while the other needs more. */
static int
top_height(struct layout *l, int body, const struct layout_opts *o)
{
	int tl = need(o->tl_rows, body), pp = need(o->people_rows, body);
	int def = body / 2 + body % 2, lo, hi, h;

	if (pp < body - def)
		def = body - pp;
	else if (tl < def)
		def = tl;
	lo = max(LAYOUT_LIST_MIN, min(body - pp, tl));
	hi = min(body - LAYOUT_LIST_MIN, max(tl, body - pp));
	def = clamp(def, lo, hi);
	h = clamp(def + o->top, lo, hi);
	l->top = h - def;
	return h;
}

void
layout_compute(struct layout *l, int rows, int cols, enum pane focus)
{
	layout_compute_opts(l, rows, cols, focus, NULL);
}

void
layout_compute_opts(struct layout *l, int rows, int cols, enum pane focus,
    const struct layout_opts *opts)
{
	static const struct layout_opts none;
	const struct layout_opts *o = opts ? opts : &none;

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
	} else {
		l->mode = LAYOUT_FULL;
		int left = left_width(l, cols, o->left);
		int body = rows - 1;
		int top = top_height(l, body, o);
		l->pane[PANE_TIMELINE] = (struct rect){ 0, 0, top, left };
		l->pane[PANE_PEOPLE] = (struct rect){ top, 0, body - top, left };
		l->pane[PANE_ARTICLE] = (struct rect){ 0, left, body, cols - left };
		for (int p = 0; p < NPANES; p++)
			l->shown[p] = true;
	}
	if (o->zoom) {
		/* The others keep their places, unshown, as in the narrow view. */
		l->zoomed = true;
		l->tabs = (struct rect){ 0, 0, 0, 0 };
		l->pane[focus] = (struct rect){ 0, 0, rows - 1, cols };
		for (int p = 0; p < NPANES; p++)
			l->shown[p] = p == (int)focus;
	}
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
	if (l->mode != LAYOUT_NARROW || l->zoomed || y != l->tabs.y || x < 0 || x >= l->tabs.w)
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
