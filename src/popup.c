/* The open overlay (help or details) drawn over the panes, in a window of
 * its own (a separate window lets curses repair wide characters under its
 * edges).  Its rows were wrapped by the view when it was opened or the
 * width changed; here they are only drawn, with the hits of a details
 * window marked and a mark in the bottom border where it continues. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "draw.h"
#include "popup.h"
#include "text.h"

#define MAX_SPANS 64

/* " 42% more " while rows are hidden below, " (END) " at the end. */
static void
draw_more(const struct overlay *o, WINDOW *win)
{
	char mark[48];
	size_t shown = o->top + (size_t)overlay_page(o);
	int w;

	if (!overlay_more_above(o) && !overlay_more_below(o))
		return;
	if (overlay_more_below(o)) {
		snprintf(mark, sizeof mark, " ");
		snprintf(mark + 1, sizeof mark - 2, _("%zu%% more ↓"), shown * 100 / o->nrows);
		strcat(mark, " ");
	} else
		snprintf(mark, sizeof mark, " %s ", _("(END)"));
	w = text_width(mark, strlen(mark));
	if (w < o->box.w - 2)
		draw_str(win, o->box.h - 1, o->box.w - 1 - w, w, mark, R_TITLE_FOCUS);
}

void
popup_draw(const struct view *v)
{
	const struct overlay *o = &v->ov;
	int lw = o->label_w, vw = o->box.w - 4 - lw;
	WINDOW *win;

	if (o->kind == OV_NONE || !overlay_fits(&v->lay))
		return;
	win = newwin(o->box.h, o->box.w, o->box.y, o->box.x);
	if (!win)
		return;
	werase(win);
	draw_box(win, (struct rect){ 0, 0, o->box.h, o->box.w }, o->kind == OV_HELP ?
	    _("Keys (q or Esc closes)") : o->kind == OV_NOTES ? _("Notes (Enter goes there, q closes)") :
	    o->kind == OV_ARTICLES ? _("Articles (Enter reads, f filters, q closes)") :
	    _("Details (q or Esc closes)"), true);
	for (int y = 0; y < overlay_page(o) && o->top + (size_t)y < o->nrows; y++) {
		const struct ov_row *r = &o->rows[o->top + (size_t)y];
		const struct ov_item *it = &o->items[r->item];
		struct span spans[MAX_SPANS];
		size_t ns = 0;
		bool sel = (o->kind == OV_NOTES || o->picked) && r->item == o->sel;
		if (sel)
			draw_fill(win, y + 1, 1, o->box.w - 2, R_SELECTED);
		if (r->first)
			draw_text(win, y + 1, 2, lw, it->label.s, it->label.n, sel ? R_SELECTED : R_HEADING);
		if (o->kind == OV_DETAILS)
			ns = view_hit_spans_in(v, o->item_kind, o->item, it->value, r->start,
			    r->start + r->len, spans, MAX_SPANS);
		/* Spans are offsets in the value; the row starts further in. */
		for (size_t i = 0; i < ns; i++) {
			size_t a = spans[i].off, b = a + spans[i].len;
			a = a > r->start ? a - r->start : 0;
			b = b > r->start ? b - r->start : 0;
			spans[i].off = a < r->len ? a : r->len;
			spans[i].len = (b < r->len ? b : r->len) - spans[i].off;
		}
		draw_spans(win, y + 1, 2 + lw, vw, it->value.s + r->start, r->len,
		    sel ? R_SELECTED : it->role, spans, ns);
	}
	draw_more(o, win);
	wnoutrefresh(win);
	delwin(win);
}
