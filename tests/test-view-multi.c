/* Unit tests of the view over a dossier of several articles
 * (tests/data/multi.rec), without a terminal: each article's head in the
 * article's rows, the keys to the next and previous article and their
 * limits, the reading place article-wise, the list of articles, the
 * filter by article, the paragraph an event told by two articles is read
 * at, where a search hit is, and the details that list the articles. */
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

static struct dossier multi;

static int
setup_all(void **state)
{
	(void)state;
	return load_source_file(&multi, "tests/data/multi.rec");
}

static int
teardown_all(void **state)
{
	(void)state;
	dossier_free(&multi);
	return 0;
}

static int
setup(void **state)
{
	struct view *v = malloc(sizeof *v);
	struct index ix = { 0 };

	if (!v || view_init(v, &multi, &ix) != 0)
		return -1;
	view_resize(v, 24, 100);
	*state = v;
	return 0;
}

static int
teardown(void **state)
{
	view_free(*state);
	free(*state);
	return 0;
}

static size_t
id_of(enum ds_kind kind, const char *id)
{
	long k = dossier_find(&multi, kind, id, strlen(id));

	if (k < 0)
		fail_msg("no %s %s", dossier_kind_name(kind), id);
	return (size_t)k;
}

/* The reading place is the head of article `article` (its first row). */
static void
expect_at_head(const struct view *v, const char *article)
{
	size_t a = id_of(DS_ARTICLE, article);

	assert_int_equal(art_article(v), a);
	assert_int_equal(v->art.para, multi.articles[a].first);
	assert_int_equal(art_row_of(v, v->art, art_text_width(v)), 0);
}

static char *
place(const struct view *v)
{
	static char buf[160];

	view_reading_place(v, buf, sizeof buf);
	return buf;
}

/* The reading place begins as expected, then (after a section, if any)
 * says how far into the text, or END. */
static void
expect_place(const char *got, const char *prefix)
{
	size_t n = strlen(got);

	if (strncmp(got, prefix, strlen(prefix)) != 0)
		fail_msg("place \"%s\" does not begin \"%s\"", got, prefix);
	assert_true(n >= 2 && (strcmp(got + n - 2, "% ") == 0 ||
	    (n >= 4 && strcmp(got + n - 4, "END ") == 0)));
}

static void
test_heads(void **state)
{
	struct view *v = *state;

	/* A head of three rows on each article's first paragraph only;
	 * i1's section heading comes under its article's head. */
	for (size_t p = 0; p < multi.nparas; p++) {
		bool first = multi.articles[multi.paras[p].article].first == p;
		assert_int_equal(art_head_rows(v, p), first ? ART_HEAD_ROWS : 0);
	}
	assert_int_equal(art_heading_rows(v, id_of(DS_PARAGRAPH, "i1")), ART_HEAD_ROWS + 2);
	assert_int_equal(art_heading_rows(v, id_of(DS_PARAGRAPH, "i2")), 2);
	/* The reading starts at the first article's head. */
	expect_at_head(v, "gazette");
	expect_place(place(v), " · 1/3 Harbor Gazette… · p1/3 · ");
}

static void
test_next_and_previous(void **state)
{
	struct view *v = *state;

	keys(v, "3]");
	expect_at_head(v, "daily");
	expect_place(place(v), " · 2/3 示例日报 · p1/3 · ");
	keys(v, "]");
	expect_at_head(v, "interview");
	/* No article after the last: the place stays, a message says so. */
	keys(v, "]");
	expect_at_head(v, "interview");
	assert_string_equal(v->message, "no next article");
	/* [ from a head: the previous article's. */
	keys(v, "[");
	expect_at_head(v, "daily");
	/* [ inside an article: its own head first. */
	keys(v, "}j");
	assert_int_equal(v->art.para, id_of(DS_PARAGRAPH, "d2"));
	expect_place(place(v), " · 2/3 示例日报 · p2/3 · ");
	keys(v, "[");
	expect_at_head(v, "daily");
	keys(v, "[");
	expect_at_head(v, "gazette");
	v->message[0] = '\0';
	keys(v, "[");
	expect_at_head(v, "gazette");
	assert_string_equal(v->message, "no previous article");
}

static void
test_article_list(void **state)
{
	struct view *v = *state;

	keys(v, "]L");
	assert_int_equal(v->ov.kind, OV_ARTICLES);
	assert_int_equal(v->ov.nitems, 3);
	/* The article being read is selected, and only it. */
	assert_int_equal(v->art_sel, 1);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(v->ov.items[i].role, i == 1 ? R_SELECTED : R_NORMAL);
	assert_true(strstr(v->ov.items[2].value.s, "Interview: the engineer") != NULL);
	assert_true(strstr(v->ov.items[2].value.s, "6 paragraphs") != NULL);
	keys(v, "j");
	assert_int_equal(v->art_sel, 2);
	assert_int_equal(v->ov.items[1].role, R_NORMAL);
	keys(v, "jjj");
	assert_int_equal(v->art_sel, 2);
	keys(v, "gk");
	assert_int_equal(v->art_sel, 0);
	/* Enter reads it from its head, in the article pane. */
	keys(v, "G\n");
	assert_int_equal(v->ov.kind, OV_NONE);
	assert_int_equal(v->focus, PANE_ARTICLE);
	expect_at_head(v, "interview");
	/* q closes it without moving. */
	keys(v, "Lk\033");
	assert_int_equal(v->ov.kind, OV_NONE);
	expect_at_head(v, "interview");
}

