/* Unit tests of the view layer (src/view*.c, src/overlay.c, the key
 * table's overlay scope) on the bundled dossier, without a terminal: the
 * reading position across widths, motion limits, hit placement at every
 * focus and layout, the timeline and the article agreeing, the wheel, the
 * overlays' scrolling and their whole content. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <curses.h>

#include "bundled.h"
#include "view-fixture.h"

static struct dossier bundled;

static int
setup_all(void **state)
{
	(void)state;
	return load_bundled(&bundled);
}

static int
teardown_all(void **state)
{
	(void)state;
	dossier_free(&bundled);
	return 0;
}

static void
search(struct view *v, const char *q)
{
	prompt_open(&v->prompt);
	prompt_insert(&v->prompt, q, strlen(q));
	view_search_update(v);
	v->have_hits = v->search.nhits > 0;
}

static size_t
para_index(const struct dossier *d, const char *id)
{
	long p = dossier_find(d, DS_PARAGRAPH, id, strlen(id));

	assert_true(p >= 0);
	return (size_t)p;
}

static bool
same_pos(struct art_pos a, struct art_pos b)
{
	return a.para == b.para && a.off == b.off && a.nudge == b.nudge;
}

/* The row of the article a position stands for, at the current width,
 * counted from the article's start. */
static long
abs_row(const struct view *v, struct art_pos p)
{
	int w = art_text_width(v);
	long r = 0;

	for (size_t i = 0; i < p.para; i++)
		r += art_para_rows(v, i, w);
	return r + art_row_of(v, p, w);
}

static long
total_rows(const struct view *v)
{
	int w = art_text_width(v);
	long r = 0;

	for (size_t i = 0; i < v->d->nparas; i++)
		r += art_para_rows(v, i, w);
	return r;
}

static void check_agree(const struct view *, const char *when);

/* ---- 1: the reading place survives a resize ---- */

/* 120x16, 3 } } } j j j, then every width from 20 to 300 and back: the
 * top row is the line holding the same byte of the same paragraph. */
static void
test_position_kept_across_widths(void **state)
{
	struct view *v = open_view(&bundled, 16, 120);
	struct art_pos was;

	(void)state;
	keys(v, "3}}}jjj");
	was = v->art;
	assert_int_equal(was.para, para_index(&bundled, "p4"));
	assert_true(was.off > 0);
	for (int cols = 20; cols <= 300; cols++) {
		int w;
		view_resize(v, 16, cols);
		w = art_text_width(v);
		assert_int_equal(v->art.para, was.para);
		/* The top row is the line holding the byte. */
		assert_int_equal(art_row_of(v, v->art, w),
		    art_row_of_offset(v, was.para, was.off, w));
		assert_true(art_row_shown(v, was.para, art_row_of_offset(v, was.para, was.off, w)));
	}
	view_resize(v, 16, 120);
	assert_true(same_pos(v->art, was));
	close_view(v);
}

/* Every paragraph's every row as the top at 80 columns, then 20..300
 * columns: the byte at the top stays in the top row (heading and blank
 * rows stay what they were). */
static void
test_every_place_kept(void **state)
{
	struct view *v = open_view(&bundled, 16, 80);

	(void)state;
	for (size_t p = 0; p < bundled.nparas; p += 3) {
		int rows = art_para_rows(v, p, art_text_width(v));
		for (int r = 0; r < rows; r++) {
			struct art_pos at = art_pos_at(v, p, r, art_text_width(v));
			for (int cols = 20; cols <= 300; cols += 13) {
				v->art = at;
				view_resize(v, 16, cols);
				int w = art_text_width(v);
				if (art_at_end(v))     /* past the last screenful there */
					continue;
				assert_true(same_pos(v->art, at));
				if (at.nudge == 0)
					assert_int_equal(art_row_of(v, v->art, w),
					    art_row_of_offset(v, p, at.off, w));
				else if (at.nudge < 0)
					assert_int_equal(art_row_of(v, v->art, w),
					    art_heading_rows(v, p) + at.nudge);
				else
					assert_int_equal(art_row_of(v, v->art, w),
					    art_para_rows(v, p, w) - 1);
			}
			view_resize(v, 16, 80);
		}
	}
	close_view(v);
}

/* The place kept as paragraph id and offset comes back at another width,
 * on the same line; an unknown id changes nothing. */
static void
test_place_saved_and_restored(void **state)
{
	struct view *v = open_view(&bundled, 16, 120);
	struct ds_str id;
	size_t off, off2;
	char *keep;

	(void)state;
	keys(v, "3}}}}}jjjj");
	id = art_place(v, &off);
	keep = strndup(id.s, id.n);
	assert_non_null(keep);
	assert_true(off > 0);
	keys(v, "g");
	view_resize(v, 30, 61);
	assert_true(art_restore_place(v, keep, strlen(keep), off));
	id = art_place(v, &off2);
	assert_int_equal(id.n, strlen(keep));
	assert_memory_equal(id.s, keep, id.n);
	assert_int_equal(off2, off);
	assert_int_equal(art_row_of(v, v->art, art_text_width(v)),
	    art_row_of_offset(v, v->art.para, off, art_text_width(v)));
	check_agree(v, "after a restored place");
	assert_false(art_restore_place(v, "no-such-id", 10, 0));
	/* A place in the last screenful (of a small screen, where the last
	 * paragraph is longer than it): the top stops at it, as G. */
	view_resize(v, 8, 20);
	id = bundled.paras[bundled.nparas - 1].id;
	assert_true(art_restore_place(v, id.s, id.n, bundled.paras[bundled.nparas - 1].text.n));
	assert_int_equal(abs_row(v, v->art), abs_row(v, art_last_top(v)));
	assert_true(art_at_end(v));
	free(keep);
	close_view(v);
}

