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

/* The article's text at a comfortable measure: on a wide terminal the
 * columns past it go to the list column (by default; the reader may
 * widen it).  The article's box is its text, a gutter of two and the
 * borders. */
#define LAYOUT_MEASURE 100
#define LAYOUT_ART_CHROME 4
/* The narrowest list column and article the splits may leave. */
#define LAYOUT_LEFT_MIN 16
#define LAYOUT_ART_MIN 30
/* A list's box: its rows and the borders; the least is one row. */
#define LAYOUT_LIST_MIN 3

struct rect { int y, x, h, w; };

/* What the reader chose of the full view, and what the lists hold. */
struct layout_opts {
	bool zoom;                 /* the focused pane alone, the whole screen */
	int left;                  /* columns given to the list column (negative:
	                              to the article) from where it would be */
	int top;                   /* rows given to the timeline from people */
	int tl_rows, people_rows;  /* rows the lists hold; 0: no limit */
};

enum layout_mode { LAYOUT_TOO_SMALL, LAYOUT_NARROW, LAYOUT_FULL };

struct layout {
	enum layout_mode mode;
	int rows, cols;
	struct rect pane[NPANES];  /* outer rectangles, borders included, of
	                              every pane, shown or not */
	bool shown[NPANES];
	struct rect tabs;          /* narrow mode: the tab bar */
	struct rect status;        /* the status line */
	bool zoomed;               /* only the focused pane, over the whole body */
	int left, top;             /* the splits' moves as made, within their limits */
};

void layout_compute(struct layout *, int rows, int cols, enum pane focus);
/* The same with the reader's choices (NULL: none).  The splits are kept
 * within limits: the list column and the article no narrower than their
 * minimums, a list no taller than what it holds while the other needs
 * the rows; l->left and l->top get the moves as made. */
void layout_compute_opts(struct layout *, int rows, int cols, enum pane focus,
    const struct layout_opts *);
/* Inner rectangle of a pane (inside its border). */
struct rect layout_inner(const struct layout *, enum pane);
/* Narrow mode: the tab of pane p on the tab bar (equal thirds), and the
 * tab at column x (-1 outside the bar). */
struct rect layout_tab(const struct layout *, enum pane);
int layout_tab_at(const struct layout *, int y, int x);
/* The pane shown at screen cell (y, x), or -1. */
int layout_pane_at(const struct layout *, int y, int x);

#endif
