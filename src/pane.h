/* The panes on the screen: each draws itself from the view into its
 * rectangle, and changes nothing while it draws.  What a pane does is
 * its pane_ops entry in the view (view.h); how it looks is its row of
 * pane_draw, in the same order. */
#ifndef DOSSIER_PANE_H
#define DOSSIER_PANE_H

#include <curses.h>

#include "draw.h"
#include "view.h"

typedef void pane_draw_fn(const struct view *, WINDOW *, struct rect inner);

pane_draw_fn timeline_draw, people_draw, article_draw;
extern pane_draw_fn *const pane_draw[NPANES];

#endif
