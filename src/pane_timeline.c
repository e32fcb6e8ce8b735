/* Timeline pane: one row per event in date order (or one person's events),
 * date as precise as the data (the parts it lacks shown as a dim -··),
 * then the title.  Moving the selection
 * scrolls the article to the event's paragraph. */
#include <config.h>

#include <stdio.h>

#include "pane.h"
#include "sources.h"

/* Columns of an event's source tag, at most, and at most this part of
 * the row. */
#define TAG_COLS 12
#define TAG_SHARE 4

size_t
hit_spans(const struct view *v, enum ds_kind kind, size_t item,
    struct ds_str s, struct span *out, size_t max)
{
	const struct search *se = &v->search;
	size_t n = 0;

	if (!v->have_hits && !v->searching)
		return 0;
	for (size_t h = search_first_at(se, kind, item); h < se->nhits && n < max; h++) {
		const struct search_seg *sg = search_seg_of(se, &se->hits[h]);
		if (sg->kind != kind || sg->item != item)
			break;
		if (sg->orig == s.s)
			out[n++] = (struct span){ se->hits[h].off, se->hits[h].len,
			    h == v->cur_hit ? R_CUR_HIT : R_HIT };
	}
	return n;
}

static int
date_width(const struct view *v, struct rect r)
{
	int w = 4;

	for (int i = 0; i < r.h && v->tl.top + (size_t)i < tl_count(v); i++) {
		const struct ds_event *e = &v->d->events[tl_event(v, v->tl.top + (size_t)i)];
		if ((int)e->date_text.n > w)
			w = (int)e->date_text.n;
	}
	return w;
}

/* Two columns for a "?" before the titles of draft events (made by
 * dossier --import, not yet reviewed) when there are some on screen. */
static int
draft_width(const struct view *v, struct rect r)
{
	for (int i = 0; i < r.h && v->tl.top + (size_t)i < tl_count(v); i++)
		if (dossier_draft(v->d, v->d->events[tl_event(v, v->tl.top + (size_t)i)].rec))
			return 2;
	return 0;
}

static void
draw_row(struct view *v, WINDOW *win, struct rect r, int i, int dw, int drw)
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
	x += draw_str(win, y, x, 1, tl_event_is_read(v, ev) ? "▌" : " ", R_READ);
	ns = hit_spans(v, DS_EVENT, ev, e->date_text, spans, 16);
	draw_spans(win, y, x, r.x + r.w - x, e->date_text.s, e->date_text.n,
	    sel ? base : R_DATE, spans, ns);
	/* The parts the data does not know, dimmed: 2022-·· beside 2022-05. */
	for (int w = (int)e->date_text.n; w + 3 <= dw && x + w + 3 <= r.x + r.w; w += 3)
		draw_str(win, y, x + w, 3, "-··", sel ? base : R_DIM);
	x += dw + 1;
	if (drw && dossier_draft(v->d, e->rec))
		draw_str(win, y, x, 1, "?", sel ? base : R_DIM);
	x += drw;
	/* With several articles, which tell it, at the right. */
	if (v->d->narticles > 1 && r.w / TAG_SHARE > 2 && x < end) {
		tw = source_tag(v->d, &e->articles, r.w / TAG_SHARE < TAG_COLS ?
		    r.w / TAG_SHARE : TAG_COLS, tag, sizeof tag);
		if (tw && end - tw - 1 > x) {
			draw_str(win, y, end - tw, tw, tag, sel ? base : R_DIM);
			end -= tw + 1;
		}
	}
	if (x >= end)
		return;
	ns = hit_spans(v, DS_EVENT, ev, e->title, spans, 16);
	draw_spans(win, y, x, end - x, e->title.s, e->title.n, base, spans, ns);
}

/* While the reader is in the article, bring the first event of the top
 * paragraph into view, so the reading marks can be seen. */
static void
follow_article(struct view *v, int h)
{
	const struct ds_refs *evs;
	size_t row = 0;

	if (v->focus != PANE_ARTICLE || v->d->nparas == 0 || h < 1)
		return;
	evs = &v->d->paras[v->art.para].events;
	if (evs->n == 0)
		return;
	if (v->filter < 0)
		row = evs->v[0];
	else {
		while (row < tl_count(v) && tl_event(v, row) != evs->v[0])
			row++;
		if (row == tl_count(v))
			return;
	}
	if (row < v->tl.top || row >= v->tl.top + (size_t)h)
		v->tl.top = row > (size_t)h / 2 ? row - (size_t)h / 2 : 0;
	if (v->tl.top + (size_t)h > tl_count(v))
		v->tl.top = tl_count(v) > (size_t)h ? tl_count(v) - (size_t)h : 0;
}

void
timeline_draw(struct view *v, WINDOW *win, struct rect r)
{
	int dw, drw;

	list_show(&v->tl, tl_count(v), r.h);
	follow_article(v, r.h);
	dw = date_width(v, r);
	drw = draft_width(v, r);
	for (int i = 0; i < r.h && v->tl.top + (size_t)i < tl_count(v); i++)
		draw_row(v, win, r, i, dw, drw);
	if (tl_count(v) == 0 && r.h > 0)
		draw_str(win, r.y, r.x, r.w, "(no events)", R_DIM);
}

void
timeline_action(struct view *v, enum action a, int h)
{
	if (list_action(&v->tl, a, tl_count(v), h))
		view_select_event(v, v->tl.sel);
}

void
timeline_click(struct view *v, int row)
{
	size_t r = v->tl.top + (size_t)row;

	if (r < tl_count(v))
		view_select_event(v, r);
}