/* ---- 2: the article's width does not depend on the focus ---- */

static void
test_width_independent_of_focus(void **state)
{
	(void)state;
	for (int cols = 20; cols <= 200; cols++) {
		struct view *v = open_view(&bundled, 24, cols);
		int w = art_text_width(v);
		/* The narrow view gives the article the screen's width. */
		assert_true(cols >= LAYOUT_FULL_COLS || w == cols - 4);
		for (int f = 0; f < NPANES; f++) {
			view_focus(v, (enum pane)f);
			assert_int_equal(art_text_width(v), w);
		}
		close_view(v);
	}
}

/* ---- 9 and 2: every hit lands where it can be seen ---- */

/* Columns from the string's start to the end of the first character of
 * a hit at off. */
static int
first_char_end(const struct search_seg *sg, size_t off)
{
	size_t clen;

	return text_width(sg->orig, off) +
	    text_char_width(sg->orig + off, sg->orig_n - off, &clen);
}

/* The hit is drawn: highlighted as the current hit in its pane, on a row
 * in sight, or in a details window opened for it with its row in sight. */
static void
check_hit_visible(struct view *v, size_t hit, const char *where)
{
	const struct search_seg *sg = search_seg_of(&v->search, &v->search.hits[hit]);
	struct span sp[64];
	size_t ns, hoff, hlen;
	bool cur = false;

	assert_int_equal(v->cur_hit, hit);
	search_hit_span(&v->search, hit, &hoff, &hlen);
	ns = view_hit_spans(v, (enum ds_kind)sg->kind, sg->item, search_seg_str(sg), sp, 64);
	for (size_t i = 0; i < ns; i++)
		cur |= sp[i].role == R_CUR_HIT && sp[i].off == hoff && sp[i].len == hlen;
	if (!cur)
		fail_msg("%s: hit %zu is not marked as the current hit", where, hit);
	if (v->ov.kind == OV_DETAILS) {
		size_t r = overlay_row_of(&v->ov, sg->orig, hoff);
		assert_int_equal(v->ov.item_kind, sg->kind);
		assert_int_equal(v->ov.item, sg->item);
		if (r >= v->ov.nrows || r < v->ov.top || r >= v->ov.top + (size_t)overlay_page(&v->ov))
			fail_msg("%s: hit %zu is not in sight in its details window", where, hit);
		return;
	}
	switch (sg->kind) {
	case DS_EVENT:
		assert_int_equal(v->focus, PANE_TIMELINE);
		assert_int_equal(tl_event(v, v->tl.sel), sg->item);
		assert_true(v->tl.sel >= v->tl.top &&
		    v->tl.sel < v->tl.top + (size_t)pane_height(v, PANE_TIMELINE));
		assert_true(sg->field == SF_DATE || sg->field == SF_TITLE);
		/* And not past the pane's right edge: its first character at
		 * least is drawn. */
		if ((sg->field == SF_DATE ? 1 : 2 + timeline_date_width(v) +
		    timeline_draft_width(v)) +
		    first_char_end(sg, hoff) > layout_inner(&v->lay, PANE_TIMELINE).w)
			fail_msg("%s: hit %zu is past the timeline's right edge", where, hit);
		break;
	case DS_PERSON:
	case DS_ORG: {
		const struct list_pos *lp = sg->kind == DS_ORG ? &v->orgs : &v->people;
		const struct ds_entity *e = sg->kind == DS_ORG ? &v->d->orgs[sg->item] :
		    &v->d->people[sg->item];
		assert_int_equal(v->focus, PANE_PEOPLE);
		assert_int_equal(v->show_orgs, sg->kind == DS_ORG);
		assert_int_equal(lp->sel, sg->item);
		assert_true(lp->sel >= lp->top &&
		    lp->sel < lp->top + (size_t)pane_height(v, PANE_PEOPLE));
		if (sg->field != SF_NAME && sg->field != SF_ROLE &&
		    latin_alias(e).s != sg->orig)
			fail_msg("%s: hit %zu is in a field the people pane does not show", where, hit);
		int nw, aw, x, w, pw = layout_inner(&v->lay, PANE_PEOPLE).w;
		people_columns(v, &nw, &aw);
		bool beside = sg->field == SF_ALIAS || sg->field == SF_LATIN;
		x = sg->field == SF_NAME ? 1 : beside ? 2 + nw : 3 + nw + aw;
		w = sg->field == SF_NAME ? nw : beside ? aw : pw - x;
		if (x + w > pw)
			w = pw - x;
		if (first_char_end(sg, hoff) > w)
			fail_msg("%s: hit %zu is cut off in its column", where, hit);
		break;
	}
	case DS_PARAGRAPH: {
		int w = art_text_width(v);
		bool gloss = sg->field == SF_GLOSS;
		size_t off = gloss ? v->d->paras[sg->item].text.n + hoff : hoff;
		assert_int_equal(v->focus, PANE_ARTICLE);
		assert_true(sg->field == SF_TEXT || gloss);
		/* The part it is in is shown, in whatever text mode. */
		assert_true(gloss ? art_shows_gloss(v, sg->item) : art_shows_text(v, sg->item));
		if (!art_row_shown(v, sg->item, art_row_of_offset(v, sg->item, off, w)))
			fail_msg("%s: hit %zu (paragraph %u) is not on screen", where, hit, sg->item);
		break;
	}
	default:
		fail_msg("%s: hit %zu of an unexpected kind", where, hit);
	}
}

