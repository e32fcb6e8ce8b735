/* Article pane: paragraphs wrapped to the pane (text_wrap), section
 * headings, mentions, notes and search hits marked, from the view's
 * reading position down.  Only the rows on screen are wrapped and drawn. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "pane.h"

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
draw_text_row(const struct view *v, WINDOW *win, int y, struct rect r, size_t p, size_t line)
{
	const struct wrap_cache *w = art_wrap(v, p, r.w - 2);
	const struct text_line *tl = &w->lines[line];
	const char *text = v->d->paras[p].text.s;
	struct line_spans ls;

	if ((long)p == v->marked_para)
		draw_str(win, y, r.x, 1, "▌", R_READ);
	if (line == 0 && v->d->paras[p].notes.n)
		draw_str(win, y, r.x + 1, 1, "†", R_NOTE);
	line_spans(v, p, tl->start, tl->start + tl->len, &ls);
	draw_spans(win, y, r.x + 2, r.w - 2, text + tl->start, tl->len, R_NORMAL, ls.v, ls.n);
}

static void
draw_heading(const struct view *v, WINDOW *win, int y, struct rect r, size_t p)
{
	const struct ds_str *s = &v->d->paras[p].section;
	int x = r.x + 2;

	x += draw_str(win, y, x, r.w - 2, "§ ", R_HEADING);
	draw_text(win, y, x, r.x + r.w - x, s->s, s->n, R_HEADING);
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
	char more[32] = "";
	struct span hits[16];
	size_t nh = view_hit_spans(v, DS_PARAGRAPH, v->art.para, n->text, hits, 16);

	/* The count of the notes not shown keeps its room: the note's
	 * text is cut before it. */
	if (notes->n > 1) {
		snprintf(more, sizeof more, " (+%zu, Enter)", notes->n - 1);
		end -= text_width(more, strlen(more));
		if (end < r.x + 4)
			end = r.x + 4;
	}
	x += draw_str(win, y, x, end - x, "† ", R_NOTE);
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
		int hr = art_heading_rows(v, p);
		const struct wrap_cache *w = art_wrap(v, p, width);
		if (row < hr) {
			if (row == 0)
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
