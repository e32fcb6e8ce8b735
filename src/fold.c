/* Folding per grapheme cluster, so every folded byte belongs to exactly one
 * original cluster.  libunistring is asked once per distinct character: a
 * small cache keeps the answers, and ASCII and CJK ideographs, which are most
 * of a dossier, take a fast path. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"

#define CACHE_SIZE 4096
#define CACHE_BYTES 14

struct cache_entry {
	ucs4_t uc;                 /* 0: empty */
	uint8_t len;
	char bytes[CACHE_BYTES];
};

static struct cache_entry cache[CACHE_SIZE];

static int
reserve(struct fold_buf *fb, size_t more)
{
	if (fb->n + more + 1 > fb->cap) {
		size_t cap = fb->cap ? fb->cap : 256;
		while (cap < fb->n + more + 1)
			cap *= 2;
		char *ns = realloc(fb->s, cap);
		if (!ns) {
			fb->oom = 1;
			return -1;
		}
		fb->s = ns;
		fb->cap = cap;
	}
	return 0;
}

static void
anchor(struct fold_buf *fb, const char *orig, uint32_t olen)
{
	if (fb->na == fb->acap) {
		size_t cap = fb->acap ? fb->acap * 2 : 64;
		struct fold_anchor *na = realloc(fb->a, cap * sizeof *na);
		if (!na) {
			fb->oom = 1;
			return;
		}
		fb->a = na;
		fb->acap = cap;
	}
	fb->a[fb->na++] = (struct fold_anchor){ orig, (uint32_t)fb->n, olen };
}

/* Folds one cluster with libunistring. */
static char *
fold_cluster(const char *s, size_t n, size_t *len)
{
	return (char *)u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKC,
	    NULL, len);
}

static int
is_identity(ucs4_t uc)
{
	return (uc >= 0x4e00 && uc <= 0x9fff) || (uc >= 0x3400 && uc <= 0x4dbf);
}

/* Appends the folded cluster; returns its folded length. */
static size_t
put_cluster(struct fold_buf *fb, const char *s, size_t n)
{
	ucs4_t uc;
	int clen = u8_mbtouc_unsafe(&uc, (const uint8_t *)s, n);
	struct cache_entry *ce = NULL;
	size_t flen;
	char *f;

	if ((size_t)clen == n) {
		if (uc < 0x80 || is_identity(uc)) {
			if (reserve(fb, n) < 0)
				return 0;
			for (size_t i = 0; i < n; i++)
				fb->s[fb->n + i] = (s[i] >= 'A' && s[i] <= 'Z') ?
				    (char)(s[i] + 32) : s[i];
			fb->n += n;
			return n;
		}
		ce = &cache[uc % CACHE_SIZE];
		if (ce->uc == uc) {
			if (reserve(fb, ce->len) < 0)
				return 0;
			memcpy(fb->s + fb->n, ce->bytes, ce->len);
			fb->n += ce->len;
			return ce->len;
		}
	}
	f = fold_cluster(s, n, &flen);
	if (!f || reserve(fb, flen) < 0) {
		free(f);
		fb->oom = 1;
		return 0;
	}
	memcpy(fb->s + fb->n, f, flen);
	fb->n += flen;
	if (ce && flen <= CACHE_BYTES) {
		ce->uc = uc;
		ce->len = (uint8_t)flen;
		memcpy(ce->bytes, f, flen);
	}
	free(f);
	return flen;
}

void
fold_append(struct fold_buf *fb, const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int identity = 0;       /* is the last anchor an open identity run? */

	anchor(fb, s, 0);
	identity = 1;
	while (p < end && !fb->oom) {
		const uint8_t *bad = u8_check(p, (size_t)(end - p));
		const uint8_t *stop = bad ? bad : end;
		while (p < stop) {
			const uint8_t *next = u8_grapheme_next(p, stop);
			size_t olen = (size_t)(next - p);
			size_t before = fb->n;
			size_t flen;

			flen = put_cluster(fb, (const char *)p, olen);
			if (flen != olen) {
				/* Rewrite the anchor for this cluster at its start. */
				fb->n = before;
				anchor(fb, (const char *)p, (uint32_t)olen);
				fb->n = before + flen;
				identity = 0;
			} else if (!identity) {
				fb->n = before;
				anchor(fb, (const char *)p, 0);
				fb->n = before + flen;
				identity = 1;
			}
			p = next;
		}
		if (bad) {
			/* Skip the bad byte: it matches nothing. */
			p = bad + 1;
			anchor(fb, (const char *)p, 0);
			identity = 1;
		}
	}
}

static size_t
anchor_at(const struct fold_buf *fb, size_t f)
{
	size_t lo = 0, hi = fb->na;

	/* Last anchor with fpos <= f; anchors at one position: the last. */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (fb->a[mid].fpos <= f)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void
fold_to_orig(const struct fold_buf *fb, size_t f, size_t len,
    const char **start, const char **end)
{
	const struct fold_anchor *a = &fb->a[anchor_at(fb, f)];
	const struct fold_anchor *b = &fb->a[anchor_at(fb, f + (len ? len - 1 : 0))];

	*start = a->olen ? a->orig : a->orig + (f - a->fpos);
	*end = b->olen ? b->orig + b->olen : b->orig + (f + len - b->fpos);
}

char *
fold_string(const char *s, size_t n, size_t *outlen)
{
	struct fold_buf fb = { 0 };
	char *r;

	fold_append(&fb, s, n);
	free(fb.a);
	if (fb.oom || reserve(&fb, 0) < 0) {
		free(fb.s);
		return NULL;
	}
	fb.s[fb.n] = '\0';
	r = fb.s;
	*outlen = fb.n;
	return r;
}

void
fold_free(struct fold_buf *fb)
{
	free(fb->s);
	free(fb->a);
	memset(fb, 0, sizeof *fb);
}
