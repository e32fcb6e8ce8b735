/* People pane: one row per person (Chinese name, English alias, role), or
 * per organization after o.  The selected one's mentions stand out in the
 * article; f filters the timeline to the selected person's events. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "pane.h"

static const struct ds_entity *
entities(const struct view *v, size_t *n)
{
	*n = v->show_orgs ? v->d->norgs : v->d->npeople;
	return v->show_orgs ? v->d->orgs : v->d->people;
}

static struct list_pos *
pos(struct view *v)
{
	return v->show_orgs ? &v->orgs : &v->people;
}

/* The name in Latin script: the Latin field (left out where it repeats
 * the Name), else the first alias written in Latin letters. */
static struct ds_str
latin_alias(const struct ds_entity *e)
{
	if (e->latin.n)
		return e->latin.n == e->name.n && memcmp(e->latin.s, e->name.s, e->name.n) == 0 ?
		    (struct ds_str){ "", 0 } : e->latin;
	for (size_t a = 0; a < e->nalias; a++) {
		unsigned char c = (unsigned char)e->alias[a].s[0];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			return e->alias[a];
	}
	return (struct ds_str){ "", 0 };
}

static int
column(struct view *v, struct rect r, bool alias, int cap)
{
	size_t n;
	const struct ds_entity *e = entities(v, &n);
	struct list_pos *lp = pos(v);
	int w = 2;

	for (int i = 0; i < r.h && lp->top + (size_t)i < n; i++) {
		struct ds_str s = alias ? latin_alias(&e[lp->top + (size_t)i]) : e[lp->top + (size_t)i].name;
		int sw = text_width(s.s, s.n);
		if (sw > w)
			w = sw;
	}
	return w > cap ? cap : w;
}

static int
cell(struct view *v, WINDOW *win, int y, int x, int w, size_t who,
    struct ds_str s, enum role base)
{
	struct span spans[16];
	size_t ns = hit_spans(v, v->show_orgs ? DS_ORG : DS_PERSON, who, s, spans, 16);

	if (w <= 0)
		return 0;
	draw_spans(win, y, x, w, s.s, s.n, base, spans, ns);
	return w;
}

void
people_draw(struct view *v, WINDOW *win, struct rect r)
{
	size_t n;
	const struct ds_entity *e = entities(v, &n);
	struct list_pos *lp = pos(v);
	int kind = v->show_orgs ? DS_ORG : DS_PERSON;
	int nw, aw;

	list_show(lp, n, r.h);
	/* The Chinese name whole where it can be, the Latin alias next. */
	nw = column(v, r, false, r.w * 2 / 5);
	aw = column(v, r, true, (r.w - nw) / 2);
	for (int i = 0; i < r.h && lp->top + (size_t)i < n; i++) {
		size_t who = lp->top + (size_t)i;
		bool sel = who == lp->sel;
		enum role base = sel ? (v->focus == PANE_PEOPLE ? R_SELECTED : R_SELECTED_DIM) : R_NORMAL;
		int y = r.y + i, x = r.x, end = r.x + r.w;

		if (sel)
			draw_fill(win, y, r.x, r.w, base);
		x += draw_str(win, y, x, 1, entity_is_read(v, kind, who) ? "▌" : " ", R_READ);
		x += cell(v, win, y, x, nw < end - x ? nw : end - x, who, e[who].name, base) + 1;
		if (x < end)
			x += cell(v, win, y, x, aw < end - x ? aw : end - x, who, latin_alias(&e[who]), base) + 1;
		if (x < end)
			cell(v, win, y, x, end - x, who, e[who].role, sel ? base : R_DIM);
	}
}

void
people_action(struct view *v, enum action a, int h)
{
	size_t n;

	entities(v, &n);
	if (a == ACT_TOGGLE_ORGS)
		v->show_orgs = !v->show_orgs;
	else if (!list_action(pos(v), a, n, h))
		return;
	view_select_entity(v, pos(v)->sel);
}

void
people_click(struct view *v, int row)
{
	view_select_entity(v, pos(v)->top + (size_t)row);
}
