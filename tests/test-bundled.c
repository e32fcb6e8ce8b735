/* Checks of the bundled dossier's content (data/meta-ai.rec): what it says
 * about people, organizations and events is anchored in the article. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dossier.h"
#include "bundled.h"

static struct dossier d;

static int
setup(void **state)
{
	(void)state;
	return load_bundled(&d);
}

static int
teardown(void **state)
{
	(void)state;
	dossier_free(&d);
	return 0;
}

static bool
contains(struct ds_str hay, struct ds_str needle)
{
	return needle.n > 0 && memmem(hay.s, hay.n, needle.s, needle.n) != NULL;
}

/* Does paragraph p contain the Name or an Alias of e? */
static bool
names(size_t p, const struct ds_entity *e)
{
	if (contains(d.paras[p].text, e->name))
		return true;
	for (size_t a = 0; a < e->nalias; a++)
		if (contains(d.paras[p].text, e->alias[a]))
			return true;
	return false;
}

static void
check_entities(const struct ds_entity *e, size_t n, const char *kind)
{
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t p = 0; p < d.nparas && !found; p++)
			found = names(p, &e[i]);
		if (!found && e[i].note.n == 0)
			fail_msg("%s %.*s: no Name or Alias in the text, and no Note",
			    kind, (int)e[i].id.n, e[i].id.s);
	}
}

static void
test_entities_in_text(void **state)
{
	(void)state;
	assert_true(d.npeople > 5);
	assert_true(d.norgs > 5);
	check_entities(d.people, d.npeople, "Person");
	check_entities(d.orgs, d.norgs, "Org");
}

static void
test_events_anchored(void **state)
{
	(void)state;
	assert_true(d.nevents > 10);
	for (size_t i = 0; i < d.nevents; i++) {
		const struct ds_event *e = &d.events[i];
		bool ok = false;
		if (e->paras.n == 0)
			fail_msg("event %.*s links no paragraph", (int)e->id.n, e->id.s);
		for (size_t k = 0; k < e->paras.n && !ok; k++) {
			size_t p = e->paras.v[k];
			ok = contains(d.paras[p].text, e->when);
			for (size_t j = 0; j < e->persons.n && !ok; j++)
				ok = names(p, &d.people[e->persons.v[j]]);
			for (size_t j = 0; j < e->orgs.n && !ok; j++)
				ok = names(p, &d.orgs[e->orgs.v[j]]);
		}
		if (!ok)
			fail_msg("event %.*s: no linked paragraph has its When '%.*s' "
			    "or names a linked person or org", (int)e->id.n, e->id.s,
			    (int)e->when.n, e->when.s);
	}
}

static void
test_paragraphs(void **state)
{
	char id[16];

	(void)state;
	/* In reading order, p1, p2, ..., each with its article and text. */
	assert_true(d.nparas > 50);
	for (size_t p = 0; p < d.nparas; p++) {
		int n = snprintf(id, sizeof id, "p%zu", p + 1);
		assert_int_equal(d.paras[p].id.n, (size_t)n);
		assert_memory_equal(d.paras[p].id.s, id, (size_t)n);
		assert_true(d.paras[p].text.n > 0);
		assert_true(d.paras[p].article < d.narticles);
	}
}

static void
test_events_have_when(void **state)
{
	(void)state;
	for (size_t i = 0; i < d.nevents; i++)
		if (d.events[i].when.n == 0 || d.events[i].title.n == 0)
			fail_msg("event %.*s lacks When or Title", (int)d.events[i].id.n,
			    d.events[i].id.s);
}

/* Every paragraph has the dossier's English, and it is no copy of the
 * text: it is mostly ASCII where the text is mostly not. */
static void
test_glosses(void **state)
{
	(void)state;
	for (size_t p = 0; p < d.nparas; p++) {
		const struct ds_str g = d.paras[p].gloss;
		size_t ascii = 0;
		if (g.n == 0)
			fail_msg("paragraph %.*s has no Gloss", (int)d.paras[p].id.n,
			    d.paras[p].id.s);
		for (size_t i = 0; i < g.n; i++)
			ascii += (unsigned char)g.s[i] < 0x80;
		if (ascii * 10 < g.n * 9)
			fail_msg("paragraph %.*s: the Gloss is not English", (int)d.paras[p].id.n,
			    d.paras[p].id.s);
	}
}

/* The last word of a Latin name: LeCun of Yann LeCun. */
static struct ds_str
surname(struct ds_str latin)
{
	size_t i = latin.n;

	while (i > 0 && latin.s[i - 1] != ' ')
		i--;
	return (struct ds_str){ latin.s + i, latin.n - i };
}

/* Every person and organization has a Latin name, in Latin script, that
 * is none of the article's misspellings; a person named in a paragraph is
 * named in its gloss in that spelling. */
