/* Unit tests of the view's reading comfort on the bundled dossier,
 * without a terminal: one date column for the whole timeline, the zoom
 * and the movable splits, the reading place told in the status line. */
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

/* The date column is as wide as the widest date of the whole dossier,
 * wherever the timeline is scrolled to and whatever the filter shows. */
static void
test_date_column_fixed(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	int widest = 0, w = timeline_date_width(v);

	(void)state;
	for (size_t i = 0; i < bundled.nevents; i++) {
		const struct ds_str *d = &bundled.events[i].date_text;
		int dw = text_width(d->s, d->n);
		if (dw > widest)
			widest = dw;
	}
	assert_int_equal(w, widest > 4 ? widest : 4);
	for (size_t i = 0; i < tl_count(v); i++) {
		keys(v, "j");
		assert_int_equal(timeline_date_width(v), w);
	}
	keys(v, "2f1");
	assert_int_equal(timeline_date_width(v), w);
	close_view(v);
}

/* z gives the focused pane the whole screen and back; the reading
 * place is kept; a focus key while zoomed shows that pane alone. */
static void
test_zoom(void **state)
{
	static const int sizes[][2] = { { 24, 80 }, { 60, 200 }, { 10, 40 } };

	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		struct view *v = open_view(&bundled, sizes[i][0], sizes[i][1]);
		int w0 = art_text_width(v);
		keys(v, "3}}}jj");
		struct art_pos at = v->art;
		keys(v, "z");
		assert_true(v->lay.zoomed);
		assert_true(v->lay.shown[PANE_ARTICLE] && !v->lay.shown[PANE_TIMELINE]);
		assert_int_equal(art_text_width(v), sizes[i][1] - 2 - 2);
		assert_int_equal(v->art.para, at.para);
		assert_int_equal(v->art.off, at.off);
		keys(v, "1");
		assert_true(v->lay.shown[PANE_TIMELINE] && !v->lay.shown[PANE_ARTICLE]);
		assert_int_equal(pane_height(v, PANE_TIMELINE), sizes[i][0] - 1 - 2);
		keys(v, "3z");
		assert_false(v->lay.zoomed);
		assert_int_equal(art_text_width(v), w0);
		assert_int_equal(v->art.para, at.para);
		close_view(v);
	}
}

/* < and > move the list column by four, - and + the timeline's height
 * by two, within limits; = puts them back; no move in the narrow view. */
static void
test_split_keys(void **state)
{
	struct view *v = open_view(&bundled, 40, 120);
	int left = v->lay.pane[PANE_TIMELINE].w, top = v->lay.pane[PANE_TIMELINE].h;

	(void)state;
	keys(v, "<");
	assert_int_equal(v->lay.pane[PANE_TIMELINE].w, left - 4);
	assert_int_equal(art_text_width(v), 120 - (left - 4) - 4);
	keys(v, ">>");
	assert_int_equal(v->lay.pane[PANE_TIMELINE].w, left + 4);
	for (int i = 0; i < 40; i++)
		keys(v, "<");
	assert_int_equal(v->lay.pane[PANE_TIMELINE].w, LAYOUT_LEFT_MIN);
	/* A move past the limit is not stored: > moves at once. */
	keys(v, ">");
	assert_int_equal(v->lay.pane[PANE_TIMELINE].w, LAYOUT_LEFT_MIN + 4);
	/* People fit: the timeline gives them no rows they do not need. */
	keys(v, "-");
	assert_int_equal(v->lay.pane[PANE_TIMELINE].h, top);
	/* Organizations and events both need more than their halves. */
	keys(v, "2o");
	top = v->lay.pane[PANE_TIMELINE].h;
	keys(v, "-");
	assert_int_equal(v->lay.pane[PANE_TIMELINE].h, top - 2);
	keys(v, "++");
	assert_int_equal(v->lay.pane[PANE_TIMELINE].h, top + 2);
	keys(v, "=");
	assert_int_equal(v->lay.pane[PANE_TIMELINE].w, left);
	assert_int_equal(v->lay.pane[PANE_TIMELINE].h, top);
	/* Kept over a change of size. */
	keys(v, "<");
	view_resize(v, 41, 120);
	assert_int_equal(v->lay.pane[PANE_TIMELINE].w, left - 4);
	view_resize(v, 20, 60);
	v->message[0] = '\0';
	keys(v, "<");
	assert_non_null(strstr(v->message, "no split"));
	view_resize(v, 40, 120);
	assert_int_equal(v->lay.pane[PANE_TIMELINE].w, left - 4);
	close_view(v);
}