/* The ids of the timeline's rows, comma-separated. */
static const char *
timeline(const struct view *v)
{
	static char buf[256];
	size_t at = 0;

	buf[0] = '\0';
	for (size_t r = 0; r < tl_count(v); r++) {
		struct ds_str id = multi.events[tl_event(v, r)].id;
		at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%.*s", r ? "," : "",
		    (int)id.n, id.s);
	}
	return buf;
}

static const char *
people(const struct view *v)
{
	static char buf[256];
	size_t at = 0;

	buf[0] = '\0';
	for (size_t r = 0; r < people_count(v); r++) {
		struct ds_str id = v->show_orgs ? multi.orgs[people_entity(v, r)].id :
		    multi.people[people_entity(v, r)].id;
		at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%.*s", r ? "," : "",
		    (int)id.n, id.s);
	}
	return buf;
}

static void
test_filter_by_article(void **state)
{
	struct view *v = *state;
	char title[256];

	assert_string_equal(timeline(v), "e-keeper,e-built,e-retire,e-handover,e-storm");
	assert_string_equal(people(v), "ada,bo,chen");
	/* F while reading the daily: its events and the people it names
	 * (陈伟 only there). */
	keys(v, "]F");
	assert_int_equal(v->art_filter, 1);
	assert_string_equal(timeline(v), "e-keeper,e-handover,e-storm");
	assert_string_equal(people(v), "ada,bo,chen");
	timeline_ops.title(v, title, sizeof title);
	assert_string_equal(title, "Timeline: daily (3)");
	people_ops.title(v, title, sizeof title);
	assert_string_equal(title, "People (3) in daily");
	/* Through the list: the gazette's. */
	keys(v, "Lk");
	keys(v, "f");
	assert_int_equal(v->ov.kind, OV_NONE);
	assert_int_equal(v->art_filter, 0);
	assert_string_equal(timeline(v), "e-keeper,e-retire,e-handover");
	assert_string_equal(people(v), "ada,bo");
	/* Rows are the listed ones: the second is Bo, whatever his index. */
	keys(v, "2j");
	assert_int_equal(v->highlight_who, id_of(DS_PERSON, "bo"));
	/* With Bo's filter too: both at once. */
	keys(v, "f");
	assert_int_equal(v->filter, (long)id_of(DS_PERSON, "bo"));
	assert_string_equal(timeline(v), "e-keeper,e-retire");
	timeline_ops.title(v, title, sizeof title);
	assert_string_equal(title, "Timeline: Bo Lantern in gazette (2)");
	/* Esc: the person filter, then the article's. */
	keys(v, "\033");
	assert_string_equal(timeline(v), "e-keeper,e-retire,e-handover");
	keys(v, "\033");
	assert_int_equal(v->art_filter, -1);
	assert_string_equal(timeline(v), "e-keeper,e-built,e-retire,e-handover,e-storm");
	/* The organizations too, and F again clears. */
	keys(v, "3]]F");
	keys(v, "2o");
	assert_string_equal(people(v), "trust,beacon");
	keys(v, "F");
	assert_int_equal(v->art_filter, -1);
}

static void
test_event_read_in_this_article(void **state)
{
	struct view *v = *state;
	size_t keeper = id_of(DS_EVENT, "e-keeper"), storm = id_of(DS_EVENT, "e-storm");

	/* Told by the gazette and the daily: read where the reader is. */
	view_select_event(v, tl_row_of(v, keeper));
	assert_int_equal(v->marked_para, (long)id_of(DS_PARAGRAPH, "g1"));
	keys(v, "]");
	view_select_event(v, tl_row_of(v, keeper));
	assert_int_equal(v->marked_para, (long)id_of(DS_PARAGRAPH, "d1"));
	/* Not told by the article being read: its first paragraph. */
	keys(v, "[");
	view_select_event(v, tl_row_of(v, storm));
	assert_int_equal(v->marked_para, (long)id_of(DS_PARAGRAPH, "i3"));
	/* Under a filter, in the filtering article. */
	view_set_article_filter(v, (long)id_of(DS_ARTICLE, "daily"));
	view_select_event(v, tl_row_of(v, storm));
	assert_int_equal(v->marked_para, (long)id_of(DS_PARAGRAPH, "d3"));
}