static void
test_latin_names(void **state)
{
	static const char *const misspelt[] = {
		"Yann LeCunn", "Nate Michell", "Facebook AI Reasearch", "PalM",
		"Hrizon Worlds", "Vina"
	};
	const struct { const struct ds_entity *e; size_t n; } sets[] = {
		{ d.people, d.npeople }, { d.orgs, d.norgs },
	};

	(void)state;
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < sets[k].n; i++) {
			const struct ds_entity *e = &sets[k].e[i];
			if (e->latin.n == 0)
				fail_msg("%.*s has no Latin name", (int)e->id.n, e->id.s);
			for (size_t j = 0; j < e->latin.n; j++)
				if ((unsigned char)e->latin.s[j] >= 0x80)
					fail_msg("%.*s: Latin name not in Latin script", (int)e->id.n, e->id.s);
			for (size_t m = 0; m < sizeof misspelt / sizeof *misspelt; m++)
				if (strlen(misspelt[m]) == e->latin.n &&
				    memcmp(misspelt[m], e->latin.s, e->latin.n) == 0)
					fail_msg("%.*s: the Latin name is a misspelling", (int)e->id.n, e->id.s);
		}
	for (size_t i = 0; i < d.npeople; i++)
		for (size_t p = 0; p < d.nparas; p++)
			if (names(p, &d.people[i]) &&
			    !contains(d.paras[p].gloss, surname(d.people[i].latin)))
				fail_msg("%.*s is named in %.*s but not in its gloss as %.*s",
				    (int)d.people[i].id.n, d.people[i].id.s,
				    (int)d.paras[p].id.n, d.paras[p].id.s,
				    (int)d.people[i].latin.n, d.people[i].latin.s);
}

/* The seed has no title: the article's Title is marked as the dossier's,
 * and it has an English title and its byline in Latin script. */
static void
test_article_title(void **state)
{
	(void)state;
	assert_int_equal(d.narticles, 1);
	assert_true(d.articles[0].title_supplied);
	assert_true(d.articles[0].title.n > 0);
	assert_true(d.articles[0].title_en.n > 0);
	assert_true(d.articles[0].author_latin.n > 0);
	assert_true(d.articles[0].editor_latin.n > 0);
}

static size_t
event_at(const char *id)
{
	long k = dossier_find(&d, DS_EVENT, id, strlen(id));

	if (k < 0)
		fail_msg("no event %s", id);
	return (size_t)k;
}

/* The timeline never tells the story backwards: of each pair the article
 * orders, the first comes first. */
static void
test_chronology(void **state)
{
	static const char *const before[][2] = {
		{ "e-facebook-mobile", "e-fair-founded" },     /* p40-42: the turn to AI */
		{ "e-deepmind-bid", "e-fair-founded" },        /* p42: 在那之前 */
		{ "e-fair-founded", "e-oculus-acquired" },     /* p42: 2013, 2014 */
		{ "e-carmack-joins-oculus", "e-oculus-acquired" },
		{ "e-oculus-acquired", "e-oculus-purge" },     /* p52: 从收购Oculus */
		{ "e-oculus-purge", "e-quest2-release" },      /* p52: 到2020年推出 */
		{ "e-facebook-scandals", "e-instagram-lawsuit" },  /* p44: 麻烦一直在持续 */
		{ "e-quest2-release", "e-roblox-listing" },    /* p47: 次年3月 */
		{ "e-roblox-listing", "e-meta-rebrand" },      /* p48: 元宇宙的风来了 */
		{ "e-meta-rebrand", "e-horizon-quest-rename" },    /* p48: 很快 */
		{ "e-meta-rebrand", "e-metaverse-losses" },    /* p9: 一年的时间 */
		{ "e-q4-2021-growth", "e-q2-results" },
		{ "e-opt-175b", "e-palm-rival" },              /* p16: 又过了几个月 */
		{ "e-opt-175b", "e-llama-release" },
		{ "e-palm-rival", "e-chatgpt" },               /* p16: 在如今这波热潮开始之前 */
		{ "e-llama-work-begins", "e-chatgpt" },
		{ "e-llama-work-begins", "e-llama-release" },
		{ "e-reality-labs-loss", "e-chatgpt" },        /* p49: 到了2022年底 */
		{ "e-meta-stock-74", "e-chatgpt" },
		{ "e-chatgpt", "e-meta-ai-push" },             /* p23 */
		{ "e-chatgpt", "e-llama-release" },            /* p23-24 */
		{ "e-llama-paper", "e-joulin-leaves" },        /* p4 */
		{ "e-llama-paper", "e-llama-authors-leave" },
		{ "e-mistral-founded", "e-llama-authors-leave" },
		{ "e-llama-release", "e-vicuna" },             /* p28: 几个月内 */
		{ "e-vicuna", "e-llama2-release" },            /* p28-30: 到了7月 */
		{ "e-llama-release", "e-llama2-release" },
		{ "e-aigc-team", "e-llama2-release" },         /* p27: the Llama 2 team */
		{ "e-aigc-team", "e-fair-cuts" },              /* p37: 随着新团队的成立 */
		{ "e-llama2-release", "e-llama2-downloads" },  /* p31: 在发布后的一周 */
		{ "e-llama2-release", "e-q2-results" },        /* p32: 7月底 */
		{ "e-llama2-release", "e-code-llama" },        /* p30: 8月又 */
		{ "e-opt-paper", "e-opt-project-dropped" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof before / sizeof *before; i++)
		if (event_at(before[i][0]) >= event_at(before[i][1]))
			fail_msg("%s sorts after %s", before[i][0], before[i][1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities_in_text),
		cmocka_unit_test(test_events_anchored),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_events_have_when),
		cmocka_unit_test(test_glosses),
		cmocka_unit_test(test_latin_names),
		cmocka_unit_test(test_article_title),
		cmocka_unit_test(test_chronology),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