/* The lists are no taller than the dossier's content: at 200x60 the
 * people pane gives the timeline the rows it does not need. */
static void
test_lists_fit_content(void **state)
{
	struct view *v = open_view(&bundled, 60, 200);

	(void)state;
	/* The bundled dossier: fewer people than half the rows, more
	 * events and organizations. */
	assert_true(bundled.npeople + 2 < 59 / 2 && bundled.norgs > bundled.npeople);
	assert_int_equal(pane_height(v, PANE_PEOPLE), (int)bundled.npeople);
	assert_int_equal(pane_height(v, PANE_TIMELINE), 59 - 4 - (int)bundled.npeople);
	/* o: the organizations' list is longer, its box taller. */
	keys(v, "2o");
	assert_true(v->show_orgs);
	assert_true(pane_height(v, PANE_PEOPLE) > (int)bundled.npeople);
	assert_true(pane_height(v, PANE_PEOPLE) <= (int)bundled.norgs);
	assert_true(pane_height(v, PANE_TIMELINE) + pane_height(v, PANE_PEOPLE) == 59 - 4);
	keys(v, "o");
	assert_int_equal(pane_height(v, PANE_PEOPLE), (int)bundled.npeople);
	/* The article at its measure; the rest to the lists. */
	assert_int_equal(art_text_width(v), LAYOUT_MEASURE);
	close_view(v);
}

/* Whether the overlay has an item whose value contains text. */
static bool
overlay_has(const struct overlay *o, const char *label, const char *text)
{
	for (size_t i = 0; i < o->nitems; i++) {
		const struct ov_item *it = &o->items[i];
		if (label && (it->label.n != strlen(label) || memcmp(it->label.s, label, it->label.n)))
			continue;
		if (it->value.n >= strlen(text) &&
		    memmem(it->value.s, it->value.n, text, strlen(text)))
			return true;
	}
	return false;
}

/* The status line's place: paragraph, section (a letter as "section A"),
 * percent growing as the reader goes on, END at the end. */
static void
test_where(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	char buf[256], want[64];
	size_t p12 = 0;
	int last = -1;

	(void)state;
	art_where(v, buf, sizeof buf);
	snprintf(want, sizeof want, "p1/%zu · 0%%", bundled.nparas);
	assert_string_equal(buf, want);
	while (p12 < bundled.nparas && !(bundled.paras[p12].section.n == 1 &&
	    bundled.paras[p12].section.s[0] == 'A'))
		p12++;
	assert_true(p12 < bundled.nparas);
	keys(v, "3");
	while (v->art.para < p12) {
		int pc = art_percent(v);
		assert_true(pc >= last && pc < 100);
		last = pc;
		keys(v, "j");
	}
	art_where(v, buf, sizeof buf);
	assert_non_null(strstr(buf, " · section A · "));
	snprintf(want, sizeof want, "p%zu/%zu · ", p12 + 1, bundled.nparas);
	assert_memory_equal(buf, want, strlen(want));
	assert_true(art_percent(v) > 0);
	keys(v, "G");
	assert_int_equal(art_percent(v), -1);
	art_where(v, buf, sizeof buf);
	assert_non_null(strstr(buf, " · END"));
	close_view(v);
}

/* i: the dossier's title and summary, the article's byline. */
static void
test_dossier_overlay(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	char title[256];

	(void)state;
	keys(v, "i");
	assert_int_equal(v->ov.kind, OV_DETAILS);
	snprintf(title, sizeof title, "%.*s", (int)bundled.title.n, bundled.title.s);
	assert_true(overlay_has(&v->ov, "Dossier", title));
	assert_true(bundled.summary.n > 0);
	assert_true(overlay_has(&v->ov, "Summary", "Llama 2"));
	assert_true(overlay_has(&v->ov, "Author", "毕安娣"));
	assert_true(overlay_has(&v->ov, "Author", "Bi Andi"));
	assert_true(overlay_has(&v->ov, "Editor", "王靖"));
	assert_true(overlay_has(&v->ov, "Date", ""));
	keys(v, "q");
	assert_int_equal(v->ov.kind, OV_NONE);
	close_view(v);
}

