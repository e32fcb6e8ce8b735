/* Drawing primitives over ncursesw: every string goes through text_clip,
 * so nothing is ever wider than the columns it was given. */
#ifndef DOSSIER_DRAW_H
#define DOSSIER_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "role.h"

void draw_init_colors(bool color);
attr_t draw_attr(enum role);
/* Draws s[0..n) at (y, x) in at most w columns; returns columns drawn. */
int draw_text(WINDOW *, int y, int x, int w, const char *s, size_t n, enum role);
int draw_str(WINDOW *, int y, int x, int w, const char *s, enum role);
/* The same with spans over the string; base is the role elsewhere. */
int draw_spans(WINDOW *, int y, int x, int w, const char *s, size_t n,
    enum role base, const struct span *spans, size_t nspans);
/* Blanks w columns at (y, x) in a role. */
void draw_fill(WINDOW *, int y, int x, int w, enum role);
/* A box with a title in its top border. */
void draw_box(WINDOW *, struct rect, const char *title, bool focused);

#endif
