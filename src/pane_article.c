/* Article pane: paragraphs wrapped to the pane (text_wrap), section
 * headings, mentions, notes and search hits marked, from the view's
 * reading position down.  Only the rows on screen are wrapped and drawn. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "glyph.h"
#include "i18n.h"
#include "pane.h"
#include "sources.h"

#define MAX_SPANS 128

struct line_spans {
	struct span v[MAX_SPANS];
	size_t n;
};

static void
add(struct line_spans *ls, size_t a, size_t b, size_t ls0, size_t ls1, enum role r)
{
	if (b <= ls0 || a >= ls1 || ls->n == MAX_SPANS)
		return;
	if (a < ls0)
		a = ls0;
	if (b > ls1)
		b = ls1;
	ls->v[ls->n++] = (struct span){ a - ls0, b - a, r };
}

/* Spans of one wrapped line [a, b) of paragraph p, lowest priority first. */
static void
line_spans(const struct view *v, size_t p, size_t a, size_t b, struct line_spans *ls)
{
	size_t nm;
	/* The index fills its per-paragraph cache: not a state of the view. */
	const struct ds_mention *m = index_mentions((struct index *)&v->ix, p, &nm);
	const struct ds_refs *notes = &v->d->paras[p].notes;
	struct span hits[MAX_SPANS];
	size_t nh;

	ls->n = 0;
	for (size_t i = 0; i < nm; i++) {
		enum role r = m[i].kind == DS_ORG ? R_ORG : R_PERSON;
		if ((int)m[i].kind == v->highlight_kind && m[i].who == v->highlight_who)
			r = R_HIGHLIGHT;
		add(ls, m[i].off, m[i].off + m[i].len, a, b, r);
	}
	for (size_t i = 0; i < notes->n; i++) {
		const struct ds_note *n = &v->d->notes[notes->v[i]];
		add(ls, n->quote_off, n->quote_off + n->quote.n, a, b, R_NOTE);
	}
	nh = view_hit_spans_in(v, DS_PARAGRAPH, p, v->d->paras[p].text, a, b, hits, MAX_SPANS);
	for (size_t i = 0; i < nh; i++)
		add(ls, hits[i].off, hits[i].off + hits[i].len, a, b, hits[i].role);
}

static void
add_form(struct line_spans *ls, struct ds_str g, struct ds_str form, size_t a, size_t b,
    enum role r)
{
	for (size_t i = index_latin_at(g, form, 0); i < g.n; i = index_latin_at(g, form, i + 1))
		add(ls, i, i + form.n, a, b, r);
}

/* Spans of the gloss line [a, b) of paragraph p: whom the text mentions,
 * found in the gloss by their Latin forms (the Latin name, and a Name or
 * Alias in Latin letters), then the hits. */
static void
gloss_spans(const struct view *v, size_t p, size_t a, size_t b, struct line_spans *ls)
{
	size_t nm;
	const struct ds_mention *m = index_mentions((struct index *)&v->ix, p, &nm);
	struct ds_str g = v->d->paras[p].gloss;
	struct span hits[MAX_SPANS];
	size_t nh;

	ls->n = 0;
	for (size_t i = 0; i < nm; i++) {
		const struct ds_entity *e = m[i].kind == DS_ORG ? &v->d->orgs[m[i].who] :
		    &v->d->people[m[i].who];
		enum role r = m[i].kind == DS_ORG ? R_ORG : R_PERSON;
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= m[j].kind == m[i].kind && m[j].who == m[i].who;
		if (seen)
			continue;
		if ((int)m[i].kind == v->highlight_kind && m[i].who == v->highlight_who)
			r = R_HIGHLIGHT;
		add_form(ls, g, e->latin, a, b, r);
		add_form(ls, g, e->name, a, b, r);
		for (size_t k = 0; k < e->nalias; k++)
			add_form(ls, g, e->alias[k], a, b, r);
	}
	nh = view_hit_spans_in(v, DS_PARAGRAPH, p, g, a, b, hits, MAX_SPANS);
	for (size_t i = 0; i < nh; i++)
		add(ls, hits[i].off, hits[i].off + hits[i].len, a, b, hits[i].role);
}

/* A line of the gloss: the English text in both is dim and indented
 * under the original. */
static void
draw_gloss_row(const struct view *v, WINDOW *win, int y, struct rect r, size_t p,
    const struct text_line *tl)
{
	struct ds_str g = v->d->paras[p].gloss;
	size_t a = tl->start - v->d->paras[p].text.n;
	int in = art_gloss_indent(v);
	struct line_spans ls;

	gloss_spans(v, p, a, a + tl->len, &ls);
	draw_spans(win, y, r.x + 2 + in, r.w - 2 - in, g.s + a, tl->len,
	    v->text == TEXT_BOTH ? R_DIM : R_NORMAL, ls.v, ls.n);
}