/* The help explains the marks and colours. */
static void
test_legend(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);

	(void)state;
	keys(v, "?");
	assert_int_equal(v->ov.kind, OV_HELP);
	assert_true(overlay_has(&v->ov, NULL, "legend"));
	assert_true(overlay_has(&v->ov, "\u258c", "paragraph"));
	assert_true(overlay_has(&v->ov, "\u2020", "notes"));
	assert_true(overlay_has(&v->ov, "\u00a7", "section"));
	assert_true(overlay_has(&v->ov, "\u2026", "cut"));
	assert_true(overlay_has(&v->ov, "hit", "search hit"));
	close_view(v);
}

/* t goes through every note in reading order, each shown with its
 * quote's line on screen and in the footer's place; T back; at the ends
 * a message and no move. */
static void
test_note_steps(void **state)
{
	static const int sizes[][2] = { { 24, 80 }, { 60, 200 }, { 8, 30 } };

	(void)state;
	assert_true(bundled.nnotes > 1);
	for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
		struct view *v = open_view(&bundled, sizes[z][0], sizes[z][1]);
		size_t prev_para = 0;
		char want[32];
		for (size_t k = 0; k < note_count(v); k++) {
			keys(v, "t");
			assert_int_equal(v->cur_note, (long)k);
			const struct ds_note *n = &bundled.notes[note_at(v, k)];
			int row = art_row_of_offset(v, n->para, n->quote_off, art_text_width(v));
			assert_true(art_row_shown(v, n->para, row));
			assert_true(n->para >= prev_para);
			prev_para = n->para;
			snprintf(want, sizeof want, "note %zu/%zu", k + 1, bundled.nnotes);
			assert_string_equal(v->message, want);
		}
		struct art_pos at = v->art;
		keys(v, "t");
		assert_string_equal(v->message, "no more notes below");
		assert_int_equal(v->art.para, at.para);
		keys(v, "T");
		assert_int_equal(v->cur_note, (long)bundled.nnotes - 2);
		/* From the top of the article: T has nothing above. */
		keys(v, "3g");
		v->cur_note = -1;
		keys(v, "T");
		assert_string_equal(v->message, "no more notes above");
		close_view(v);
	}
}

/* Every note is listed once, in reading order; the list's motion keys
 * move its selection and Enter goes to the note selected. */
static void
test_notes_list(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	bool seen[4096] = { false };

	(void)state;
	assert_true(bundled.nnotes < 4096);
	for (size_t k = 0; k < note_count(v); k++) {
		size_t i = note_at(v, k);
		assert_true(i < bundled.nnotes && !seen[i]);
		seen[i] = true;
	}
	keys(v, "#");
	assert_int_equal(v->ov.kind, OV_NOTES);
	assert_int_equal(v->ov.nitems, bundled.nnotes);
	assert_int_equal(v->ov.sel, 0);
	keys(v, "jj");
	assert_int_equal(v->ov.sel, 2);
	keys(v, "k");
	assert_int_equal(v->ov.sel, 1);
	keys(v, "G");
	assert_int_equal(v->ov.sel, bundled.nnotes - 1);
	/* The selection stays in sight. */
	size_t r = overlay_item_row(&v->ov, v->ov.sel);
	assert_true(r >= v->ov.top && r < v->ov.top + (size_t)overlay_page(&v->ov));
	keys(v, "k\n");
	assert_int_equal(v->ov.kind, OV_NONE);
	assert_int_equal(v->cur_note, (long)bundled.nnotes - 2);
	const struct ds_note *n = &bundled.notes[note_at(v, bundled.nnotes - 2)];
	assert_true(art_para_shown(v, n->para));
	/* Opened again, the note gone to is selected; q closes, no move. */
	keys(v, "#");
	assert_int_equal(v->ov.sel, bundled.nnotes - 2);
	struct art_pos at = v->art;
	keys(v, "q");
	assert_int_equal(v->ov.kind, OV_NONE);
	assert_int_equal(v->art.para, at.para);
	/* Enter still closes other overlays. */
	keys(v, "?\n");
	assert_int_equal(v->ov.kind, OV_NONE);
	close_view(v);
}

