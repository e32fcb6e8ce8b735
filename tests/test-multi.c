/* Unit tests of a dossier of several articles (src/dossier.c, src/index.c):
 * each article's run of paragraphs, the articles that tell each event, the
 * mentions of people and organizations per article, and the checks of the
 * order of paragraphs and of ids across articles.  tests/data/multi.rec is
 * the example; the checks use small dossiers of their own. */
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
#include "dossier.h"
#include "index.h"
#include "sources.h"
#include "text.h"

static bool
str_is(struct ds_str s, const char *want)
{
	return s.n == strlen(want) && memcmp(s.s, want, s.n) == 0;
}

#define assert_str(str, want) do { \
	struct ds_str str_ = (str); \
	if (!str_is(str_, want)) \
		fail_msg("got '%.*s', want '%s'", (int)str_.n, str_.s, want); \
} while (0)

static int
setup(void **state)
{
	struct dossier *d = calloc(1, sizeof *d);

	if (!d || load_source_file(d, "tests/data/multi.rec") != 0) {
		free(d);
		return -1;
	}
	*state = d;
	return 0;
}

static int
teardown(void **state)
{
	dossier_free(*state);
	free(*state);
	return 0;
}

static long
find(const struct dossier *d, enum ds_kind kind, const char *id)
{
	long k = dossier_find(d, kind, id, strlen(id));

	if (k < 0)
		fail_msg("no %s '%s'", dossier_kind_name(kind), id);
	return k;
}

/* The ids of refs into kind, comma-separated, as --list writes them. */
static char *
ids_of(const struct dossier *d, const struct ds_refs *r, enum ds_kind kind)
{
	static char buf[256];
	size_t at = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->n; i++) {
		struct ds_str id = d->idkeys[kind][r->v[i]];
		at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%.*s", i ? "," : "",
		    (int)id.n, id.s);
	}
	return buf;
}

static void
test_article_runs(void **state)
{
	const struct dossier *d = *state;
	static const struct { const char *id; uint32_t first, n; } want[] = {
		{ "gazette", 0, 3 }, { "daily", 3, 3 }, { "interview", 6, 6 },
	};

	assert_int_equal(d->narticles, 3);
	assert_int_equal(d->nparas, 12);
	for (size_t k = 0; k < 3; k++) {
		const struct ds_article *a = &d->articles[k];
		assert_str(a->id, want[k].id);
		assert_int_equal(a->first, want[k].first);
		assert_int_equal(a->npara, want[k].n);
		/* Every paragraph of the run knows its article, and only those. */
		for (size_t p = 0; p < d->nparas; p++)
			assert_int_equal(d->paras[p].article == k,
			    p >= a->first && p < a->first + a->npara);
	}
	assert_str(d->articles[0].editor, "Tom Sample");
	assert_str(d->articles[0].url, "https://example.com/gazette/lighthouse-robot");
	assert_str(d->articles[1].source, "示例日报");
	assert_str(d->articles[2].url, "");
	/* d3 has no Article field: it is the daily's, as the one before it. */
	assert_int_equal(d->paras[find(d, DS_PARAGRAPH, "d3")].article, 1);
}

static void
test_event_sources(void **state)
{
	const struct dossier *d = *state;
	static const struct { const char *event, *articles; } want[] = {
		{ "e-keeper", "gazette,daily" },
		{ "e-built", "interview" },
		{ "e-retire", "gazette" },
		/* Paragraph d2 before g2: the articles still in article order. */
		{ "e-handover", "gazette,daily" },
		{ "e-storm", "daily,interview" },
	};

	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const struct ds_event *e = &d->events[find(d, DS_EVENT, want[i].event)];
		const char *got = ids_of(d, &e->articles, DS_ARTICLE);
		if (strcmp(got, want[i].articles) != 0)
			fail_msg("%s: articles %s, want %s", want[i].event, got, want[i].articles);
	}
}

struct per_article { const char *article; uint32_t paras, mentions; };

static void
expect_mentions(struct index *ix, enum ds_kind kind, const char *who,
    const struct per_article *want, size_t n)
{
	const struct dossier *d = ix->d;
	struct index_article_count c[8];
	long got = index_mentions_by_article(ix, kind, (size_t)find(d, kind, who), c, 8);

	assert_int_equal(got, n);
	for (size_t i = 0; i < n; i++) {
		assert_str(d->articles[c[i].article].id, want[i].article);
		if (c[i].paras != want[i].paras || c[i].mentions != want[i].mentions)
			fail_msg("%s in %s: %u paragraphs, %u mentions; want %u, %u", who,
			    want[i].article, (unsigned)c[i].paras, (unsigned)c[i].mentions,
			    (unsigned)want[i].paras, (unsigned)want[i].mentions);
	}
}

