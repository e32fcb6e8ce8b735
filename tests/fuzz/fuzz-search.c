/* libFuzzer target: search.  The input is a query, a NUL byte and a
 * dossier file: the query over that dossier when it loads; else the whole
 * input is a query over the bundled dossier (loaded once), so that queries
 * with a NUL in them are still tried.  The query is typed one byte at a time, as
 * at the prompt, so the engine narrows the previous hits, and every step
 * is compared with a fresh scan of the same query: same hits, same
 * places.  On a fuzzed dossier the fresh scans are split between two
 * threads whatever the corpus's size, so the split is checked too. */
#include <config.h>

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "search.h"

#ifndef BUNDLED
#error "compile with -DBUNDLED='\"path/to/meta-ai.rec\"'"
#endif

/* Typing beyond this many bytes one at a time mostly narrows no hits:
 * most inputs are junk queries over the bundled dossier.  Longer queries
 * are still run whole, and deleted back to half. */
#define MAX_STEPS 16

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct dossier bundled;
static struct search bundled_typed, bundled_fresh;
/* The pair in use: over the bundled dossier, or over a fuzzed one. */
static struct search *typed = &bundled_typed, *fresh = &bundled_fresh;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag dg;

	diag_init(&dg, BUNDLED);
	if (dossier_load(&bundled, BUNDLED, &dg) != 0) {
		for (size_t i = 0; i < dg.count && i < DIAG_MAX; i++)
			fprintf(stderr, "%s\n", dg.msg[i]);
		abort();
	}
	diag_free(&dg);
	search_init(typed, &bundled);
	search_init(fresh, &bundled);
	return 0;
}

static void
check_hits(const struct search *s, long n)
{
	for (long i = 0; i < n; i++) {
		const struct search_hit *h = &s->hits[i];
		const struct search_seg *sg = search_seg_of(s, h);
		size_t off, len;

		assert(h->seg < s->nsegs);
		assert(h->fpos >= sg->fstart && h->fpos + s->qlen <= sg->fstart + sg->flen);
		search_hit_span(s, (size_t)i, &off, &len);
		assert(off + len <= sg->orig_n && len > 0);
		assert(i == 0 || s->hits[i - 1].fpos < h->fpos);
	}
}

static void
same(const char *q, size_t n)
{
	long a, b;

	a = search_run(typed, q, n);
	/* An empty query forgets the last one: the next run scans afresh. */
	assert(search_run(fresh, "", 0) == 0);
	b = search_run(fresh, q, n);
	assert(a >= 0 && a == b);
	assert(typed->qlen == fresh->qlen && memcmp(typed->query, fresh->query, typed->qlen) == 0);
	check_hits(typed, a);
	for (long i = 0; i < a; i++) {
		const struct search_hit *x = &typed->hits[i], *y = &fresh->hits[i];
		size_t xo, xl, yo, yl;
		assert(x->seg == y->seg && x->fpos == y->fpos);
		/* The two corpora are folded from the same dossier: a text hit
		 * at the same place maps to the same bytes.  Bridged hits keep
		 * their own spans, made as each search went. */
		if (!search_hit_bridged(x) && !search_hit_bridged(y))
			continue;
		search_hit_span(typed, (size_t)i, &xo, &xl);
		search_hit_span(fresh, (size_t)i, &yo, &yl);
		assert(xo == yo && xl == yl);
	}
	if (a > 0) {
		assert(search_first_at(typed, DS_EVENT, 0) == 0);
		assert(search_first_at(typed, DS_NOTE, 0) == (size_t)a);
	}
}

/* Types q, byte by byte, then deletes back to half of it. */
static void
type_query(const char *q, size_t size)
{
	size_t steps = size < MAX_STEPS ? size : MAX_STEPS;

	/* Start each input from an empty prompt. */
	search_run(typed, "", 0);
	for (size_t k = 1; k <= steps; k++)
		same(q, k);
	if (size > steps)
		same(q, size);
	/* Deleting back to a shorter query is a fresh scan, not a narrowing. */
	if (size > 1)
		same(q, size / 2);
}

/* The query before the NUL over the dossier after it; false if that
 * does not load. */
static bool
over_fuzzed(const char *q, size_t qn, const char *file, size_t n)
{
	struct dossier d;
	static struct search t, f;   /* 34 KB each: off the stack */
	struct diag dg;

	diag_init(&dg, "fuzz");
	if (n == 0 || dossier_load_buffer(&d, "fuzz", file, n, &dg) != 0) {
		diag_free(&dg);
		return false;
	}
	diag_free(&dg);
	search_init(&t, &d);
	search_init(&f, &d);
	f.split_min = 0;
	t.split_min = SIZE_MAX;
	typed = &t;
	fresh = &f;
	type_query(q, qn);
	typed = &bundled_typed;
	fresh = &bundled_fresh;
	search_free(&t);
	search_free(&f);
	dossier_free(&d);
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *q = (const char *)data;
	const char *nul = memchr(q, '\0', size);

	if (!nul || !over_fuzzed(q, (size_t)(nul - q), nul + 1, size - (size_t)(nul - q) - 1))
		type_query(q, size);
	return 0;
}