static void
test_hits_land_visibly(void **state)
{
	static const int sizes[][2] = {
		{ 24, 60 }, { 40, 120 }, { 12, 80 }, { 5, 20 }, { 16, 250 }, { 10, 30 }, { 6, 24 },
	};
	static const char *const queries[] = {
		"llama", "苹果", "2022", "Bali", "巴厘", "LeCun", "Misspelling", "扎克伯格", "FAIR",
		"talent", "Joelle", "Wang Jing",
	};
	char where[128];

	(void)state;
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
		for (int f = 0; f < NPANES; f++)
			for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
				struct view *v = open_view(&bundled, sizes[s][0], sizes[s][1]);
				view_focus(v, (enum pane)f);
				search(v, queries[q]);
				assert_true(v->search.nhits > 0);
				snprintf(where, sizeof where, "%dx%d focus %d /%s", sizes[s][1],
				    sizes[s][0], f, queries[q]);
				check_hit_visible(v, v->cur_hit, where);
				for (size_t i = 0; i <= v->search.nhits; i++) {
					keys(v, "n");
					check_hit_visible(v, v->cur_hit, where);
				}
				keys(v, "N");
				check_hit_visible(v, v->cur_hit, where);
				close_view(v);
			}
}

/* The narrow case of the report: 60x24, /苹果, n n: the status's hit 3
 * is in p4, which is on screen. */
static void
test_narrow_hit_in_article(void **state)
{
	struct view *v = open_view(&bundled, 24, 60);

	(void)state;
	search(v, "苹果");
	keys(v, "nn");
	check_hit_visible(v, v->cur_hit, "60x24 /苹果 n n");
	close_view(v);
}

/* Notes are searched (and --search agrees), hits on them open the
 * paragraph's details; /2022 selects a 2022 event first. */
static void
test_search_covers_notes(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);
	const struct search_seg *sg;

	(void)state;
	/* A note's text and a paragraph's gloss are hit: a note's hit opens
	 * the paragraph's details with it marked in sight, a gloss's shows
	 * it in the article, switched to both. */
	search(v, "Bali");
	bool note = false, gloss = false;
	for (size_t i = 0; i < v->search.nhits; i++) {
		sg = search_seg_of(&v->search, &v->search.hits[i]);
		if (sg->kind != DS_PARAGRAPH || sg->field == SF_TEXT)
			continue;
		note |= sg->field == SF_NOTE;
		gloss |= sg->field == SF_GLOSS;
		view_goto_hit(v, i);
		if (sg->field == SF_GLOSS)
			assert_true(v->ov.kind == OV_NONE && v->text == TEXT_BOTH);
		else
			assert_int_equal(v->ov.kind, OV_DETAILS);
		check_hit_visible(v, i, "/Bali");
		view_close_overlay(v);
	}
	assert_true(note);
	bool in_gloss = false;
	for (size_t p = 0; p < bundled.nparas; p++)
		in_gloss |= bundled.paras[p].gloss.n &&
		    memmem(bundled.paras[p].gloss.s, bundled.paras[p].gloss.n, "Bali", 4);
	assert_int_equal(gloss, in_gloss);

	search(v, "Misspelling");
	assert_true(v->search.nhits > 0);
	close_view(v);

	v = open_view(&bundled, 40, 120);
	search(v, "2022");
	assert_int_equal(v->focus, PANE_TIMELINE);
	sg = search_seg_of(&v->search, &v->search.hits[v->cur_hit]);
	assert_int_equal(sg->kind, DS_EVENT);
	assert_memory_equal(bundled.events[sg->item].date_text.s, "2022", 4);
	/* Nothing hit where the screen shows nothing: no event When or Text. */
	for (size_t i = 0; i < v->search.nhits; i++) {
		sg = search_seg_of(&v->search, &v->search.hits[i]);
		if (sg->kind == DS_EVENT)
			assert_true(sg->field == SF_DATE || sg->field == SF_TITLE);
	}
	close_view(v);
}

/* ---- 3: every motion stops where G stops ---- */

static void
check_last_screenful(struct view *v, const char *how)
{
	struct art_pos end = art_last_top(v);
	int w = art_text_width(v);
	size_t last = v->d->nparas - 1;
	int last_row = art_heading_rows(v, last) + (int)art_wrap(v, last, w)->n - 1;

	if (!same_pos(v->art, end))
		fail_msg("%s: stopped at p%zu+%zu, G stops at p%zu+%zu", how, v->art.para + 1,
		    v->art.off, end.para + 1, end.off);
	/* The last text row is on screen, on the pane's last text row (or
	 * the one above it when the top paragraph's note takes the footer
	 * and the next top has none), unless the whole article fits. */
	assert_true(art_row_shown(v, last, last_row));
	long bottom = abs_row(v, v->art) + art_text_height(v, v->art.para) - 1;
	long end_row = total_rows(v) - 2;
	if (abs_row(v, v->art) > 0 && bottom != end_row && bottom != end_row + 1)
		fail_msg("%s: the pane's last row is article row %ld, its last text row %ld",
		    how, bottom, end_row);
	assert_true(art_at_end(v));
}

