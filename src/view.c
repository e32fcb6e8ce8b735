/* What the panes do to each other: the timeline scrolls the article, the
 * people pane highlights mentions and filters the timeline, the article's
 * top paragraph marks events and people, the search moves everything.
 * Everything here is proportional to what is on screen or to one item. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "view.h"

size_t
tl_count(const struct view *v)
{
	return v->filter >= 0 ? v->d->people[v->filter].events.n : v->d->nevents;
}

size_t
tl_event(const struct view *v, size_t row)
{
	return v->filter >= 0 ? v->d->people[v->filter].events.v[row] : row;
}

void
list_show(struct list_pos *lp, size_t n, int h)
{
	if (n == 0) {
		lp->sel = lp->top = 0;
		return;
	}
	if (lp->sel >= n)
		lp->sel = n - 1;
	if (h < 1)
		h = 1;
	if (lp->sel < lp->top)
		lp->top = lp->sel;
	if (lp->sel >= lp->top + (size_t)h)
		lp->top = lp->sel - (size_t)h + 1;
	if (lp->top + (size_t)h > n)
		lp->top = n > (size_t)h ? n - (size_t)h : 0;
}

void
list_move(struct list_pos *lp, long delta, size_t n, int h)
{
	long s = (long)lp->sel + delta;

	if (n == 0)
		return;
	if (s < 0)
		s = 0;
	if ((size_t)s >= n)
		s = (long)n - 1;
	lp->sel = (size_t)s;
	list_show(lp, n, h);
}

bool
list_action(struct list_pos *lp, enum action a, size_t n, int h)
{
	long page = h > 1 ? h - 1 : 1, half = h / 2 ? h / 2 : 1, delta;

	switch (a) {
	case ACT_DOWN: delta = 1; break;
	case ACT_UP: delta = -1; break;
	case ACT_PAGE_DOWN: delta = page; break;
	case ACT_PAGE_UP: delta = -page; break;
	case ACT_HALF_DOWN: delta = half; break;
	case ACT_HALF_UP: delta = -half; break;
	case ACT_TOP: delta = -(long)n; break;
	case ACT_BOTTOM: delta = (long)n; break;
	default: return false;
	}
	list_move(lp, delta, n, h);
	return true;
}

int
art_text_width(const struct view *v)
{
	struct rect r = layout_inner(&v->lay, PANE_ARTICLE);

	/* Two columns of gutter for the paragraph marks. */
	return r.w > 3 ? r.w - 2 : 1;
}

const struct wrap_cache *
art_wrap(struct view *v, size_t para, int width)
{
	struct wrap_cache *w = &v->wrap[para];
	const struct ds_str *t = &v->d->paras[para].text;

	if (w->lines && w->width == width)
		return w;
	free(w->lines);
	w->n = text_wrap(t->s, t->n, width, &w->lines);
	w->width = width;
	return w;
}

/* A paragraph shows a section heading when its Section differs from the
 * previous paragraph's, or it starts an article. */
static bool
has_heading(const struct view *v, size_t para)
{
	const struct ds_str *s = &v->d->paras[para].section;
	const struct ds_str *prev;

	if (s->n == 0)
		return false;
	if (para == 0 || art_head_rows(v, para))
		return true;
	prev = &v->d->paras[para - 1].section;
	return prev->n != s->n || memcmp(prev->s, s->s, s->n) != 0;
}

int
art_heading_rows(const struct view *v, size_t para)
{
	return art_head_rows(v, para) + (has_heading(v, para) ? 2 : 0);
}

/* Heading rows, text rows, and a blank row between paragraphs. */
int
art_para_rows(struct view *v, size_t para, int width)
{
	return art_heading_rows(v, para) + (int)art_wrap(v, para, width)->n + 1;
}

void
art_scroll(struct view *v, long rows, int width)
{
	struct art_pos *p = &v->art;

	if (v->d->nparas == 0)
		return;
	p->row += (int)rows;
	while (p->row < 0 && p->para > 0)
		p->row += art_para_rows(v, --p->para, width);
	if (p->row < 0)
		p->row = 0;
	while (p->row >= art_para_rows(v, p->para, width)) {
		if (p->para + 1 >= v->d->nparas) {
			p->row = art_para_rows(v, p->para, width) - 1;
			break;
		}
		p->row -= art_para_rows(v, p->para++, width);
	}
}

void
art_goto(struct view *v, size_t para, int row, int width)
{
	if (para >= v->d->nparas)
		return;
	v->art.para = para;
	v->art.row = 0;
	art_scroll(v, row, width);
}

