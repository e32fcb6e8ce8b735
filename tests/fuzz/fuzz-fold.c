/* libFuzzer target: search folding against a plain reference.  The input
 * is text (valid UTF-8 or not).  fold_append must give, for each maximal
 * valid run, the NFKC case folding of each grapheme cluster in turn
 * (u8_grapheme_next, u8_casefold: what fold.c's fast paths and cache
 * stand in for), drop invalid bytes, and map every cluster's folded bytes
 * back to exactly that cluster; fold_string must agree. */
#include <config.h>

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct cluster {
	size_t ostart, olen;       /* in the input */
	size_t fstart, flen;       /* in the folded text */
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	struct fold_buf fb = { 0 };
	struct cluster *cl = malloc((size + 1) * sizeof *cl);
	char *ref = NULL, *q;
	size_t nref = 0, refcap = 0, ncl = 0, qlen;

	assert(cl);
	/* The reference: cluster by cluster, with libunistring only. */
	while (p < end) {
		const uint8_t *bad = u8_check(p, (size_t)(end - p));
		const uint8_t *stop = bad ? bad : end;
		while (p < stop) {
			const uint8_t *next = u8_grapheme_next(p, stop);
			uint8_t buf[256];
			size_t flen = sizeof buf;
			/* Into buf when it fits: a malloc per cluster was the
			 * other half of a large input's time. */
			uint8_t *f = u8_casefold(p, (size_t)(next - p), NULL, UNINORM_NFKC, buf, &flen);
			assert(f);
			/* Grown by half again each time: grown by each cluster, a
			 * 46 KB input took 116 ms, copying the reference over and
			 * over, and the long run slowed to 200 inputs a second. */
			if (nref + flen + 1 > refcap) {
				refcap = (nref + flen + 1) * 3 / 2 + 64;
				ref = realloc(ref, refcap);
				assert(ref);
			}
			memcpy(ref + nref, f, flen);
			cl[ncl++] = (struct cluster){ (size_t)(p - data), (size_t)(next - p), nref, flen };
			nref += flen;
			if (f != buf)
				free(f);
			p = next;
		}
		if (bad)
			p = bad + 1;
	}

	fold_append(&fb, (const char *)data, size);
	assert(!fb.oom);
	assert(fb.n == nref && (nref == 0 || memcmp(fb.s, ref, nref) == 0));
	for (size_t i = 0; i < ncl; i++) {
		const char *a, *b;
		if (cl[i].flen == 0)
			continue;
		fold_to_orig(&fb, cl[i].fstart, cl[i].flen, &a, &b);
		assert(a == (const char *)data + cl[i].ostart);
		assert(b == (const char *)data + cl[i].ostart + cl[i].olen);
	}
	/* The same, visiting clusters in order with a hint. */
	{
		size_t hint = 0;
		for (size_t i = 0; i < ncl; i++) {
			const char *a, *b;
			if (cl[i].flen == 0)
				continue;
			fold_to_orig_from(&fb, &hint, cl[i].fstart, cl[i].flen, &a, &b);
			assert(a == (const char *)data + cl[i].ostart);
			assert(b == (const char *)data + cl[i].ostart + cl[i].olen);
		}
	}

	q = fold_string((const char *)data, size, &qlen);
	assert(q && qlen == nref && (nref == 0 || memcmp(q, ref, nref) == 0));
	assert(q[qlen] == '\0');

	free(q);
	fold_free(&fb);
	free(ref);
	free(cl);
	return 0;
}