static void
test_motion_limits(void **state)
{
	static const int sizes[][2] = { { 16, 120 }, { 40, 120 }, { 24, 60 }, { 5, 20 }, { 60, 300 } };
	static const char *const motions[] = { "j", " ", "}", "\x04", "\x06" };

	(void)state;
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
		for (size_t m = 0; m < sizeof motions / sizeof *motions; m++) {
			struct view *v = open_view(&bundled, sizes[s][0], sizes[s][1]);
			char how[64];
			keys(v, "3");
			for (int i = 0; i < 5000 && !art_at_end(v); i++)
				keys(v, motions[m]);
			/* And more of it changes nothing. */
			for (int i = 0; i < 5; i++)
				keys(v, motions[m]);
			snprintf(how, sizeof how, "%dx%d key %#x", sizes[s][1], sizes[s][0],
			    (unsigned char)motions[m][0]);
			check_last_screenful(v, how);
			close_view(v);
		}
		struct view *v = open_view(&bundled, sizes[s][0], sizes[s][1]);
		keys(v, "3G");
		check_last_screenful(v, "G");
		/* The wheel too. */
		keys(v, "g");
		for (int i = 0; i < 5000 && !art_at_end(v); i++)
			view_wheel(v, v->lay.pane[PANE_ARTICLE].y + 1, v->lay.pane[PANE_ARTICLE].x + 1, 3);
		view_wheel(v, v->lay.pane[PANE_ARTICLE].y + 1, v->lay.pane[PANE_ARTICLE].x + 1, 3);
		check_last_screenful(v, "wheel");
		/* And back to the top, where k, b, { and the wheel stop. */
		for (int i = 0; i < 5000 && (v->art.para || v->art.off || v->art.nudge); i++)
			keys(v, "k");
		keys(v, "kb{");
		view_wheel(v, v->lay.pane[PANE_ARTICLE].y + 1, v->lay.pane[PANE_ARTICLE].x + 1, -3);
		assert_int_equal(abs_row(v, v->art), 0);
		close_view(v);
	}
}

/* A search hit in the last paragraph stops there too. */
static void
test_hit_at_end_stops(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);
	const struct ds_str *t = &bundled.paras[bundled.nparas - 1].text;
	char q[16];

	(void)state;
	/* The last paragraph's last characters. */
	snprintf(q, sizeof q, "%.6s", t->s + t->n - 6);
	search(v, q);
	assert_true(v->search.nhits > 0);
	for (size_t i = 0; i < v->search.nhits; i++) {
		view_goto_hit(v, i);
		check_hit_visible(v, i, "hit in the last paragraph");
		if (search_seg_of(&v->search, &v->search.hits[i])->item == bundled.nparas - 1)
			assert_true(abs_row(v, v->art) <= abs_row(v, art_last_top(v)));
	}
	close_view(v);
}

/* ---- 4 and 5: the selected event and the article agree ---- */

static bool
cites(const struct dossier *d, size_t ev, size_t para)
{
	for (size_t i = 0; i < d->events[ev].paras.n; i++)
		if (d->events[ev].paras.v[i] == para)
			return true;
	return false;
}

/* The selected event is the event of the reading place: it cites a
 * paragraph on screen, or the top paragraph, or the nearest one before it
 * that a listed event cites; and a marked paragraph is one the selected
 * event cites. */
static void
check_agree(const struct view *v, const char *when)
{
	size_t ev, q = v->art.para + 1;

	if (tl_count(v) == 0)
		return;
	ev = tl_event(v, v->tl.sel);
	if (v->marked_para >= 0 && !cites(v->d, ev, (size_t)v->marked_para))
		fail_msg("%s: p%ld is marked but the selected event does not cite it", when,
		    v->marked_para + 1);
	/* Its paragraph on screen is agreement enough. */
	for (size_t i = 0; i < v->d->events[ev].paras.n; i++)
		if (art_para_shown(v, v->d->events[ev].paras.v[i]))
			return;
	while (q-- > 0) {
		bool listed = false;
		for (size_t r = 0; r < tl_count(v); r++)
			listed |= cites(v->d, tl_event(v, r), q);
		if (listed)
			break;
	}
	if (q == (size_t)-1)
		return;
	if (!cites(v->d, ev, q))
		fail_msg("%s: the article is at p%zu, the selected event (%.*s) does not cite p%zu",
		    when, v->art.para + 1, (int)v->d->events[ev].id.n, v->d->events[ev].id.s, q + 1);
}

/* After the timeline chose an event: its first paragraph is shown and
 * marked. */
static void
check_chosen(const struct view *v, const char *when)
{
	size_t ev = tl_event(v, v->tl.sel);
	const struct ds_event *e = &v->d->events[ev];

	if (e->paras.n == 0)
		return;
	if (v->marked_para != (long)e->paras.v[0])
		fail_msg("%s: p%u is not marked", when, e->paras.v[0] + 1);
	if (!art_row_shown(v, e->paras.v[0], art_heading_rows(v, e->paras.v[0])))
		fail_msg("%s: p%u is not shown", when, e->paras.v[0] + 1);
	check_agree(v, when);
}

static void
test_start_agrees(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);

	(void)state;
	assert_int_equal(v->art.para, 0);
	check_agree(v, "at start");
	assert_true(cites(&bundled, tl_event(v, v->tl.sel), 0));
	close_view(v);
}

