/* The article in the view: the reading position (paragraph, byte offset,
 * nudge) and its rows at the width of the moment, scrolling that stops at
 * the last screenful, and the article pane's operations.  Only the
 * paragraphs passed over are wrapped. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "view.h"

int
art_text_width(const struct view *v)
{
	struct rect r = layout_inner(&v->lay, PANE_ARTICLE);

	/* Two columns of gutter for the paragraph marks. */
	return r.w > 3 ? r.w - 2 : 1;
}

int
art_text_height(const struct view *v, size_t top_para)
{
	int h = pane_height(v, PANE_ARTICLE);

	/* The footer with the top paragraph's first note takes a row. */
	if (h > 2 && top_para < v->d->nparas && v->d->paras[top_para].notes.n)
		h--;
	return h;
}

const struct wrap_cache *
art_wrap(const struct view *v, size_t para, int width)
{
	struct wrap_cache *w = &v->wrap[para];
	struct text_line *lines;
	size_t n;

	if (w->lines && w->width == width && w->mode == (int)v->text)
		return w;
	n = art_body_wrap(v, para, width, &lines);
	if (n == 0) {
		/* Out of memory: one line of nothing rather than a crash. */
		static struct text_line none;
		static const struct wrap_cache empty = { 0, 0, 1, &none };
		return &empty;
	}
	free(w->lines);
	w->lines = lines;
	w->n = n;
	w->width = width;
	w->mode = (int)v->text;
	return w;
}

int
art_head_rows(const struct view *v, size_t para)
{
	const struct dossier *d = v->d;

	return d->narticles > 0 && para < d->nparas &&
	    d->articles[d->paras[para].article].first == para ? ART_HEAD_ROWS : 0;
}