/* Two clicks on one cell within the interval: the details of what the
 * first selected; slower, or elsewhere, or a third: plain clicks. */
static void
test_double_click(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	struct rect in = layout_inner(&v->lay, PANE_TIMELINE);

	(void)state;
	view_click_at(v, in.y + 2, in.x + 3, 1000);
	assert_int_equal(v->tl.sel, v->tl.top + 2);
	assert_int_equal(v->ov.kind, OV_NONE);
	view_click_at(v, in.y + 2, in.x + 3, 1000 + VIEW_DOUBLE_CLICK_MS + 1);
	assert_int_equal(v->ov.kind, OV_NONE);
	view_click_at(v, in.y + 2, in.x + 3, 1000 + VIEW_DOUBLE_CLICK_MS + 100);
	assert_int_equal(v->ov.kind, OV_DETAILS);
	assert_int_equal(v->ov.item_kind, DS_EVENT);
	keys(v, "q");
	view_click_at(v, in.y + 3, in.x + 3, 5000);
	view_click_at(v, in.y + 4, in.x + 3, 5100);
	assert_int_equal(v->ov.kind, OV_NONE);
	assert_int_equal(v->tl.sel, v->tl.top + 4);
	/* c: the mouse left to the terminal and taken again. */
	v->mouse = true;
	keys(v, "c");
	assert_false(v->mouse);
	assert_non_null(strstr(v->message, "mouse off"));
	keys(v, "c");
	assert_true(v->mouse);
	close_view(v);
}

/* In a person's details, Tab selects its events and the paragraphs
 * naming it in turn; Enter goes to the one selected. */
static void
test_detail_links(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	const struct ds_entity *e;
	size_t links = 0;

	(void)state;
	keys(v, "2j\n");
	assert_int_equal(v->ov.kind, OV_DETAILS);
	e = &bundled.people[v->people.sel];
	const struct ds_refs *ps = index_paragraphs_of(&v->ix, DS_PERSON, v->people.sel);
	for (size_t i = 0; i < v->ov.nitems; i++)
		links += v->ov.items[i].linked;
	assert_int_equal(links, e->events.n + ps->n);
	assert_true(e->events.n > 0 && ps->n > 0);
	/* The first Tab: the first event. */
	keys(v, "\t");
	assert_true(v->ov.picked);
	assert_int_equal(v->ov.items[v->ov.sel].link_kind, DS_EVENT);
	assert_int_equal(v->ov.items[v->ov.sel].link, e->events.v[0]);
	keys(v, "\n");
	assert_int_equal(v->ov.kind, OV_NONE);
	assert_int_equal(v->focus, PANE_TIMELINE);
	assert_int_equal(tl_event(v, v->tl.sel), e->events.v[0]);
	/* Back in the details, S-Tab: the last link, a paragraph. */
	keys(v, "2\n");
	view_action(v, key_lookup(KEY_BTAB, true, KS_OVERLAY));
	assert_int_equal(v->ov.items[v->ov.sel].link_kind, DS_PARAGRAPH);
	size_t para = v->ov.items[v->ov.sel].link;
	assert_int_equal(para, ps->v[ps->n - 1]);
	keys(v, "\n");
	assert_int_equal(v->focus, PANE_ARTICLE);
	assert_true(art_para_shown(v, para));
	/* Enter with nothing selected only closes. */
	keys(v, "2\n\n");
	assert_int_equal(v->ov.kind, OV_NONE);
	assert_int_equal(v->focus, PANE_PEOPLE);
	close_view(v);
}

/* . visits every mention of the person selected, in reading order,
 * each on screen and highlighted; , goes back. */
