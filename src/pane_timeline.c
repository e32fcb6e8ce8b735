/* Timeline pane: one row per event in date order (or one person's events),
 * date as precise as the data (the parts it lacks shown as a dim -··),
 * then the title. */
#include <config.h>

#include <stdio.h>

#include "glyph.h"
#include "i18n.h"
#include "pane.h"
#include "sources.h"

/* Columns of an event's source tag, at most, and at most this part of
 * the row. */
#define TAG_COLS 12
#define TAG_SHARE 4

pane_draw_fn *const pane_draw[NPANES] = {
	[PANE_TIMELINE] = timeline_draw,
	[PANE_PEOPLE] = people_draw,
	[PANE_ARTICLE] = article_draw,
};

static void
draw_row(const struct view *v, WINDOW *win, struct rect r, int i, int dw, int drw)
{
	size_t row = v->tl.top + (size_t)i, ev = tl_event(v, row);
	const struct ds_event *e = &v->d->events[ev];
	bool sel = row == v->tl.sel;
	enum role base = sel ? (v->focus == PANE_TIMELINE ? R_SELECTED : R_SELECTED_DIM) : R_NORMAL;
	struct span spans[16];
	size_t ns;
	int x = r.x, y = r.y + i, end = r.x + r.w, tw;
	char tag[128];

	if (sel)
		draw_fill(win, y, r.x, r.w, base);
	x += draw_str(win, y, x, 1, tl_event_is_read(v, ev) ? glyph(GL_READ) : " ", R_READ);
	ns = view_hit_spans(v, DS_EVENT, ev, e->date_text, spans, 16);
	draw_spans(win, y, x, r.x + r.w - x, e->date_text.s, e->date_text.n,
	    sel ? base : R_DATE, spans, ns);
	/* The parts the data does not know, dimmed: 2022-·· beside 2022-05. */
	for (int w = (int)e->date_text.n; w + 3 <= dw && x + w + 3 <= r.x + r.w; w += 3)
		draw_str(win, y, x + w, 3, glyph(GL_DATE_GAP), sel ? base : R_DIM);
	x += dw + 1;
	if (x >= end)
		return;
	if (drw && dossier_draft(v->d, e->rec))
		draw_str(win, y, x, 1, "?", sel ? base : R_DIM);
	x += drw;
	/* With several articles, which tell it, at the right. */
	if (v->d->narticles > 1 && r.w / TAG_SHARE > 2) {
		tw = source_tag(v->d, &e->articles, r.w / TAG_SHARE < TAG_COLS ?
		    r.w / TAG_SHARE : TAG_COLS, tag, sizeof tag);
		if (tw && end - tw - 1 > x) {
			draw_str(win, y, end - tw, tw, tag, sel ? base : R_DIM);
			end -= tw + 1;
		}
	}
	if (x >= end)
		return;
	ns = view_hit_spans(v, DS_EVENT, ev, e->title, spans, 16);
	draw_spans(win, y, x, end - x, e->title.s, e->title.n, base, spans, ns);
}

void
timeline_draw(const struct view *v, WINDOW *win, struct rect r)
{
	int dw = timeline_date_width(v), drw = timeline_draft_width(v);

	for (int i = 0; i < r.h && v->tl.top + (size_t)i < tl_count(v); i++)
		draw_row(v, win, r, i, dw, drw);
	if (tl_count(v) == 0 && r.h > 0)
		draw_str(win, r.y, r.x, r.w, _("(no events)"), R_DIM);
}
