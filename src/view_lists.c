/* The two lists in the view: the timeline (events in date order, or one
 * person's) and the people (or organizations), their selections and how
 * they move the other panes.  Work is proportional to one item, or to
 * the paragraphs between the reading place and its nearest event. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "view.h"

size_t
tl_count(const struct view *v)
{
	if (v->art_filter >= 0)
		return v->ntl_rows;
	return v->filter >= 0 ? v->d->people[v->filter].events.n : v->d->nevents;
}

size_t
tl_event(const struct view *v, size_t row)
{
	if (v->art_filter >= 0)
		return v->tl_rows[row];
	return v->filter >= 0 ? v->d->people[v->filter].events.v[row] : row;
}

size_t
people_count(const struct view *v)
{
	if (v->art_filter >= 0)
		return v->nent_rows[v->show_orgs];
	return v->show_orgs ? v->d->norgs : v->d->npeople;
}

size_t
people_entity(const struct view *v, size_t row)
{
	return v->art_filter >= 0 ? v->ent_rows[v->show_orgs][row] : row;
}

size_t
entity_row(const struct view *v, bool orgs, size_t who)
{
	size_t n = v->art_filter >= 0 ? v->nent_rows[orgs] : orgs ? v->d->norgs : v->d->npeople;
	size_t lo = 0, hi = n;

	if (v->art_filter < 0)
		return who < n ? who : n;
	/* The rows are in entity order. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->ent_rows[orgs][mid] < who)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v->ent_rows[orgs][lo] == who ? lo : n;
}

size_t
people_row(const struct view *v, size_t who)
{
	return entity_row(v, v->show_orgs, who);
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

/* The wheel: what is shown moves, the selection stays (and may leave
 * the window until the next key there brings it back). */
static void
list_wheel(struct list_pos *lp, long rows, size_t n, int h)
{
	long top = (long)lp->top + rows, last = n > (size_t)h ? (long)(n - (size_t)h) : 0;

	lp->top = (size_t)(top < 0 ? 0 : top > last ? last : top);
}

int
timeline_date_width(const struct view *v)
{
	return v->date_w;
}

/* The widest date of the dossier: one date column for the whole list,
 * so that titles keep their column while it scrolls. */
int
timeline_date_measure(const struct dossier *d)
{
	int w = dossier_date_width(d);

	return w > 4 ? w : 4;
}

int
timeline_draft_width(const struct view *v)
{
	return v->draft_w;
}

/* The same for the draft mark: its column is there for the whole list
 * when the dossier has a draft event. */
int
timeline_draft_measure(const struct dossier *d)
{
	if (dossier_drafts(d) == 0)
		return 0;   /* the usual case, known without a walk */
	for (size_t i = 0; i < d->nevents; i++)
		if (dossier_draft(d, d->events[i].rec))
			return 2;
	return 0;
}

/* The widest name or Latin alias shown, at most cap. */
static int
people_column(const struct view *v, bool alias, int cap)
{
	const struct ds_entity *e = v->show_orgs ? v->d->orgs : v->d->people;
	size_t n = people_count(v);
	size_t top = (v->show_orgs ? &v->orgs : &v->people)->top;
	int w = 2, h = pane_height(v, PANE_PEOPLE);

	for (size_t i = top; i < top + (size_t)h && i < n; i++) {
		const struct ds_entity *x = &e[people_entity(v, i)];
		struct ds_str s = alias ? latin_alias(x) : x->name;
		int sw = text_width(s.s, s.n);
		if (sw > w)
			w = sw;
	}
	return w > cap ? cap : w;
}

void
people_columns(const struct view *v, int *name_w, int *alias_w)
{
	int w = layout_inner(&v->lay, PANE_PEOPLE).w;

	/* The Chinese name whole where it can be, the Latin alias next. */
	*name_w = people_column(v, false, w * 2 / 5);
	*alias_w = people_column(v, true, (w - *name_w) / 2);
}

/* ---- linking ---- */

static bool
refs_have(const struct ds_refs *r, size_t x)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i] == x)
			return true;
	return false;
}