static void
search(struct view *v, const char *q)
{
	prompt_open(&v->prompt);
	prompt_insert(&v->prompt, q, strlen(q));
	view_search_update(v);
	v->have_hits = v->search.nhits > 0;
}

static void
test_hit_sources(void **state)
{
	struct view *v = *state;
	char src[64];
	size_t seen = 0;

	search(v, "Beacon-1");
	for (size_t h = 0; h < v->search.nhits; h++) {
		const struct search_seg *sg = search_seg_of(&v->search, &v->search.hits[h]);
		view_hit_source(v, h, src, sizeof src);
		if (sg->kind == DS_PARAGRAPH && sg->item == id_of(DS_PARAGRAPH, "d3")) {
			assert_string_equal(src, "示例日报");
			seen++;
		} else if (sg->kind == DS_EVENT && sg->item == id_of(DS_EVENT, "e-handover")) {
			assert_string_equal(src, "Harbor Gazett…+1");
			seen++;
		} else if (sg->kind == DS_ORG) {
			assert_string_equal(src, "");
		}
	}
	assert_int_equal(seen, 2);
	/* A hit outside the filtering article drops the filter. */
	view_set_article_filter(v, (long)id_of(DS_ARTICLE, "gazette"));
	for (size_t h = 0; h < v->search.nhits; h++) {
		const struct search_seg *sg = search_seg_of(&v->search, &v->search.hits[h]);
		if (sg->kind == DS_EVENT && sg->item == id_of(DS_EVENT, "e-storm")) {
			view_goto_hit(v, h);
			break;
		}
	}
	assert_int_equal(v->art_filter, -1);
	assert_int_equal(tl_event(v, v->tl.sel), id_of(DS_EVENT, "e-storm"));
}

/* Whether the open overlay has an item label: value. */
static bool
has_item(const struct view *v, const char *label, const char *value)
{
	for (size_t i = 0; i < v->ov.nitems; i++) {
		const struct ov_item *it = &v->ov.items[i];
		if (it->label.n == strlen(label) && memcmp(it->label.s, label, it->label.n) == 0 &&
		    it->value.n == strlen(value) && memcmp(it->value.s, value, it->value.n) == 0)
			return true;
	}
	return false;
}

static void
test_details(void **state)
{
	struct view *v = *state;

	view_select_event(v, tl_row_of(v, id_of(DS_EVENT, "e-storm")));
	keys(v, "1\n");
	assert_int_equal(v->ov.kind, OV_DETAILS);
	assert_true(has_item(v, "Told by", "示例日报 — 港口灯塔换上机器人看守"));
	assert_true(has_item(v, "Told by",
	    "Example Radio — Interview: the engineer behind the lighthouse robot"));
	assert_false(has_item(v, "Told by", "Harbor Gazette (example) — Robot keeper takes over Harbor Lighthouse"));
	keys(v, "q2\n");
	/* Ada: once in the gazette and the daily, five times in the interview. */
	assert_true(has_item(v, "Named in", "Harbor Gazette (example): 1 mention in 1 paragraph"));
	assert_true(has_item(v, "Named in", "示例日报: 1 mention in 1 paragraph"));
	assert_true(has_item(v, "Named in", "Example Radio: 5 mentions in 4 paragraphs"));
	keys(v, "qjj\n");
	assert_true(has_item(v, "Named in", "示例日报: 1 mention in 1 paragraph"));
	assert_false(has_item(v, "Named in", "Example Radio: 1 mention in 1 paragraph"));
}

/* One article: its head above p1 (the article's title, byline, date),
 * but no article number and no tag; ] and [ go nowhere. */
static void
test_one_article(void **state)
{
	struct dossier d;
	struct view *v;
	struct index ix = { 0 };
	char buf[64];

	(void)state;
	assert_int_equal(load_bundled(&d), 0);
	v = malloc(sizeof *v);
	assert_non_null(v);
	assert_int_equal(view_init(v, &d, &ix), 0);
	view_resize(v, 24, 100);
	assert_int_equal(art_head_rows(v, 0), ART_HEAD_ROWS);
	for (size_t p = 1; p < d.nparas; p++)
		assert_int_equal(art_head_rows(v, p), 0);
	view_reading_place(v, buf, sizeof buf);
	expect_place(buf, " · p1/56 · 0% ");
	keys(v, "]");
	assert_int_equal(v->art.para, 0);
	keys(v, "[");
	assert_int_equal(v->art.para, 0);
	view_free(v);
	free(v);
	dossier_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_heads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_and_previous, setup, teardown),
		cmocka_unit_test_setup_teardown(test_article_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_by_article, setup, teardown),
		cmocka_unit_test_setup_teardown(test_event_read_in_this_article, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hit_sources, setup, teardown),
		cmocka_unit_test_setup_teardown(test_details, setup, teardown),
		cmocka_unit_test(test_one_article),
	};

	return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
