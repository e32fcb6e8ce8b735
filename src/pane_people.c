/* People pane: one row per person (Chinese name, English alias, role), or
 * per organization after o.  The selected one's mentions stand out in the
 * article; f filters the timeline to the selected person's events. */
#include <config.h>

#include <stdio.h>

#include "glyph.h"
#include "pane.h"

/* The rows listed (all, or those the filtering article names). */
static const struct ds_entity *
entities(const struct view *v, size_t *n)
{
	*n = people_count(v);
	return v->show_orgs ? v->d->orgs : v->d->people;
}

static const struct list_pos *
pos(const struct view *v)
{
	return v->show_orgs ? &v->orgs : &v->people;
}

static int
cell(const struct view *v, WINDOW *win, int y, int x, int w, size_t who,
    struct ds_str s, enum role base)
{
	struct span spans[16];
	size_t ns = view_hit_spans(v, v->show_orgs ? DS_ORG : DS_PERSON, who, s, spans, 16);

	if (w <= 0)
		return 0;
	draw_spans(win, y, x, w, s.s, s.n, base, spans, ns);
	return w;
}

void
people_draw(const struct view *v, WINDOW *win, struct rect r)
{
	size_t n;
	const struct ds_entity *e = entities(v, &n);
	const struct list_pos *lp = pos(v);
	int kind = v->show_orgs ? DS_ORG : DS_PERSON;
	int nw, aw;

	people_columns(v, &nw, &aw);
	for (int i = 0; i < r.h && lp->top + (size_t)i < n; i++) {
		size_t row = lp->top + (size_t)i, who = people_entity(v, row);
		bool sel = row == lp->sel;
		enum role base = sel ? (v->focus == PANE_PEOPLE ? R_SELECTED : R_SELECTED_DIM) : R_NORMAL;
		int y = r.y + i, x = r.x, end = r.x + r.w;

		if (sel)
			draw_fill(win, y, r.x, r.w, base);
		x += draw_str(win, y, x, 1, entity_is_read(v, kind, who) ? glyph(GL_READ) : " ", R_READ);
		x += cell(v, win, y, x, nw < end - x ? nw : end - x, who, e[who].name, base) + 1;
		if (x < end)
			x += cell(v, win, y, x, aw < end - x ? aw : end - x, who,
			    latin_alias(&e[who]), base) + 1;
		if (x < end)
			cell(v, win, y, x, end - x, who, e[who].role, sel ? base : R_DIM);
	}
}
