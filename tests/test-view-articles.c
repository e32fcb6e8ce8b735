/* Unit tests of the view over a dossier of several articles
 * (tests/data/multi.rec), without a terminal: each article's head in the
 * article's rows, the next and previous article and their limits, the
 * reading place article-wise, the paragraph an event told by two articles
 * is read at, where a search hit is; and a dossier of one article as it
 * was. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bundled.h"
#include "view.h"

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

/* What the screen sets up: the model, a wrap cache, a 24x100 layout. */
static struct view *
open_view(struct dossier *d)
{
	struct view *v = calloc(1, sizeof *v);

	assert_non_null(v);
	v->d = d;
	v->filter = v->marked_para = -1;
	v->highlight_kind = -1;
	v->wrap = calloc(d->nparas ? d->nparas : 1, sizeof *v->wrap);
	assert_non_null(v->wrap);
	assert_int_equal(index_init(&v->ix, d), 0);
	search_init(&v->search, d);
	layout_compute(&v->lay, 24, 100, PANE_ARTICLE);
	return v;
}

static void
close_view(struct view *v)
{
	for (size_t i = 0; i < v->d->nparas; i++)
		free(v->wrap[i].lines);
	free(v->wrap);
	index_free(&v->ix);
	search_free(&v->search);
	free(v);
}

static int
setup(void **state)
{
	*state = open_view(&multi);
	return 0;
}

static int
teardown(void **state)
{
	close_view(*state);
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
	assert_int_equal(v->art.row, 0);
}

static char *
place(const struct view *v)
{
	static char buf[160];

	view_reading_place(v, buf, sizeof buf);
	return buf;
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
	assert_int_equal(art_heading_rows(v, id_of(DS_PARAGRAPH, "d2")), 0);
	expect_at_head(v, "gazette");
	assert_string_equal(place(v), " · 1/3 Harbor Gazette… · p1/3 ");
}

static void
test_next_and_previous(void **state)
{
	struct view *v = *state;
	int width = art_text_width(v);

	assert_true(view_step_article(v, 1));
	expect_at_head(v, "daily");
	assert_string_equal(place(v), " · 2/3 示例日报 · p1/3 ");
	assert_true(view_step_article(v, 1));
	expect_at_head(v, "interview");
	/* No article after the last: the place stays. */
	assert_false(view_step_article(v, 1));
	expect_at_head(v, "interview");
	/* From a head, the previous article's. */
	assert_true(view_step_article(v, -1));
	expect_at_head(v, "daily");
	/* Inside an article, its own head first. */
	art_goto(v, id_of(DS_PARAGRAPH, "d2"), 1, width);
	assert_string_equal(place(v), " · 2/3 示例日报 · p2/3 ");
	assert_true(view_step_article(v, -1));
	expect_at_head(v, "daily");
	/* One row into the head is inside it too. */
	art_scroll(v, 1, width);
	assert_true(view_step_article(v, -1));
	expect_at_head(v, "daily");
	assert_true(view_step_article(v, -1));
	expect_at_head(v, "gazette");
	assert_false(view_step_article(v, -1));
	expect_at_head(v, "gazette");
	/* Scrolling back from the daily's head: the gazette's last rows. */
	assert_true(view_step_article(v, 1));
	art_scroll(v, -1, width);
	assert_int_equal(art_article(v), id_of(DS_ARTICLE, "gazette"));
	assert_string_equal(place(v), " · 1/3 Harbor Gazette… · p3/3 ");
}

static void
test_event_read_in_this_article(void **state)
{
	struct view *v = *state;
	const struct ds_event *keeper = &multi.events[id_of(DS_EVENT, "e-keeper")];
	const struct ds_event *storm = &multi.events[id_of(DS_EVENT, "e-storm")];

	/* Told by the gazette and the daily: read where the reader is. */
	assert_int_equal(event_para(v, keeper), id_of(DS_PARAGRAPH, "g1"));
	assert_true(view_step_article(v, 1));
	assert_int_equal(event_para(v, keeper), id_of(DS_PARAGRAPH, "d1"));
	/* Not told by the article being read: its first paragraph. */
	assert_true(view_step_article(v, -1));
	assert_int_equal(event_para(v, storm), id_of(DS_PARAGRAPH, "i3"));
	/* Choosing it in the timeline goes there and marks it. */
	assert_true(view_step_article(v, 1));
	view_select_event(v, id_of(DS_EVENT, "e-keeper"));
	assert_int_equal(v->marked_para, (long)id_of(DS_PARAGRAPH, "d1"));
	assert_int_equal(v->art.para, id_of(DS_PARAGRAPH, "d1"));
}

static void
test_hit_sources(void **state)
{
	struct view *v = *state;
	char src[64];
	size_t seen = 0;

	assert_true(search_run(&v->search, "Beacon-1", 8) > 0);
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
}

static void
test_one_article_unchanged(void **state)
{
	struct dossier d;
	struct view *v;
	char buf[64];

	(void)state;
	assert_int_equal(load_bundled(&d), 0);
	v = open_view(&d);
	/* No head, no article number; ] and [ go nowhere. */
	for (size_t p = 0; p < d.nparas; p++)
		assert_int_equal(art_head_rows(v, p), 0);
	view_reading_place(v, buf, sizeof buf);
	assert_string_equal(buf, " · p1/56 ");
	assert_false(view_step_article(v, 1));
	assert_int_equal(v->art.para, 0);
	close_view(v);
	dossier_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_heads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_and_previous, setup, teardown),
		cmocka_unit_test_setup_teardown(test_event_read_in_this_article, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hit_sources, setup, teardown),
		cmocka_unit_test(test_one_article_unchanged),
	};

	return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