static void
test_mentions_per_article(void **state)
{
	const struct dossier *d = *state;
	struct index ix;
	/* Ada: "Ada Keeper" in g2, 艾达 in d2, and twice in i1. */
	static const struct per_article ada[] = {
		{ "gazette", 1, 1 }, { "daily", 1, 1 }, { "interview", 4, 5 },
	};
	static const struct per_article bo[] = {
		{ "gazette", 2, 2 }, { "daily", 1, 1 }, { "interview", 1, 1 },
	};
	/* Beacon-1: in g2; d2 and d3; i2 and i3. */
	static const struct per_article beacon[] = {
		{ "gazette", 1, 1 }, { "daily", 2, 2 }, { "interview", 2, 2 },
	};
	static const struct per_article trust[] = {
		{ "gazette", 1, 1 }, { "daily", 1, 1 }, { "interview", 1, 1 },
	};
	struct index_article_count one;

	assert_int_equal(index_init(&ix, d), 0);
	expect_mentions(&ix, DS_PERSON, "ada", ada, 3);
	expect_mentions(&ix, DS_PERSON, "bo", bo, 3);
	expect_mentions(&ix, DS_ORG, "beacon", beacon, 3);
	expect_mentions(&ix, DS_ORG, "trust", trust, 3);
	/* Short of room: the count is still all of them, the first filled. */
	assert_int_equal(index_mentions_by_article(&ix, DS_PERSON,
	    (size_t)find(d, DS_PERSON, "ada"), &one, 1), 3);
	assert_str(d->articles[one.article].id, "gazette");
	assert_int_equal(one.mentions, 1);
	assert_int_equal(index_mentions_by_article(&ix, DS_PERSON, 0, NULL, 0), 3);
	/* The same once the paragraphs of every name are known. */
	assert_non_null(index_paragraphs_of(&ix, DS_PERSON, 0));
	expect_mentions(&ix, DS_PERSON, "ada", ada, 3);
	expect_mentions(&ix, DS_PERSON, "bo", bo, 3);
	expect_mentions(&ix, DS_ORG, "beacon", beacon, 3);
	expect_mentions(&ix, DS_ORG, "trust", trust, 3);
	index_free(&ix);
}

/* The tag of event id's articles in cols columns, checked for width. */
static const char *
tag_of(const struct dossier *d, const char *id, int cols)
{
	static char buf[64];
	int w = source_tag(d, &d->events[find(d, DS_EVENT, id)].articles, cols, buf, sizeof buf);

	assert_int_equal(w, text_width(buf, strlen(buf)));
	assert_true(w <= cols);
	return buf;
}