size_t
art_article(const struct view *v)
{
	return v->d->narticles && v->art.para < v->d->nparas ?
	    v->d->paras[v->art.para].article : 0;
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

int
art_para_rows(const struct view *v, size_t para, int width)
{
	return art_heading_rows(v, para) + (int)art_wrap(v, para, width)->n + 1;
}

/* The wrapped line holding byte off. */
static size_t
line_of(const struct wrap_cache *w, size_t off)
{
	size_t lo = 0, hi = w->n;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (w->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int
art_row_of_offset(const struct view *v, size_t para, size_t off, int width)
{
	return art_heading_rows(v, para) + (int)line_of(art_wrap(v, para, width), off);
}

int
art_row_of(const struct view *v, struct art_pos p, int width)
{
	int rows = art_para_rows(v, p.para, width), row;

	/* A heading row counts from the first line, a blank row after the
	 * paragraph from its last, whatever the width. */
	if (p.nudge < 0)
		row = art_heading_rows(v, p.para) + p.nudge;
	else if (p.nudge > 0)
		row = rows - 2 + p.nudge;
	else
		row = art_row_of_offset(v, p.para, p.off, width);
	return row < 0 ? 0 : row >= rows ? rows - 1 : row;
}

struct art_pos
art_pos_at(const struct view *v, size_t para, int row, int width)
{
	const struct wrap_cache *w = art_wrap(v, para, width);
	int hr = art_heading_rows(v, para), n = (int)w->n;

	if (row < hr)
		return (struct art_pos){ para, 0, row - hr };
	if (row - hr < n)
		return (struct art_pos){ para, w->lines[row - hr].start, 0 };
	return (struct art_pos){ para, w->lines[n - 1].start, row - hr - (n - 1) };
}

/* A row of the article: a paragraph and a row in it. */
struct prow {
	size_t para;
	int row;
};

static int
cmp(struct prow a, struct prow b)
{
	if (a.para != b.para)
		return a.para < b.para ? -1 : 1;
	return a.row < b.row ? -1 : a.row > b.row;
}

/* delta rows on from p, within the article's first and last rows. */
static struct prow
walk(const struct view *v, struct prow p, long delta, int width)
{
	long row = p.row + delta;

	while (row < 0 && p.para > 0)
		row += art_para_rows(v, --p.para, width);
	if (row < 0)
		row = 0;
	while (row >= art_para_rows(v, p.para, width)) {
		if (p.para + 1 >= v->d->nparas) {
			row = art_para_rows(v, p.para, width) - 1;
			break;
		}
		row -= art_para_rows(v, p.para++, width);
	}
	p.row = (int)row;
	return p;
}

/* The top of the last screenful: the article's last text row at the
 * bottom of the text rows, which are one fewer when the top paragraph
 * has a note for the footer. */
static struct prow
last_top(const struct view *v, int width)
{
	size_t last = v->d->nparas - 1;
	struct prow end = { last, art_heading_rows(v, last) + (int)art_wrap(v, last, width)->n - 1 };
	int h = pane_height(v, PANE_ARTICLE);
	struct prow top = walk(v, end, -(h - 1), width);

	if (art_text_height(v, top.para) < h)
		top = walk(v, end, -(art_text_height(v, top.para) - 1), width);
	return top;
}

struct art_pos
art_last_top(const struct view *v)
{
	int width = art_text_width(v);

	if (v->d->nparas == 0)
		return (struct art_pos){ 0, 0, 0 };
	return art_pos_at(v, last_top(v, width).para, last_top(v, width).row, width);
}

bool
art_at_end(const struct view *v)
{
	int width = art_text_width(v);
	struct prow p = { v->art.para, 0 };

	if (v->d->nparas == 0)
		return true;
	p.row = art_row_of(v, v->art, width);
	return cmp(p, last_top(v, width)) >= 0;
}

int
art_percent(const struct view *v)
{
	size_t before, all;

	if (art_at_end(v))
		return -1;
	/* In bytes of text, as less counts: no paragraph need be wrapped. */
	before = v->text_before[v->art.para] + v->art.off;
	all = v->text_before[v->d->nparas];
	return all ? (int)(before * 100 / all) : 0;
}

void
art_where(const struct view *v, char *buf, size_t size)
{
	const struct ds_str *sec;
	int pc = art_percent(v);
	char end[16] = "END";
	size_t clen, sn;
	bool cut;

	if (pc >= 0)
		snprintf(end, sizeof end, "%d%%", pc);
	if (v->d->nparas == 0) {
		snprintf(buf, size, "p0/0 · %s", end);
		return;
	}
	sec = &v->d->paras[v->art.para].section;
	/* A bare letter says little: "section A". */
	bool letter = sec->n && text_char_width(sec->s, sec->n, &clen) > 0 && clen == sec->n;
	sn = text_clip_mark(sec->s, sec->n, 0, 40, NULL, &cut);
	snprintf(buf, size, "p%zu/%zu%s%s%.*s%s · %s", v->art.para + 1, v->d->nparas,
	    sec->n ? " · " : "", letter ? "section " : "", (int)sn, sec->s,
	    cut ? TEXT_ELLIPSIS : "", end);
}

static void
set_top(struct view *v, struct prow p, int width)
{
	struct prow end = last_top(v, width);

	if (cmp(p, end) > 0)
		p = end;
	v->art = art_pos_at(v, p.para, p.row, width);
}

void
art_scroll(struct view *v, long rows)
{
	int width = art_text_width(v);
	struct prow p = { v->art.para, 0 };

	if (v->d->nparas == 0)
		return;
	p.row = art_row_of(v, v->art, width);
	set_top(v, walk(v, p, rows, width), width);
}

void
art_goto(struct view *v, size_t para, int row)
{
	int width = art_text_width(v);

	if (para >= v->d->nparas)
		return;
	set_top(v, walk(v, (struct prow){ para, 0 }, row, width), width);
}

void
art_set(struct view *v, struct art_pos p)
{
	int width = art_text_width(v);

	if (p.para >= v->d->nparas)
		return;
	if (p.off > v->d->paras[p.para].text.n)
		p.off = v->d->paras[p.para].text.n;
	v->art = p;
	/* Past the last screenful: there. */
	if (cmp((struct prow){ p.para, art_row_of(v, p, width) }, last_top(v, width)) > 0)
		set_top(v, (struct prow){ p.para, art_row_of(v, p, width) }, width);
}

bool
art_row_shown(const struct view *v, size_t para, int row)
{
	int width = art_text_width(v), h = art_text_height(v, v->art.para);
	struct prow top = { v->art.para, art_row_of(v, v->art, width) };
	long d;

	if (para < top.para || para >= v->d->nparas)
		return false;
	d = row - top.row;
	for (size_t p = top.para; p < para && d < h; p++)
		d += art_para_rows(v, p, width);
	return d >= 0 && d < h;
}

struct ds_str
art_place(const struct view *v, size_t *off)
{
	if (v->d->nparas == 0) {
		*off = 0;
		return (struct ds_str){ "", 0 };
	}
	*off = v->art.off;
	return v->d->paras[v->art.para].id;
}

bool
art_restore_place(struct view *v, const char *id, size_t n, size_t off)
{
	long p = dossier_find(v->d, DS_PARAGRAPH, id, n);
	int width = art_text_width(v);

	if (p < 0)
		return false;
	if (off > v->d->paras[p].text.n)
		off = v->d->paras[p].text.n;
	int row = art_row_of_offset(v, (size_t)p, off, width);

	set_top(v, (struct prow){ (size_t)p, row }, width);
	/* The line's start may be before off at this width: keep off itself,
	 * unless the top stopped short of it at the last screenful. */
	if (v->art.para == (size_t)p && v->art.nudge == 0 &&
	    art_row_of(v, v->art, width) == row)
		v->art.off = off;
	view_follow_reading(v);
	return true;
}

bool
art_para_shown(const struct view *v, size_t para)
{
	return para == v->art.para || art_row_shown(v, para, 0);
}

/* ---- the pane's operations ---- */

/* The article being read: its title in the mode's language, [in
 * brackets] when the dossier supplied it, its number with several, and
 * the mode when it is not the original. */
static void
article_title(const struct view *v, char *buf, size_t size)
{
	static const char *const mode[TEXT_NMODES] = {
		N_("Article"), N_("Article (English)"), N_("Article (both)")
	};
	const struct ds_article *a = v->d->narticles ? &v->d->articles[art_article(v)] : NULL;
	struct ds_str t = a ? a->title : (struct ds_str){ "", 0 };
	bool en = a && v->text == TEXT_ENGLISH && a->title_en.n;
	bool supplied = a && (a->title_supplied || en);
	char name[96];

	if (en)
		t = a->title_en;
	if (v->d->narticles > 1 && v->text == TEXT_ENGLISH)
		snprintf(name, sizeof name, _("Article %zu/%zu (English)"), art_article(v) + 1,
		    v->d->narticles);
	else if (v->d->narticles > 1 && v->text == TEXT_BOTH)
		snprintf(name, sizeof name, _("Article %zu/%zu (both)"), art_article(v) + 1,
		    v->d->narticles);
	else if (v->d->narticles > 1)
		snprintf(name, sizeof name, _("Article %zu/%zu"), art_article(v) + 1,
		    v->d->narticles);
	else
		snprintf(name, sizeof name, "%s", _(mode[v->text]));
	if (!t.n)
		snprintf(buf, size, "%s", name);
	else if (supplied)
		/* TRANSLATORS: the pane's name and a title the dossier supplied. */
		snprintf(buf, size, _("%s: [%.*s]"), name, (int)t.n, t.s);
	else
		/* TRANSLATORS: the pane's name and the article's title. */
		snprintf(buf, size, _("%s: %.*s"), name, (int)t.n, t.s);
}

static struct ds_str
article_selected(const struct view *v)
{
	if (v->d->nparas == 0)
		return (struct ds_str){ "", 0 };
	if (v->d->paras[v->art.para].section.n)
		return v->d->paras[v->art.para].section;
	if (v->d->narticles) {
		const struct ds_article *a = &v->d->articles[art_article(v)];
		return v->text == TEXT_ENGLISH && a->title_en.n ? a->title_en : a->title;
	}
	return (struct ds_str){ "", 0 };
}

static bool
article_action(struct view *v, enum action a)
{
	int h = art_text_height(v, v->art.para);
	int page = h > 2 ? h - 2 : 1, half = h / 2 ? h / 2 : 1;

	if (v->d->nparas == 0)
		return a != ACT_NONE;
	switch (a) {
	case ACT_DOWN: art_scroll(v, 1); break;
	case ACT_UP: art_scroll(v, -1); break;
	case ACT_PAGE_DOWN: art_scroll(v, page); break;
	case ACT_PAGE_UP: art_scroll(v, -page); break;
	case ACT_HALF_DOWN: art_scroll(v, half); break;
	case ACT_HALF_UP: art_scroll(v, -half); break;
	case ACT_TOP: art_goto(v, 0, 0); break;
	case ACT_BOTTOM: art_goto(v, v->d->nparas ? v->d->nparas - 1 : 0, 1 << 30); break;
	case ACT_NEXT_PARA:
		/* From the last paragraph, to the end, as G. */
		art_goto(v, v->art.para + 1 < v->d->nparas ? v->art.para + 1 : v->art.para,
		    v->art.para + 1 < v->d->nparas ? 0 : 1 << 30);
		break;
	case ACT_PREV_PARA:
		art_goto(v, art_row_of(v, v->art, art_text_width(v)) > 0 || v->art.para == 0 ?
		    v->art.para : v->art.para - 1, 0);
		break;
	default: return false;
	}
	view_follow_reading(v);
	return true;
}

static void
article_click(struct view *v, int row)
{
	(void)v;
	(void)row;
}

static void
article_wheel(struct view *v, int rows)
{
	art_scroll(v, rows);
	view_follow_reading(v);
}

/* The gloss and notes (each quote, then its text) of a paragraph, which
 * search hits may mark, then its events and people. */
void
paragraph_details(struct view *v, struct overlay *o, size_t para)
{
	static const struct ds_str none = { "", 0 };
	const struct ds_paragraph *p = &v->d->paras[para];
	size_t nm;
	const struct ds_mention *m = index_mentions(&v->ix, para, &nm);

	o->item_kind = DS_PARAGRAPH;
	o->item = para;
	overlay_add(o, cstr(_("Paragraph")), p->id, R_HEADING);
	/* The English gloss, which search hits may mark. */
	if (p->gloss.n)
		overlay_add(o, cstr(_("Gloss")), p->gloss, R_NORMAL);
	for (size_t i = 0; i < p->notes.n; i++) {
		const struct ds_note *n = &v->d->notes[p->notes.v[i]];
		overlay_add(o, cstr(_("Note")), n->quote, R_NOTE);
		overlay_add(o, none, n->text, R_NORMAL);
	}
	own_details(v, o, para);
	for (size_t i = 0; i < p->events.n; i++) {
		const struct ds_event *e = &v->d->events[p->events.v[i]];
		overlay_add_join(o, cstr(_("Event")), e->date_text, "  ", e->title,
		    R_NORMAL);
	}
	for (size_t i = 0; i < nm; i++) {
		const struct ds_entity *e = m[i].kind == DS_ORG ? &v->d->orgs[m[i].who] :
		    &v->d->people[m[i].who];
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= m[j].kind == m[i].kind && m[j].who == m[i].who;
		if (!seen)
			overlay_add_entity(o, m[i].kind == DS_ORG ? cstr(_("Org")) :
			    cstr(_("Person")), e, e->role);
	}
}

/* After a resize: the same place, untouched (rows are derived from it
 * at each width), unless past the new last screenful. */
static void
article_details(struct view *v, struct overlay *o)
{
	if (v->d->nparas)
		paragraph_details(v, o, v->art.para);
}

static void
article_show(struct view *v)
{
	int width = art_text_width(v);
	struct prow p = { v->art.para, 0 };

	if (v->d->nparas == 0)
		return;
	p.row = art_row_of(v, v->art, width);
	if (cmp(p, last_top(v, width)) > 0)
		set_top(v, p, width);
}

const struct pane_ops article_ops = {
	N_("Article"), KS_ARTICLE, article_title, article_selected, article_action,
	article_click, article_wheel, article_details, article_show,
};