bool
tl_event_is_read(const struct view *v, size_t ev)
{
	return v->d->nparas && refs_have(&v->d->paras[v->art.para].events, ev);
}

bool
entity_is_read(const struct view *v, int kind, size_t who)
{
	size_t n;
	const struct ds_mention *m;

	if (v->d->nparas == 0)
		return false;
	/* The index fills its per-paragraph cache: not a state of the view. */
	m = index_mentions((struct index *)&v->ix, v->art.para, &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == kind && m[i].who == who)
			return true;
	return false;
}

struct ds_str
latin_alias(const struct ds_entity *e)
{
	/* The Latin field (left out where it repeats the Name), else the
	 * first alias written in Latin letters. */
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

/* The timeline row of event ev, or tl_count(). */
static size_t
row_of_event(const struct view *v, size_t ev)
{
	if (v->filter < 0 && v->art_filter < 0)
		return ev < v->d->nevents ? ev : tl_count(v);
	for (size_t i = 0; i < tl_count(v); i++)
		if (tl_event(v, i) == ev)
			return i;
	return tl_count(v);
}

size_t
tl_row_of(const struct view *v, size_t ev)
{
	return row_of_event(v, ev);
}

/* The mark stays only on a paragraph the selected event cites. */
static void
check_mark(struct view *v)
{
	if (v->marked_para < 0)
		return;
	if (tl_count(v) == 0 || !refs_have(&v->d->events[tl_event(v, v->tl.sel)].paras,
	    (size_t)v->marked_para))
		v->marked_para = -1;
}

/* The paragraph an event is read at: of an event several articles tell,
 * the one in the filtering article, else in the article being read, else
 * its first. */
static size_t
event_para(const struct view *v, const struct ds_event *e)
{
	size_t a = v->art_filter >= 0 ? (size_t)v->art_filter : art_article(v);

	for (size_t i = 0; v->d->narticles > 1 && i < e->paras.n; i++)
		if (v->d->paras[e->paras.v[i]].article == a)
			return e->paras.v[i];
	return e->paras.v[0];
}

void
view_select_event(struct view *v, size_t row)
{
	const struct ds_event *e;

	if (row >= tl_count(v))
		return;
	v->tl.sel = row;
	list_show(&v->tl, tl_count(v), pane_height(v, PANE_TIMELINE));
	e = &v->d->events[tl_event(v, row)];
	if (e->paras.n) {
		size_t p = event_para(v, e);
		v->marked_para = (long)p;
		art_goto(v, p, 0);
	} else
		v->marked_para = -1;
}

void
view_follow_reading(struct view *v)
{
	size_t p = v->art.para, row = tl_count(v);

	if (v->d->nparas == 0 || tl_count(v) == 0)
		return;
	/* The selected event's paragraph is on screen: it stays (a motion
	 * that cannot move, at the article's end, changes nothing). */
	const struct ds_refs *cited = &v->d->events[tl_event(v, v->tl.sel)].paras;
	for (size_t i = 0; i < cited->n; i++)
		if (cited->v[i] >= p && art_para_shown(v, cited->v[i]))
			return;
	/* The top paragraph's first listed event, else the nearest
	 * paragraph's before it (events are in date order, as rows). */
	for (size_t q = p + 1; q-- > 0 && row == tl_count(v);) {
		const struct ds_refs *evs = &v->d->paras[q].events;
		for (size_t i = 0; i < evs->n && row == tl_count(v); i++)
			row = row_of_event(v, evs->v[i]);
	}
	if (row == tl_count(v))
		return;
	v->tl.sel = row;
	list_show(&v->tl, tl_count(v), pane_height(v, PANE_TIMELINE));
	check_mark(v);
}

void
view_select_entity(struct view *v, size_t row)
{
	size_t n = people_count(v);
	struct list_pos *lp = v->show_orgs ? &v->orgs : &v->people;

	if (row >= n)
		return;
	lp->sel = row;
	list_show(lp, n, pane_height(v, PANE_PEOPLE));
	v->highlight_kind = v->show_orgs ? DS_ORG : DS_PERSON;
	v->highlight_who = people_entity(v, row);
}

void
view_set_filter(struct view *v, long person)
{
	size_t ev = tl_count(v) ? tl_event(v, v->tl.sel) : v->d->nevents, row;

	v->filter = person;
	view_refilter(v);
	v->tl.sel = v->tl.top = 0;
	/* Keep the selected event if it is still listed; else the first
	 * listed one is selected, and the article goes to it. */
	row = row_of_event(v, ev);
	if (row < tl_count(v)) {
		v->tl.sel = row;
		list_show(&v->tl, tl_count(v), pane_height(v, PANE_TIMELINE));
	} else if (tl_count(v))
		view_select_event(v, 0);
	check_mark(v);
}

/* ---- the timeline's operations ---- */

static void
timeline_title(const struct view *v, char *buf, size_t size)
{
	struct ds_str a = v->art_filter >= 0 ? v->d->articles[v->art_filter].id :
	    (struct ds_str){ "", 0 };

	if (v->filter >= 0 && a.n)
		snprintf(buf, size, _("Timeline: %.*s in %.*s (%zu)"),
		    (int)v->d->people[v->filter].name.n,
		    v->d->people[v->filter].name.s, (int)a.n, a.s, tl_count(v));
	else if (v->filter >= 0)
		snprintf(buf, size, _("Timeline: %.*s (%zu)"), (int)v->d->people[v->filter].name.n,
		    v->d->people[v->filter].name.s, tl_count(v));
	else if (a.n)
		snprintf(buf, size, _("Timeline: %.*s (%zu)"), (int)a.n, a.s, tl_count(v));
	else
		snprintf(buf, size, _("Timeline (%zu)"), tl_count(v));
}

static struct ds_str
timeline_selected(const struct view *v)
{
	return tl_count(v) ? v->d->events[tl_event(v, v->tl.sel)].title : (struct ds_str){ "", 0 };
}

void
view_event_next_para(struct view *v)
{
	const struct ds_event *e;
	size_t i = 0;

	if (tl_count(v) == 0)
		return;
	e = &v->d->events[tl_event(v, v->tl.sel)];
	if (e->paras.n < 2) {
		snprintf(v->message, sizeof v->message, "%s", e->paras.n ?
		    _("the event is told in one paragraph") : _("the event has no paragraph"));
		return;
	}
	while (i < e->paras.n && (long)e->paras.v[i] != v->marked_para)
		i++;
	i = i < e->paras.n ? (i + 1) % e->paras.n : 0;
	v->marked_para = e->paras.v[i];
	art_goto(v, e->paras.v[i], 0);
	snprintf(v->message, sizeof v->message, _("paragraph %zu/%zu of the event"), i + 1,
	    e->paras.n);
}

static bool
timeline_action(struct view *v, enum action a)
{
	if (a == ACT_EVENT_PARA) {
		view_event_next_para(v);
		return true;
	}
	if (!list_action(&v->tl, a, tl_count(v), pane_height(v, PANE_TIMELINE)))
		return false;
	view_select_event(v, v->tl.sel);
	return true;
}

static void
timeline_click(struct view *v, int row)
{
	size_t r = v->tl.top + (size_t)row;

	if (row >= 0 && r < tl_count(v))
		view_select_event(v, r);
}

static void
timeline_wheel(struct view *v, int rows)
{
	list_wheel(&v->tl, rows, tl_count(v), pane_height(v, PANE_TIMELINE));
}

/* Adds paragraphs ps as links, labelled: each its id and its start. */
static void
link_paragraphs(const struct view *v, struct overlay *o, const struct ds_refs *ps,
    const char *label)
{
	for (size_t i = 0; ps && i < ps->n; i++) {
		const struct ds_paragraph *p = &v->d->paras[ps->v[i]];
		bool cut;
		size_t n = text_clip_mark(p->text.s, p->text.n, 0, 40, NULL, &cut);
		char start[256];
		int len = snprintf(start, sizeof start, "  %.*s%s", (int)n, p->text.s,
		    cut ? TEXT_ELLIPSIS : "");
		overlay_add_join(o, (struct ds_str){ label, strlen(label) }, p->id, "",
		    (struct ds_str){ start, len < (int)sizeof start ? (size_t)len : sizeof start - 1 }, R_DIM);
		overlay_link_last(o, DS_PARAGRAPH, ps->v[i]);
	}
}

static void
timeline_details(struct view *v, struct overlay *o)
{
	if (tl_count(v) == 0)
		return;
	o->item_kind = DS_EVENT;
	o->item = tl_event(v, v->tl.sel);
	overlay_record(o, v->d, v->d->events[o->item].rec);
	link_paragraphs(v, o, &v->d->events[o->item].paras, _("Told in"));
	event_articles_details(v, o, o->item);
}

static void
timeline_show(struct view *v)
{
	list_show(&v->tl, tl_count(v), pane_height(v, PANE_TIMELINE));
}

const struct pane_ops timeline_ops = {
	N_("Timeline"), KS_TIMELINE, timeline_title, timeline_selected, timeline_action,
	timeline_click, timeline_wheel, timeline_details, timeline_show,
};

/* ---- the people pane's operations ---- */

static struct list_pos *
people_pos(struct view *v)
{
	return v->show_orgs ? &v->orgs : &v->people;
}

static void
people_title(const struct view *v, char *buf, size_t size)
{
	int n = snprintf(buf, size, v->show_orgs ? _("Organizations (%zu)") : _("People (%zu)"),
	    people_count(v));
	struct ds_str a = v->art_filter >= 0 ? v->d->articles[v->art_filter].id :
	    (struct ds_str){ "", 0 };

	if (a.n && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, _(" in %.*s"), (int)a.n, a.s);
}

static struct ds_str
people_selected(const struct view *v)
{
	size_t who;

	if (people_count(v) == 0)
		return (struct ds_str){ "", 0 };
	who = people_entity(v, (v->show_orgs ? v->orgs : v->people).sel);
	return v->show_orgs ? v->d->orgs[who].name : v->d->people[who].name;
}

static bool
people_action(struct view *v, enum action a)
{
	if (a == ACT_TOGGLE_ORGS) {
		view_show_orgs(v, !v->show_orgs);
		list_show(people_pos(v), people_count(v), pane_height(v, PANE_PEOPLE));
	} else if (!list_action(people_pos(v), a, people_count(v), pane_height(v, PANE_PEOPLE)))
		return false;
	view_select_entity(v, people_pos(v)->sel);
	return true;
}

static void
people_click(struct view *v, int row)
{
	if (row >= 0)
		view_select_entity(v, people_pos(v)->top + (size_t)row);
}

static void
people_wheel(struct view *v, int rows)
{
	list_wheel(people_pos(v), rows, people_count(v), pane_height(v, PANE_PEOPLE));
}

/* The record, then the events linking the person or organization. */
static void
people_details(struct view *v, struct overlay *o)
{
	const struct ds_entity *e;

	if (people_count(v) == 0)
		return;
	o->item_kind = v->show_orgs ? DS_ORG : DS_PERSON;
	o->item = people_entity(v, people_pos(v)->sel);
	e = v->show_orgs ? &v->d->orgs[o->item] : &v->d->people[o->item];
	overlay_record(o, v->d, e->rec);
	for (size_t i = 0; i < e->events.n; i++) {
		const struct ds_event *ev = &v->d->events[e->events.v[i]];
		overlay_add_join(o, cstr(_("Event")), ev->date_text, "  ", ev->title,
		    R_DIM);
		overlay_link_last(o, DS_EVENT, e->events.v[i]);
	}
	/* The paragraphs naming it, each a link. */
	link_paragraphs(v, o, index_paragraphs_of((struct index *)&v->ix, o->item_kind, o->item),
	    _("Named in"));
	entity_articles_details(v, o, o->item_kind, o->item);
}

static void
people_show(struct view *v)
{
	list_show(people_pos(v), people_count(v), pane_height(v, PANE_PEOPLE));
}

const struct pane_ops people_ops = {
	N_("People"), KS_PEOPLE, people_title, people_selected, people_action,
	people_click, people_wheel, people_details, people_show,
};