static void
test_source_tags(void **state)
{
	const struct dossier *d = *state;
	struct ds_refs none = { NULL, 0 };
	char buf[16];

	/* The Source; the interview has none, so its Id. */
	assert_string_equal(tag_of(d, "e-retire", 30), "Harbor Gazette (example)");
	assert_string_equal(tag_of(d, "e-built", 30), "Example Radio");
	/* Others counted; cut with an ellipsis, never after a blank. */
	assert_string_equal(tag_of(d, "e-keeper", 30), "Harbor Gazette (example)+1");
	assert_string_equal(tag_of(d, "e-keeper", 10), "Harbor…+1");
	assert_string_equal(tag_of(d, "e-keeper", 12), "Harbor Ga…+1");
	/* Chinese is cut by columns, not bytes: 示例 is 4 of them. */
	assert_string_equal(tag_of(d, "e-storm", 10), "示例日报+1");
	assert_string_equal(tag_of(d, "e-storm", 9), "示例日…+1");
	assert_string_equal(tag_of(d, "e-storm", 7), "示例…+1");
	assert_string_equal(tag_of(d, "e-storm", 6), "示…+1");
	assert_string_equal(tag_of(d, "e-storm", 2), "+1");
	assert_int_equal(source_tag(d, &none, 10, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	/* A short buffer cuts at a character. */
	assert_int_equal(source_tag(d, &d->events[find(d, DS_EVENT, "e-storm")].articles,
	    30, buf, 4), 2);
	assert_string_equal(buf, "示");
}

static void
test_bylines(void **state)
{
	const struct dossier *d = *state;
	char buf[128];

	article_byline(d, 0, buf, sizeof buf);
	assert_string_equal(buf, "Mei Example · ed. Tom Sample · 2025-03-02 · Harbor Gazette (example)");
	article_byline(d, 1, buf, sizeof buf);
	assert_string_equal(buf, "李示例 · 2025-03-03 · 示例日报");
	/* Cut at a character: 李 is three bytes, so is the dot. */
	assert_int_equal(article_byline(d, 1, buf, 6), 3);
	assert_string_equal(buf, "李");
}

static int
load(struct dossier *d, struct diag *dg, const char *text)
{
	diag_init(dg, "t.rec");
	return dossier_load_buffer(d, "t.rec", text, strlen(text), dg);
}

/* Loads text and expects exactly the one error want. */
static void
expect_error(const char *text, const char *want)
{
	struct dossier d;
	struct diag dg;
	int rc = load(&d, &dg, text);

	for (size_t i = 0; (dg.count != 1 || strcmp(dg.msg[0], want) != 0) &&
	    i < dg.count && i < DIAG_MAX; i++)
		print_message("# got: %s\n", dg.msg[i]);
	assert_int_equal(rc, 65);
	assert_int_equal(dg.count, 1);
	assert_string_equal(dg.msg[0], want);
	diag_free(&dg);
}

#define HEAD "%rec: Dossier\n\nTitle: T\n\n" \
	"%rec: Article\n\nId: a\n\nId: b\n\nId: c\n\n"   /* lines 1-12 */

static void
test_paragraph_out_of_run(void **state)
{
	(void)state;
	expect_error(HEAD
	    "%rec: Paragraph\n"           /* 13 */
	    "\n"                          /* 14 */
	    "Id: p1\nArticle: a\n\n"      /* 15-17 */
	    "Id: p2\nArticle: b\n\n"      /* 18-20 */
	    "Id: p3\n"                    /* 21: b's, as p2 */
	    "\n"                          /* 22 */
	    "Id: p4\n"                    /* 23 */
	    "Article: a\n",               /* 24: back to a */
	    "t.rec:24: Paragraph 'p4' of Article 'a' after a paragraph of Article 'b' "
	    "(paragraphs go in the order of their articles)");
	/* The articles' runs must be in the order of the Article records. */
	expect_error(HEAD
	    "%rec: Paragraph\n\n"         /* 13-14 */
	    "Id: p1\nArticle: c\n\n"      /* 15-17 */
	    "Id: p2\nArticle: b\n",       /* 18-19 */
	    "t.rec:19: Paragraph 'p2' of Article 'b' after a paragraph of Article 'c' "
	    "(paragraphs go in the order of their articles)");
	/* A missing article is reported as such, not as out of order. */
	expect_error(HEAD
	    "%rec: Paragraph\n\n"         /* 13-14 */
	    "Id: p1\nArticle: b\n\n"      /* 15-17 */
	    "Id: p2\nArticle: zz\n",      /* 18-19 */
	    "t.rec:19: Article 'zz' does not exist");
}

static void
test_empty_article_and_default(void **state)
{
	static const char text[] = HEAD
	    "%rec: Paragraph\n\n"
	    "Id: p1\nText: first, without Article: a's\n\n"
	    "Id: p2\nArticle: c\n\n"
	    "Id: p3\n\n"
	    "%rec: Event\n\n"
	    "Id: e\nDate: 2020\nTitle: t\nParagraph: p3\nParagraph: p1\nParagraph: p2\n";
	struct dossier d;
	struct diag dg;

	(void)state;
	assert_int_equal(load(&d, &dg, text), 0);
	assert_int_equal(d.articles[0].first, 0);
	assert_int_equal(d.articles[0].npara, 1);
	/* b has none: an empty run where its paragraphs would be. */
	assert_int_equal(d.articles[1].first, 1);
	assert_int_equal(d.articles[1].npara, 0);
	assert_int_equal(d.articles[2].first, 1);
	assert_int_equal(d.articles[2].npara, 2);
	assert_int_equal(d.paras[2].article, 2);
	/* Three paragraphs, two articles, each once. */
	assert_string_equal(ids_of(&d, &d.events[0].articles, DS_ARTICLE), "a,c");
	dossier_free(&d);
	diag_free(&dg);
}

static void
test_ids_across_articles(void **state)
{
	struct dossier d;
	struct diag dg;

	(void)state;
	/* A paragraph id is the dossier's, not its article's. */
	expect_error(HEAD
	    "%rec: Paragraph\n\n"         /* 13-14 */
	    "Id: p1\nArticle: a\n\n"      /* 15-17 */
	    "Id: p1\nArticle: b\n",       /* 18-19 */
	    "t.rec:18: duplicate Paragraph Id 'p1'");
	/* Records of different types may share one. */
	assert_int_equal(load(&d, &dg, HEAD
	    "%rec: Paragraph\n\nId: a\nArticle: a\n\n"
	    "%rec: Event\n\nId: a\nDate: 2020\nTitle: t\nParagraph: a\n"), 0);
	assert_string_equal(ids_of(&d, &d.events[0].articles, DS_ARTICLE), "a");
	dossier_free(&d);
	diag_free(&dg);
}

static void
test_no_article(void **state)
{
	/* Paragraphs without any Article record: they belong to none, and
	 * their events are told by none. */
	static const char text[] = "%rec: Dossier\n\nTitle: T\n\n"
	    "%rec: Paragraph\n\nId: p1\nText: x\n\n"
	    "%rec: Event\n\nId: e\nDate: 2020\nTitle: t\nParagraph: p1\n";
	struct dossier d;
	struct diag dg;

	(void)state;
	assert_int_equal(load(&d, &dg, text), 0);
	assert_int_equal(d.narticles, 0);
	assert_int_equal(d.events[0].paras.n, 1);
	assert_int_equal(d.events[0].articles.n, 0);
	dossier_free(&d);
	diag_free(&dg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_article_runs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_event_sources, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mentions_per_article, setup, teardown),
		cmocka_unit_test_setup_teardown(test_source_tags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bylines, setup, teardown),
		cmocka_unit_test(test_paragraph_out_of_run),
		cmocka_unit_test(test_empty_article_and_default),
		cmocka_unit_test(test_ids_across_articles),
		cmocka_unit_test(test_no_article),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