static void
test_mention_steps(void **state)
{
	static const int sizes[][2] = { { 24, 80 }, { 60, 200 } };

	(void)state;
	for (size_t z = 0; z < 2; z++) {
		struct view *v = open_view(&bundled, sizes[z][0], sizes[z][1]);
		size_t total = 0, steps = 0, who = 0, nm;
		for (size_t p = 0; p < bundled.nparas; p++) {
			const struct ds_mention *m = index_mentions(&v->ix, p, &nm);
			for (size_t i = 0; i < nm; i++)
				total += m[i].kind == DS_PERSON && m[i].who == who;
		}
		assert_true(total > 3);
		keys(v, "2g");
		assert_int_equal(v->people.sel, who);
		long last_para = -1;
		size_t last_off = 0;
		for (;;) {
			keys(v, ".");
			if (strstr(v->message, "no more mentions"))
				break;
			steps++;
			assert_true(v->mention_para > last_para ||
			    (v->mention_para == last_para && v->mention_off > last_off));
			last_para = v->mention_para;
			last_off = v->mention_off;
			assert_true(art_row_shown(v, (size_t)v->mention_para, art_row_of_offset(v,
			    (size_t)v->mention_para, v->mention_off, art_text_width(v))));
			assert_int_equal(v->highlight_kind, DS_PERSON);
			assert_int_equal(v->highlight_who, who);
			assert_true(steps <= total);
		}
		assert_int_equal(steps, total);
		keys(v, ",");
		assert_true(v->mention_para < last_para ||
		    (v->mention_para == last_para && v->mention_off < last_off));
		close_view(v);
	}
}

/* p cycles through the paragraphs of an event told in several; its
 * details link them. */
static void
test_event_paragraphs(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	size_t row = tl_count(v);

	(void)state;
	for (size_t r = 0; r < tl_count(v) && row == tl_count(v); r++)
		if (bundled.events[tl_event(v, r)].paras.n > 1)
			row = r;
	assert_true(row < tl_count(v));
	view_select_event(v, row);
	const struct ds_refs *ps = &bundled.events[tl_event(v, row)].paras;
	assert_int_equal(v->marked_para, (long)ps->v[0]);
	for (size_t i = 1; i <= ps->n; i++) {
		keys(v, "p");
		assert_int_equal(v->marked_para, (long)ps->v[i % ps->n]);
		assert_true(art_para_shown(v, ps->v[i % ps->n]));
		assert_int_equal(v->tl.sel, row);
	}
	keys(v, "\n");
	size_t links = 0;
	for (size_t i = 0; i < v->ov.nitems; i++)
		links += v->ov.items[i].linked;
	assert_int_equal(links, ps->n);
	keys(v, "\t\t\n");
	assert_int_equal(v->focus, PANE_ARTICLE);
	assert_true(art_para_shown(v, ps->v[1]));
	close_view(v);
}

static void
search_for(struct view *v, struct ds_str q)
{
	prompt_open(&v->prompt);
	prompt_insert(&v->prompt, q.s, q.n);
	view_search_update(v);
	v->have_hits = v->search.nhits > 0;
}

/* A search keeps the filter when the hit's event is listed under it; it
 * lifts it, saying so, when not. */
static void
test_search_keeps_filter(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	const struct ds_entity *p = &bundled.people[0];
	size_t other = bundled.nevents;

	(void)state;
	assert_true(p->events.n > 0);
	for (size_t i = 0; i < bundled.nevents && other == bundled.nevents; i++) {
		bool his = false;
		for (size_t k = 0; k < p->events.n; k++)
			his |= p->events.v[k] == i;
		if (!his)
			other = i;
	}
	keys(v, "2gf");
	assert_int_equal(v->filter, 0);
	search_for(v, bundled.events[p->events.v[0]].title);
	view_goto_hit(v, 0);
	assert_int_equal(v->filter, 0);
	assert_int_equal(tl_event(v, v->tl.sel), p->events.v[0]);
	assert_null(strstr(v->message, "filter lifted"));
	search_for(v, bundled.events[other].title);
	view_goto_hit(v, 0);
	assert_int_equal(v->filter, -1);
	assert_int_equal(tl_event(v, v->tl.sel), other);
	assert_non_null(strstr(v->message, "filter lifted"));
	close_view(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_column_fixed),
		cmocka_unit_test(test_zoom),
		cmocka_unit_test(test_split_keys),
		cmocka_unit_test(test_lists_fit_content),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_dossier_overlay),
		cmocka_unit_test(test_legend),
		cmocka_unit_test(test_note_steps),
		cmocka_unit_test(test_notes_list),
		cmocka_unit_test(test_double_click),
		cmocka_unit_test(test_detail_links),
		cmocka_unit_test(test_mention_steps),
		cmocka_unit_test(test_event_paragraphs),
		cmocka_unit_test(test_search_keeps_filter),
	};

	return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