static void
test_filter_moves_article(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);

	(void)state;
	keys(v, "G");
	check_chosen(v, "G");
	keys(v, "f");
	assert_true(v->filter >= 0);
	check_chosen(v, "G f");
	keys(v, "jjj");
	check_chosen(v, "G f jjj");
	keys(v, "f");
	check_agree(v, "G f jjj f");
	keys(v, "\033");
	check_agree(v, "Esc");
	close_view(v);
}

static void
test_timeline_follows_reading(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);
	size_t p30 = para_index(&bundled, "p30"), row;

	(void)state;
	keys(v, "3");
	while (v->art.para < p30)
		keys(v, "}");
	check_agree(v, "read to p30");
	keys(v, "1");
	assert_int_equal(v->art.para, p30);
	assert_true(cites(&bundled, tl_event(v, v->tl.sel), p30));
	row = v->tl.sel;
	assert_true(row >= v->tl.top && row < v->tl.top + (size_t)pane_height(v, PANE_TIMELINE));
	/* j goes on to the next event, not back to an old selection. */
	keys(v, "j");
	assert_int_equal(v->tl.sel, row + 1);
	check_chosen(v, "1 j");
	/* Reading in every size of step agrees all the way. */
	keys(v, "3g");
	for (int i = 0; i < 400 && !art_at_end(v); i++) {
		keys(v, i % 3 ? "j" : " ");
		check_agree(v, "reading");
	}
	close_view(v);
}

/* An event whose paragraph is in the last screenful, where the article
 * stops above it; j there cannot move, and the selection stays. */
static void
test_selection_kept_at_end(void **state)
{
	struct view *v = open_view(&bundled, 100, 120);
	size_t p51 = para_index(&bundled, "p51"), row = bundled.nevents;

	(void)state;
	for (size_t r = 0; r < bundled.nevents; r++)
		if (bundled.events[r].paras.n && bundled.events[r].paras.v[0] == p51)
			row = r;
	assert_true(row < bundled.nevents);
	view_select_event(v, row);
	assert_true(art_at_end(v));
	assert_true(v->art.para < p51);
	keys(v, "3jjj");
	assert_int_equal(v->tl.sel, row);
	assert_int_equal(v->marked_para, (long)p51);
	keys(v, "G}");
	assert_int_equal(v->tl.sel, row);
	close_view(v);
}

/* ---- 6: the wheel ---- */

static void
test_wheel(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);
	struct rect tl = v->lay.pane[PANE_TIMELINE], pe = v->lay.pane[PANE_PEOPLE];
	struct rect ar = v->lay.pane[PANE_ARTICLE];
	struct art_pos art;
	size_t sel, top;

	(void)state;
	keys(v, "3");
	art = v->art;
	sel = v->tl.sel;
	top = v->tl.top;
	/* Over the timeline: it scrolls, its selection and the article
	 * stay, the focus stays. */
	view_wheel(v, tl.y + 2, tl.x + 2, 3);
	assert_int_equal(v->focus, PANE_ARTICLE);
	assert_int_equal(v->tl.sel, sel);
	assert_true(same_pos(v->art, art));
	assert_int_equal(v->tl.top, top + 3 <= tl_count(v) - (size_t)pane_height(v, PANE_TIMELINE) ?
	    top + 3 : tl_count(v) - (size_t)pane_height(v, PANE_TIMELINE));
	view_wheel(v, tl.y + 2, tl.x + 2, -100);
	assert_int_equal(v->tl.top, 0);
	assert_int_equal(v->tl.sel, sel);
	/* Over the people, who all fit: nothing can scroll, nothing moves. */
	assert_true(bundled.npeople <= (size_t)pane_height(v, PANE_PEOPLE));
	view_wheel(v, pe.y + 2, pe.x + 2, 3);
	view_wheel(v, pe.y + 2, pe.x + 2, -3);
	assert_int_equal(v->people.sel, 0);
	assert_int_equal(v->people.top, 0);
	assert_int_equal(v->highlight_kind, -1);
	assert_int_equal(v->focus, PANE_ARTICLE);
	/* Over the article, with the timeline focused: the article scrolls. */
	keys(v, "1");
	art = v->art;
	view_wheel(v, ar.y + 2, ar.x + 2, 3);
	assert_int_equal(v->focus, PANE_TIMELINE);
	assert_int_equal(abs_row(v, v->art), abs_row(v, art) + 3);
	check_agree(v, "wheel over the article");
	/* Over help: it scrolls and stays open, wherever the pointer is. */
	keys(v, "?");
	assert_int_equal(v->ov.kind, OV_HELP);
	view_wheel(v, v->ov.box.y + 2, v->ov.box.x + 2, 3);
	assert_int_equal(v->ov.kind, OV_HELP);
	assert_int_equal(v->ov.top, 3);
	view_wheel(v, 0, 0, -3);
	assert_int_equal(v->ov.top, 0);
	assert_int_equal(v->ov.kind, OV_HELP);
	/* A click outside closes it; inside does not. */
	view_click(v, v->ov.box.y + 1, v->ov.box.x + 1);
	assert_int_equal(v->ov.kind, OV_HELP);
	view_click(v, 0, 0);
	assert_int_equal(v->ov.kind, OV_NONE);
	close_view(v);
}

/* ---- 7: overlays scroll ---- */

