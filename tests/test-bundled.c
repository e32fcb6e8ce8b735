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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities_in_text),
		cmocka_unit_test(test_events_anchored),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_events_have_when),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
