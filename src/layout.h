/* Where the panes go for a terminal size: a pure computation, so it can be
 * unit-tested at odd sizes without a terminal. */
#ifndef DOSSIER_LAYOUT_H
#define DOSSIER_LAYOUT_H

#include <stdbool.h>

enum pane { PANE_TIMELINE, PANE_PEOPLE, PANE_ARTICLE, NPANES };

/* Full view needs this much; below it one pane at a time with a tab bar. */
#define LAYOUT_FULL_COLS 80
#define LAYOUT_FULL_ROWS 12
/* Below this, only a one-line notice. */
#define LAYOUT_MIN_COLS 20
#define LAYOUT_MIN_ROWS 5

struct rect { int y, x, h, w; };

enum layout_mode { LAYOUT_TOO_SMALL, LAYOUT_NARROW, LAYOUT_FULL };

struct layout {
	enum layout_mode mode;
	int rows, cols;
	struct rect pane[NPANES];  /* outer rectangles, borders included, of
	                              every pane, shown or not */
	bool shown[NPANES];
	struct rect tabs;          /* narrow mode: the tab bar */
	struct rect status;        /* the status line */
};

void layout_compute(struct layout *, int rows, int cols, enum pane focus);
/* Inner rectangle of a pane (inside its border). */
struct rect layout_inner(const struct layout *, enum pane);
/* Narrow mode: the tab of pane p on the tab bar (equal thirds), and the
 * tab at column x (-1 outside the bar). */
struct rect layout_tab(const struct layout *, enum pane);
int layout_tab_at(const struct layout *, int y, int x);
/* The pane shown at screen cell (y, x), or -1. */
int layout_pane_at(const struct layout *, int y, int x);

#endif