static void
test_help_scrolls(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);
	size_t page, last;

	(void)state;
	keys(v, "?");
	assert_int_equal(v->ov.kind, OV_HELP);
	page = (size_t)overlay_page(&v->ov);
	/* The help does not fit at 120x40. */
	assert_true(v->ov.nrows > page);
	last = v->ov.nrows - page;
	assert_true(overlay_more_below(&v->ov));
	assert_false(overlay_more_above(&v->ov));
	keys(v, "G");
	assert_int_equal(v->ov.kind, OV_HELP);
	assert_int_equal(v->ov.top, last);
	assert_false(overlay_more_below(&v->ov));
	assert_true(overlay_more_above(&v->ov));
	keys(v, "jjj");
	assert_int_equal(v->ov.top, last);
	keys(v, "g");
	assert_int_equal(v->ov.top, 0);
	keys(v, "kkk");
	assert_int_equal(v->ov.top, 0);
	keys(v, "jj");
	assert_int_equal(v->ov.top, 2);
	keys(v, " ");
	assert_int_equal(v->ov.top, 2 + page - 1 < last ? 2 + page - 1 : last);
	last = v->ov.top;
	keys(v, "b");
	assert_int_equal(v->ov.top, last > page - 1 ? last - (page - 1) : 0);
	last = v->ov.nrows - page;
	view_action(v, key_lookup(KEY_END, true, KS_OVERLAY));
	assert_int_equal(v->ov.top, last);
	view_action(v, key_lookup(KEY_HOME, true, KS_OVERLAY));
	assert_int_equal(v->ov.top, 0);
	view_action(v, key_lookup(KEY_NPAGE, true, KS_OVERLAY));
	assert_int_equal(v->ov.top, page - 1 < last ? page - 1 : last);
	view_action(v, key_lookup(KEY_PPAGE, true, KS_OVERLAY));
	assert_int_equal(v->ov.top, 0);
	view_action(v, key_lookup(KEY_DOWN, true, KS_OVERLAY));
	assert_int_equal(v->ov.top, 1);
	/* Keys of no use here leave it open and the view as it was. */
	keys(v, "x1f\t/o");
	assert_int_equal(v->ov.kind, OV_HELP);
	assert_int_equal(v->ov.top, 1);
	assert_int_equal(v->focus, PANE_TIMELINE);
	assert_int_equal(v->filter, -1);
	keys(v, "q");
	assert_int_equal(v->ov.kind, OV_NONE);
	assert_false(v->quit);
	/* Esc, Enter and ? close it too. */
	keys(v, "?\033");
	assert_int_equal(v->ov.kind, OV_NONE);
	keys(v, "?\n");
	assert_int_equal(v->ov.kind, OV_NONE);
	keys(v, "??");
	assert_int_equal(v->ov.kind, OV_NONE);
	close_view(v);
}

/* The help lists every binding of the key table, the overlay's own. */
static void
test_help_lists_overlay_keys(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);
	bool heading = false;

	(void)state;
	view_open_help(v);
	for (size_t i = 0; i < v->ov.nitems; i++)
		heading |= v->ov.items[i].value.n == strlen("overlay") &&
		    memcmp(v->ov.items[i].value.s, "overlay", 7) == 0;
	assert_true(heading);
	assert_int_equal(key_lookup('q', false, KS_OVERLAY), ACT_CLOSE);
	assert_int_equal(key_lookup('G', false, KS_OVERLAY), ACT_BOTTOM);
	assert_int_equal(key_lookup('n', false, KS_OVERLAY), ACT_NEXT_HIT);
	close_view(v);
}

/* A resize rewraps once, keeps the top in range; a terminal too small
 * for it closes it. */
static void
test_overlay_resize(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);

	(void)state;
	keys(v, "?G");
	view_resize(v, 60, 120);
	assert_int_equal(v->ov.top, v->ov.nrows > (size_t)overlay_page(&v->ov) ?
	    v->ov.nrows - (size_t)overlay_page(&v->ov) : 0);
	view_resize(v, 4, 30);
	assert_int_equal(v->ov.kind, OV_NONE);
	close_view(v);
}

/* ---- 11: details show everything ---- */

static void
test_details_whole(void **state)
{
	/* An event with a 20 KiB Text, 300 Person fields and a long Id. */
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap), id[200];
	struct dossier d;
	struct diag dg;
	struct view *v;
	size_t covered = 0, persons = 0;
	const struct ds_event *e;

	(void)state;
	assert_non_null(buf);
	memset(id, 'x', sizeof id - 1);
	id[sizeof id - 1] = '\0';
	n += (size_t)snprintf(buf + n, cap - n, "%%rec: Dossier\n\nTitle: T\n\n%%rec: Article\n\n"
	    "Id: a\nTitle: A\n\n%%rec: Paragraph\n\nId: p1\nArticle: a\nText: t\n\n%%rec: Person\n\n");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(buf + n, cap - n, "Id: q%d\nName: N%d\n\n", i, i);
	n += (size_t)snprintf(buf + n, cap - n, "%%rec: Event\n\nId: %s\nDate: 2020\nTitle: E\n"
	    "Paragraph: p1\n", id);
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(buf + n, cap - n, "Person: q%d\n", i);
	n += (size_t)snprintf(buf + n, cap - n, "Text: ");
	for (int i = 0; i < 6000; i++)
		n += (size_t)snprintf(buf + n, cap - n, "word%04d  ", i);
	n += (size_t)snprintf(buf + n, cap - n, "\n");
	diag_init(&dg, "t.rec");
	assert_int_equal(dossier_load_buffer(&d, "t.rec", buf, n, &dg), 0);
	diag_free(&dg);
	v = open_view(&d, 40, 120);
	keys(v, "\n");
	assert_int_equal(v->ov.kind, OV_DETAILS);
	e = &d.events[0];
	/* Every item is there, and the rows of the Text cover all of it. */
	for (size_t i = 0; i < v->ov.nitems; i++) {
		const struct ov_item *it = &v->ov.items[i];
		if (it->label.n == 2 && memcmp(it->label.s, "Id", 2) == 0)
			assert_memory_equal(it->value.s, id, strlen(id));
		persons += it->label.n == 6 && memcmp(it->label.s, "Person", 6) == 0;
	}
	assert_int_equal(persons, 300);
	for (size_t r = 0; r < v->ov.nrows; r++)
		if (v->ov.items[v->ov.rows[r].item].value.s == e->text.s)
			covered = v->ov.rows[r].start + v->ov.rows[r].len;
	assert_int_equal(covered, e->text.n - 2);   /* the trailing spaces */
	assert_true(v->ov.nrows > 1024);
	/* And the last row can be reached. */
	keys(v, "G");
	assert_int_equal(v->ov.top + (size_t)overlay_page(&v->ov), v->ov.nrows);
	close_view(v);
	dossier_free(&d);
	free(buf);
}

