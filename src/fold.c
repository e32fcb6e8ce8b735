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
#include "text.h"

#define CACHE_SIZE 4096
#define CACHE_BYTES 14

struct cache_entry {
	ucs4_t uc;                 /* 0: empty */
	uint8_t len;
	char bytes[CACHE_BYTES];
};

/* Process-wide and not locked: folding runs on the main thread only.  The
 * threads that exist (the reader's parts and halves, the model's linking,
 * the index of names made beside it, the search's second scanner) fold
 * nothing: the scanner reads the folded corpus and its anchors, never
 * this cache (fold_to_orig_from), and queries are folded before it
 * starts. */
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

/* Do the folded bytes f and the original s, both n bytes, have their
 * characters at the same offsets?  Only then can they map byte for byte
 * ("ß" and its folding "ss" are both two bytes, but not alike). */
static int
same_shape(const char *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((((unsigned char)f[i] & 0xc0) == 0x80) !=
		    (((unsigned char)s[i] & 0xc0) == 0x80))
			return 0;
	return 1;
}

/* Length of the character at p (valid UTF-8, before stop) if it is ASCII
 * or a CJK ideograph, which fold to themselves (ASCII letters to lower
 * case), else 0. */
static size_t
simple_char(const uint8_t *p, const uint8_t *stop)
{
	if (*p < 0x80)
		return 1;
	if (p[0] >= 0xe3 && p[0] <= 0xe9 && stop - p >= 3)
		return is_identity(((ucs4_t)(p[0] & 0x0f) << 12) |
		    ((ucs4_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f)) ? 3 : 0;
	return 0;
}

/* Could the character at p (valid, not simple) belong to the cluster of
 * the character before it?  Only these join one that is neither Prepend,
 * nor Hangul, nor a regional indicator, nor emoji (UAX #29 GB9, GB9a). */
static int
may_extend(const uint8_t *p, const uint8_t *stop)
{
	ucs4_t uc;
	int prop;

	u8_mbtouc_unsafe(&uc, p, (size_t)(stop - p));
	prop = uc_graphemeclusterbreak_property(uc);
	return prop == GBP_EXTEND || prop == GBP_ZWJ || prop == GBP_SPACINGMARK ||
	    prop == GBP_EM;
}

/* The longest run from p of simple characters that are each a cluster of
 * their own (none is followed by a character that may join it). */
static const uint8_t *
simple_run(const uint8_t *p, const uint8_t *stop)
{
	size_t len = simple_char(p, stop);

	while (len) {
		const uint8_t *next = p + len;
		size_t nlen;
		if (next == stop)
			return next;
		nlen = simple_char(next, stop);
		if (!nlen)
			return may_extend(next, stop) ? p : next;
		p = next;
		len = nlen;
	}
	return p;
}

/* The end of the cluster at p when it is that one character, else NULL
 * (then ask u8_grapheme_next).  It is when the end or a simple character
 * follows, unless it is CR (GB3) or Prepend (GB9b); or when it is of the
 * break property Other and what follows may not join it. */
static const uint8_t *
one_char_cluster(const uint8_t *p, const uint8_t *stop)
{
	ucs4_t uc;
	const uint8_t *next = p + u8_mbtouc_unsafe(&uc, p, (size_t)(stop - p));
	int prop;

	if (next == stop)
		return next;
	if (uc == '\r')
		return NULL;
	prop = uc_graphemeclusterbreak_property(uc);
	if (simple_char(next, stop))
		return prop == GBP_PREPEND ? NULL : next;
	return prop == GBP_OTHER && !may_extend(next, stop) ? next : NULL;
}

void
fold_append(struct fold_buf *fb, const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int identity = 0;       /* is the last anchor an open identity run? */

	anchor(fb, s, 0);
	identity = 1;
	while (p < end && !fb->oom) {
		size_t valid = text_valid_prefix((const char *)p, (size_t)(end - p));
		const uint8_t *bad = p + valid < end ? p + valid : NULL;
		const uint8_t *stop = p + valid;
		while (p < stop) {
			/* The fast path: ASCII and CJK ideographs, most of a
			 * dossier, each its own cluster, fold with no call to
			 * libunistring (same bytes and anchors as below). */
			const uint8_t *run = simple_run(p, stop);
			if (run > p) {
				size_t len = (size_t)(run - p);
				if (!identity) {
					anchor(fb, (const char *)p, 0);
					identity = 1;
				}
				if (reserve(fb, len) < 0)
					return;
				for (char *f = fb->s + fb->n; p < run; p++)
					*f++ = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
				fb->n += len;
				continue;
			}
			const uint8_t *next = one_char_cluster(p, stop);
			if (!next)
				next = u8_grapheme_next(p, stop);
			size_t olen = (size_t)(next - p);
			size_t before = fb->n;
			size_t flen;

			flen = put_cluster(fb, (const char *)p, olen);
			if (flen != olen ||
			    !same_shape(fb->s + before, (const char *)p, olen)) {
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

/* The same as anchor_at, searching forward from anchor i (whose fpos is
 * at most f): galloping, so a walk through increasing offsets costs about
 * the number of anchors passed, not a binary search each. */
static size_t
anchor_from(const struct fold_buf *fb, size_t i, size_t f)
{
	size_t step = 1, hi;

	while (i + step < fb->na && fb->a[i + step].fpos <= f) {
		i += step;
		step *= 2;
	}
	hi = i + step < fb->na ? i + step : fb->na;
	while (hi - i > 1) {
		size_t mid = (i + hi) / 2;
		if (fb->a[mid].fpos <= f)
			i = mid;
		else
			hi = mid;
	}
	return i;
}

static void
map_range(const struct fold_buf *fb, size_t ia, size_t ib, size_t f, size_t len,
    const char **start, const char **end)
{
	const struct fold_anchor *a = &fb->a[ia];
	const struct fold_anchor *b = &fb->a[ib];

	*start = a->olen ? a->orig : a->orig + (f - a->fpos);
	*end = b->olen ? b->orig + b->olen : b->orig + (f + len - b->fpos);
}

void
fold_to_orig(const struct fold_buf *fb, size_t f, size_t len,
    const char **start, const char **end)
{
	map_range(fb, anchor_at(fb, f), anchor_at(fb, f + (len ? len - 1 : 0)),
	    f, len, start, end);
}

void
fold_to_orig_from(const struct fold_buf *fb, size_t *hint, size_t f, size_t len,
    const char **start, const char **end)
{
	size_t ia, ib, last = f + (len ? len - 1 : 0);

	if (*hint >= fb->na || fb->a[*hint].fpos > f)
		*hint = 0;
	ia = *hint;
	/* Most of the time the range is inside the identity run of the
	 * last one: no search at all. */
	if (fb->a[ia].olen == 0 && (ia + 1 == fb->na || fb->a[ia + 1].fpos > last)) {
		*start = fb->a[ia].orig + (f - fb->a[ia].fpos);
		*end = *start + len;
		return;
	}
	ia = anchor_from(fb, *hint, f);
	ib = anchor_from(fb, ia, last);
	*hint = ia;
	map_range(fb, ia, ib, f, len, start, end);
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