static void
draw_text_row(const struct view *v, WINDOW *win, int y, struct rect r, size_t p, size_t line)
{
	const struct wrap_cache *w = art_wrap(v, p, r.w - 2);
	const struct text_line *tl = &w->lines[line];
	const char *text = v->d->paras[p].text.s;
	struct line_spans ls;

	if ((long)p == v->marked_para)
		draw_str(win, y, r.x, 1, glyph(GL_READ), R_READ);
	if (line == 0 && v->d->paras[p].notes.n)
		draw_str(win, y, r.x + 1, 1, glyph(GL_NOTE), R_NOTE);
	else if (line == (v->d->paras[p].notes.n ? 1 : 0) && v->own.counts && v->own.counts[p])
		draw_str(win, y, r.x + 1, 1, "*", R_MYNOTE);   /* the reader's own */
	if (tl->start >= v->d->paras[p].text.n) {
		draw_gloss_row(v, win, y, r, p, tl);
		return;
	}
	line_spans(v, p, tl->start, tl->start + tl->len, &ls);
	draw_spans(win, y, r.x + 2, r.w - 2, text + tl->start, tl->len, R_NORMAL, ls.v, ls.n);
}

static void
draw_heading(const struct view *v, WINDOW *win, int y, struct rect r, size_t p)
{
	const struct ds_str *s = &v->d->paras[p].section;
	int x = r.x + 2;
	char mark[8];

	snprintf(mark, sizeof mark, "%s ", glyph(GL_SECTION));
	x += draw_str(win, y, x, r.w - 2, mark, R_HEADING);
	draw_text(win, y, x, r.x + r.w - x, s->s, s->n, R_HEADING);
}

/* Row `row` of the head of paragraph p's article: its title, its
 * byline, a blank row. */
static void
draw_head(const struct view *v, WINDOW *win, int y, struct rect r, size_t p, int row)
{
	size_t a = v->d->paras[p].article;
	const struct ds_str *t = &v->d->articles[a].title;
	char line[512];
	size_t n;

	if (row == 0) {
		draw_text(win, y, r.x + 2, r.w - 2, t->s, t->n, R_TITLE_FOCUS);
	} else if (row == 1) {
		n = article_byline(v->d, a, line, sizeof line);
		draw_text(win, y, r.x + 2, r.w - 2, line, n, R_DIM);
	}
}

static void
draw_footer(const struct view *v, WINDOW *win, int y, struct rect r)
{
	const struct ds_refs *notes = &v->d->paras[v->art.para].notes;
	const struct ds_note *n = &v->d->notes[notes->v[0]];

	/* The note gone to with t or T, when it is this paragraph's. */
	if (v->cur_note >= 0 && (size_t)v->cur_note < note_count(v)) {
		const struct ds_note *c = &v->d->notes[note_at(v, (size_t)v->cur_note)];
		if (c->para == v->art.para)
			n = c;
	}
	int x = r.x, end = r.x + r.w;
	char mark[8];
	char more[32] = "";
	struct span hits[16];
	size_t nh = view_hit_spans(v, DS_PARAGRAPH, v->art.para, n->text, hits, 16);

	/* The count of the notes not shown keeps its room: the note's
	 * text is cut before it. */
	if (notes->n > 1) {
		snprintf(more, sizeof more, " ");
		snprintf(more + 1, sizeof more - 1, _("(+%zu, Enter)"), notes->n - 1);
		end -= text_width(more, strlen(more));
		if (end < r.x + 4)
			end = r.x + 4;
	}
	snprintf(mark, sizeof mark, "%s ", glyph(GL_NOTE));
	x += draw_str(win, y, x, end - x, mark, R_NOTE);
	/* Notes are on the original's words, which English does not show. */
	if (!art_shows_text(v, v->art.para))
		x += draw_str(win, y, x, end - x, _("on the original: "), R_DIM);
	x += draw_text(win, y, x, end - x, n->quote.s, n->quote.n, R_NOTE);
	x += draw_str(win, y, x, end - x, ": ", R_DIM);
	x += draw_spans(win, y, x, end - x, n->text.s, n->text.n, R_DIM, hits, nh);
	if (more[0])
		draw_str(win, y, x, r.x + r.w - x, more, R_DIM);
}

void
article_draw(const struct view *v, WINDOW *win, struct rect r)
{
	int width = r.w - 2, h, row;
	size_t p = v->art.para;

	if (width < 1 || v->d->nparas == 0)
		return;
	/* The view's width is this pane's: the rows here are its rows. */
	row = art_row_of(v, v->art, width);
	h = art_text_height(v, p);
	if (h < r.h)
		draw_footer(v, win, r.y + h, r);
	for (int y = 0; y < h && p < v->d->nparas; y++) {
		int hr = art_heading_rows(v, p), head = art_head_rows(v, p);
		const struct wrap_cache *w = art_wrap(v, p, width);
		if (row < head) {
			draw_head(v, win, r.y + y, r, p, row);
		} else if (row < hr) {
			if (row == head)
				draw_heading(v, win, r.y + y, r, p);
		} else if ((size_t)(row - hr) < w->n) {
			draw_text_row(v, win, r.y + y, r, p, (size_t)(row - hr));
		}
		if (++row >= art_para_rows(v, p, width)) {
			p++;
			row = 0;
		}
	}
}