/* A dossier of one paragraph, unit written times times, loaded into d
 * and shown in a view that has searched for query. */
static struct view *
one_paragraph_searched(struct dossier *d, const char *unit, int times, const char *query)
{
	static char buf[16384];
	size_t n = (size_t)snprintf(buf, sizeof buf, "%%rec: Dossier\n\nTitle: T\n\n"
	    "%%rec: Article\n\nId: a\nTitle: A\n\n%%rec: Paragraph\n\nId: p1\nArticle: a\nText: ");
	struct diag dg;
	struct view *v;

	for (int i = 0; i < times; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", unit);
	n += (size_t)snprintf(buf + n, sizeof buf - n, "\n");
	assert_true(n < sizeof buf);
	diag_init(&dg, "t.rec");
	assert_int_equal(dossier_load_buffer(d, "t.rec", buf, n, &dg), 0);
	diag_free(&dg);
	v = open_view(d, 40, 120);
	search(v, query);
	return v;
}

/* A paragraph with more hits than a span array holds: each line still
 * gets its own. */
static void
test_many_hits_each_line(void **state)
{
	struct dossier d;
	struct view *v = one_paragraph_searched(&d, "ab ", 600, "a");
	struct span sp[64];
	int w;
	const struct wrap_cache *wc;

	(void)state;
	assert_int_equal(v->search.nhits, 600);
	w = art_text_width(v);
	wc = art_wrap(v, 0, w);
	assert_true(wc->n > 10);
	for (size_t l = 0; l < wc->n; l++) {
		const struct text_line *tl = &wc->lines[l];
		size_t want = (tl->len + 2) / 3;
		size_t got = view_hit_spans_in(v, DS_PARAGRAPH, 0, d.paras[0].text, tl->start,
		    tl->start + tl->len, sp, 64);
		assert_int_equal(got, want);
	}
	close_view(v);
	dossier_free(&d);
}

/* The spans of a window of a long paragraph are those of all its hits
 * that overlap the window, in order, wherever the window is: folding
 * that changes lengths (full-width, ß) and a current hit included. */
static void
test_hit_spans_window(void **state)
{
	struct dossier d;
	struct view *v = one_paragraph_searched(&d,
	    "\xef\xbc\xa1" "b \xe4\xb8\xad" "a Stra\xc3\x9f" "e xy ", 400, "a");
	struct span sp[64], want[64];
	size_t first, nh = v->search.nhits;

	(void)state;
	assert_int_equal(nh, 1200);     /* Ａ, a, and the a of Straße */
	v->cur_hit = 777;
	first = search_first_at(&v->search, DS_PARAGRAPH, 0);
	for (size_t from = 0; from < d.paras[0].text.n; from += 37) {
		size_t to = from + 1 + from % 61, nw = 0, got;
		for (size_t h = first; h < nh && nw < 64; h++) {
			size_t off, len;
			search_hit_span(&v->search, h, &off, &len);
			if (off < to && off + len > from)
				want[nw++] = (struct span){ off, len,
				    h == v->cur_hit ? R_CUR_HIT : R_HIT };
		}
		got = view_hit_spans_in(v, DS_PARAGRAPH, 0, d.paras[0].text, from, to, sp, 64);
		assert_int_equal(got, nw);
		for (size_t k = 0; k < nw; k++) {
			assert_int_equal(sp[k].off, want[k].off);
			assert_int_equal(sp[k].len, want[k].len);
			assert_int_equal(sp[k].role, want[k].role);
		}
	}
	close_view(v);
	dossier_free(&d);
}

/* ---- the text mode: original, English, both ---- */

/* e cycles the modes; the top paragraph stays; in English a paragraph's
 * rows are its gloss's, in both its text's and then its gloss's. */
static void
test_text_mode_cycle(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);
	size_t p5 = para_index(&bundled, "p5");
	int w, text_rows, gloss_rows;

	(void)state;
	assert_int_equal(v->text, TEXT_ORIGINAL);
	view_focus(v, PANE_ARTICLE);
	art_goto(v, p5, 0);
	w = art_text_width(v);
	text_rows = (int)art_wrap(v, p5, w)->n;
	assert_true(art_shows_text(v, p5) && !art_shows_gloss(v, p5));
	keys(v, "e");
	assert_int_equal(v->text, TEXT_ENGLISH);
	assert_int_equal(v->art.para, p5);
	assert_int_equal(v->art.off, bundled.paras[p5].text.n);
	assert_true(!art_shows_text(v, p5) && art_shows_gloss(v, p5));
	gloss_rows = (int)art_wrap(v, p5, w)->n;
	assert_true(art_wrap(v, p5, w)->lines[0].start == bundled.paras[p5].text.n);
	keys(v, "e");
	assert_int_equal(v->text, TEXT_BOTH);
	assert_int_equal(v->art.para, p5);
	/* From the start of the gloss to the start of the paragraph. */
	assert_int_equal(v->art.off, 0);
	/* The gloss is narrower by its indent: at least as many rows. */
	assert_true((int)art_wrap(v, p5, w)->n >= text_rows + gloss_rows);
	assert_int_equal(art_gloss_indent(v), 2);
	keys(v, "e");
	assert_int_equal(v->text, TEXT_ORIGINAL);
	assert_int_equal(v->art.para, p5);
	assert_int_equal((int)art_wrap(v, p5, w)->n, text_rows);
	close_view(v);
}

