/* The three panes: each draws itself into its rectangle and handles the
 * actions that belong to it. */
#ifndef DOSSIER_PANE_H
#define DOSSIER_PANE_H

#include <curses.h>

#include "draw.h"
#include "keys.h"
#include "view.h"

void timeline_draw(struct view *, WINDOW *, struct rect inner);
void timeline_action(struct view *, enum action, int height);
void timeline_click(struct view *, int row);

void people_draw(struct view *, WINDOW *, struct rect inner);
void people_action(struct view *, enum action, int height);
void people_click(struct view *, int row);

void article_draw(struct view *, WINDOW *, struct rect inner);
void article_action(struct view *, enum action, int height);

/* Spans of search hits that fall on string s of item (kind, item). */
size_t hit_spans(const struct view *, enum ds_kind, size_t item,
    struct ds_str s, struct span *out, size_t max);
/* The title of a pane for its border. */
void pane_title(const struct view *, enum pane, char *buf, size_t size);

#endif