void
art_bottom(struct view *v, int width, int height)
{
	if (v->d->nparas == 0)
		return;
	v->art.para = v->d->nparas - 1;
	v->art.row = art_para_rows(v, v->art.para, width) - 1;
	art_scroll(v, -(height - 1), width);
}

bool
tl_event_is_read(struct view *v, size_t ev)
{
	const struct ds_refs *r;

	if (v->d->nparas == 0)
		return false;
	r = &v->d->paras[v->art.para].events;
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i] == ev)
			return true;
	return false;
}

bool
entity_is_read(struct view *v, int kind, size_t who)
{
	size_t n;
	const struct ds_mention *m;

	if (v->d->nparas == 0)
		return false;
	m = index_mentions(&v->ix, v->art.para, &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == kind && m[i].who == who)
			return true;
	return false;
}

void
view_select_event(struct view *v, size_t row)
{
	const struct ds_event *e;

	if (row >= tl_count(v))
		return;
	v->tl.sel = row;
	e = &v->d->events[tl_event(v, row)];
	if (e->paras.n) {
		size_t p = event_para(v, e);
		v->marked_para = (long)p;
		art_goto(v, p, 0, art_text_width(v));
	}
}

void
view_select_entity(struct view *v, size_t row)
{
	size_t n = v->show_orgs ? v->d->norgs : v->d->npeople;

	if (row >= n)
		return;
	(v->show_orgs ? &v->orgs : &v->people)->sel = row;
	v->highlight_kind = v->show_orgs ? DS_ORG : DS_PERSON;
	v->highlight_who = row;
}

void
view_set_filter(struct view *v, long person)
{
	size_t ev = tl_count(v) ? tl_event(v, v->tl.sel) : 0;

	v->filter = person;
	v->tl.sel = v->tl.top = 0;
	/* Keep the selected event if it is still listed. */
	for (size_t i = 0; i < tl_count(v); i++)
		if (tl_event(v, i) == ev)
			v->tl.sel = i;
}

/* Reading-order position of what the focused pane shows, for a search to
 * start from. */
static size_t
hit_from_here(struct view *v)
{
	switch (v->focus) {
	case PANE_TIMELINE:
		return search_first_at(&v->search, DS_EVENT,
		    tl_count(v) ? tl_event(v, v->tl.sel) : 0);
	case PANE_PEOPLE:
		return v->show_orgs ? search_first_at(&v->search, DS_ORG, v->orgs.sel) :
		    search_first_at(&v->search, DS_PERSON, v->people.sel);
	default:
		return search_first_at(&v->search, DS_PARAGRAPH, v->art.para);
	}
}

void
view_search_update(struct view *v)
{
	long n = search_run(&v->search, v->prompt.buf, v->prompt.len);

	v->have_hits = n > 0;
	if (n <= 0)
		return;
	size_t h = hit_from_here(v);
	view_goto_hit(v, h < (size_t)n ? h : 0);
}

/* Which display row of a paragraph holds byte offset off. */
static int
row_of_offset(struct view *v, size_t para, size_t off, int width)
{
	const struct wrap_cache *w = art_wrap(v, para, width);
	int row = 0;

	for (size_t i = 0; i < w->n; i++)
		if (w->lines[i].start <= off)
			row = (int)i;
	return art_heading_rows(v, para) + row;
}

void
view_goto_hit(struct view *v, size_t hit)
{
	const struct search_hit *h;
	const struct search_seg *sg;

	if (hit >= v->search.nhits)
		return;
	v->cur_hit = hit;
	h = &v->search.hits[hit];
	sg = search_seg_of(&v->search, h);
	switch (sg->kind) {
	case DS_EVENT:
		if (v->filter >= 0)
			view_set_filter(v, -1);
		v->focus = PANE_TIMELINE;
		view_select_event(v, sg->item);
		break;
	case DS_PERSON:
	case DS_ORG:
		v->focus = PANE_PEOPLE;
		v->show_orgs = sg->kind == DS_ORG;
		view_select_entity(v, sg->item);
		break;
	case DS_PARAGRAPH: {
		int width = art_text_width(v);
		v->focus = PANE_ARTICLE;
		/* A hit in the gloss: its offset is not in the text. */
		art_goto(v, sg->item, row_of_offset(v, sg->item,
		    sg->field == SF_GLOSS ? 0 : h->off, width), width);
		/* A little context above the hit when there is room. */
		if (v->art.row > 0 || v->art.para > 0)
			art_scroll(v, v->art.row >= 1 ? -1 : 0, width);
		break;
	}
	default:
		break;
	}
}