/* A place inside the text stays in both, and goes to the gloss's start
 * in English; a place in the gloss goes to the text's start in the
 * original.  Every motion still stops where G stops. */
static void
test_text_mode_keeps_place(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	size_t p16 = para_index(&bundled, "p16");
	size_t textn = bundled.paras[p16].text.n;
	struct art_pos before;

	(void)state;
	view_focus(v, PANE_ARTICLE);
	art_goto(v, p16, 2);
	before = v->art;
	assert_true(before.off > 0 && before.off < textn);
	view_set_text(v, TEXT_BOTH);
	assert_true(same_pos(v->art, before));
	view_set_text(v, TEXT_ENGLISH);
	assert_int_equal(v->art.para, p16);
	assert_int_equal(v->art.off, textn);
	keys(v, "j");
	assert_true(v->art.off > textn);
	view_set_text(v, TEXT_ORIGINAL);
	assert_int_equal(v->art.para, p16);
	assert_int_equal(v->art.off, 0);
	for (int m = 0; m < TEXT_NMODES; m++) {
		view_set_text(v, (enum text_mode)m);
		keys(v, "G");
		check_last_screenful(v, "G in each mode");
		keys(v, "gjjj   ");
		keys(v, "}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}");
		check_last_screenful(v, "} to the end in each mode");
	}
	close_view(v);
}

/* A hit in a gloss is shown: from the original the article goes to both;
 * a hit in the text, from English, goes to both too. */
static void
test_text_mode_hits(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	const struct search_seg *sg;

	(void)state;
	search(v, "talent");
	assert_true(v->search.nhits > 0);
	sg = search_seg_of(&v->search, &v->search.hits[v->cur_hit]);
	assert_int_equal(sg->field, SF_GLOSS);
	assert_int_equal(v->text, TEXT_BOTH);
	check_hit_visible(v, v->cur_hit, "/talent");
	close_view(v);

	v = open_view(&bundled, 24, 80);
	view_set_text(v, TEXT_ENGLISH);
	search(v, "巴厘");
	sg = search_seg_of(&v->search, &v->search.hits[v->cur_hit]);
	assert_int_equal(sg->field, SF_TEXT);
	assert_int_equal(v->text, TEXT_BOTH);
	check_hit_visible(v, v->cur_hit, "English /巴厘");
	close_view(v);

	v = open_view(&bundled, 24, 80);
	view_set_text(v, TEXT_ENGLISH);
	search(v, "talent");
	assert_int_equal(v->text, TEXT_ENGLISH);
	check_hit_visible(v, v->cur_hit, "English /talent");
	close_view(v);
}

static void
test_text_mode_names(void **state)
{
	enum text_mode m = TEXT_BOTH;

	(void)state;
	assert_true(text_mode_parse("original", &m) && m == TEXT_ORIGINAL);
	assert_true(text_mode_parse("english", &m) && m == TEXT_ENGLISH);
	assert_true(text_mode_parse("both", &m) && m == TEXT_BOTH);
	assert_false(text_mode_parse("English", &m));
	assert_false(text_mode_parse("", &m));
	assert_int_equal(m, TEXT_BOTH);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_position_kept_across_widths),
		cmocka_unit_test(test_every_place_kept),
		cmocka_unit_test(test_place_saved_and_restored),
		cmocka_unit_test(test_width_independent_of_focus),
		cmocka_unit_test(test_hits_land_visibly),
		cmocka_unit_test(test_narrow_hit_in_article),
		cmocka_unit_test(test_search_covers_notes),
		cmocka_unit_test(test_motion_limits),
		cmocka_unit_test(test_hit_at_end_stops),
		cmocka_unit_test(test_start_agrees),
		cmocka_unit_test(test_filter_moves_article),
		cmocka_unit_test(test_timeline_follows_reading),
		cmocka_unit_test(test_selection_kept_at_end),
		cmocka_unit_test(test_wheel),
		cmocka_unit_test(test_help_scrolls),
		cmocka_unit_test(test_help_lists_overlay_keys),
		cmocka_unit_test(test_overlay_resize),
		cmocka_unit_test(test_details_whole),
		cmocka_unit_test(test_many_hits_each_line),
		cmocka_unit_test(test_hit_spans_window),
		cmocka_unit_test(test_text_mode_cycle),
		cmocka_unit_test(test_text_mode_keeps_place),
		cmocka_unit_test(test_text_mode_hits),
		cmocka_unit_test(test_text_mode_names),
	};

	return cmocka_run_group_tests_name("view", tests, setup_all, teardown_all);
}
