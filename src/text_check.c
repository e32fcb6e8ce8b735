/* Is a byte string clean UTF-8 (valid, no NUL)?  The reader asks it of
 * every byte of a dossier before parsing, so on a large file it is a
 * good part of the load: it goes sixteen bytes at a time anywhere, and
 * thirty-two with AVX2 where the processor has it. */
#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

/* Sixteen bytes, for the compiler's vector extension (SSE2 on x86-64,
 * NEON on arm64, plain words elsewhere). */
typedef uint8_t bytes16 __attribute__((vector_size(16)));

static bytes16
load16(const uint8_t *s)
{
	bytes16 v;

	memcpy(&v, s, sizeof v);
	return v;
}

/* The same, as signed bytes with the top bit flipped: so one signed
 * comparison (all that SSE2 has) orders them as unsigned bytes. */
typedef int8_t biased16 __attribute__((vector_size(16)));

static biased16
biased(const uint8_t *s)
{
	return (biased16)(load16(s) ^ 0x80);
}

/* Byte b as a biased byte, for comparisons with biased16. */
#define B(b) ((int8_t)((b) ^ 0x80))

/* Nonzero where a byte of the 16 at s breaks a rule of UTF-8 or is NUL,
 * judged from it and the three before it (which must be readable).  Each
 * byte is a continuation byte exactly when the lead byte one, two or three
 * before asks for one; the second byte also rules out overlong forms,
 * surrogates and code points past U+10FFFF. */
static biased16
bad16(const uint8_t *s)
{
	biased16 c = biased(s), p1 = biased(s - 1);
	biased16 cont = (c <= B(0xbf)) & (c >= B(0x80));
	biased16 want = (p1 >= B(0xc0)) | (biased(s - 2) >= B(0xe0)) |
	    (biased(s - 3) >= B(0xf0));

	return (cont ^ want) | (c == B(0)) | (c == B(0xc0)) | (c == B(0xc1)) |
	    (c >= B(0xf5)) |
	    ((p1 == B(0xe0)) & (c < B(0xa0))) | ((p1 == B(0xed)) & (c >= B(0xa0))) |
	    ((p1 == B(0xf0)) & (c < B(0x90))) | ((p1 == B(0xf4)) & (c >= B(0x90)));
}

static bool
any16(biased16 v)
{
	uint64_t w[2];

	memcpy(w, &v, sizeof w);
	return (w[0] | w[1]) != 0;
}

/* Whether a block of 64 bytes is ASCII without a NUL: most of a dossier
 * (its field names, dates, ids and English glosses) is, and is then
 * passed at a quarter of bad16's cost. */
static bool
plain64(const uint8_t *s)
{
	bytes16 a = load16(s), b = load16(s + 16), c = load16(s + 32), d = load16(s + 48);
	uint64_t w[2];

	memcpy(w, (bytes16[]){ a | b | c | d }, sizeof w);
	if ((w[0] | w[1]) & 0x8080808080808080ULL)
		return false;
	return !any16((biased16)((a == 0) | (b == 0) | (c == 0) | (d == 0)));
}

/* Whether s[i..n) breaks no rule, n - i >= 16, with three readable bytes
 * before i: bytes checked twice are judged the same, so the last block
 * ends at the end. */
static bool
blocks_clean(const uint8_t *s, size_t i, size_t n)
{
	for (; i + 64 <= n; i += 64) {
		/* No character left open before the block: then ASCII is all
		 * there is to see in it. */
		if (s[i - 1] < 0xc0 && s[i - 2] < 0xe0 && s[i - 3] < 0xf0 && plain64(s + i))
			continue;
		if (any16(bad16(s + i) | bad16(s + i + 16) | bad16(s + i + 32) |
		    bad16(s + i + 48)))
			return false;
	}
	for (; i + 16 < n; i += 16)
		if (any16(bad16(s + i)))
			return false;
	return !any16(bad16(s + n - 16));
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1

/* The AVX2 way judges each byte by three table lookups (pshufb) on the
 * byte before it, high and low half, and on its own high half: each bit
 * of the tables is one kind of error, set for the half-bytes where it can
 * occur, so the three ANDed have a bit left only where that error is. */
#define SHORT  0x01     /* a lead byte, then no continuation byte */
#define LONG   0x02     /* a continuation byte after ASCII */
#define OVER3  0x04     /* E0 80-9F: overlong */
#define SURR   0x08     /* ED A0-BF: a surrogate */
#define OVER2  0x10     /* C0, C1: overlong */
#define LARGE  0x20     /* F4 90-BF, F5-FF 90-BF: past U+10FFFF */
#define LARGE8 0x40     /* F0 80-8F overlong; F5-FF 80-8F past U+10FFFF */
#define CONT2  0x80     /* a continuation byte after one: an error unless
			 * a lead byte two or three back asks for it */
#define ALL_LOW (SHORT | LONG | CONT2)   /* whatever the low half */
#define HIGH_OF_LEAD (SHORT | OVER2)     /* by the next byte's high half */
/* The 16 entries of a table, for both halves of the register. */
#define E(x) ((char)(x))
#define TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) _mm256_setr_epi8( \
	E(a), E(b), E(c), E(d), E(e), E(f), E(g), E(h), \
	E(i), E(j), E(k), E(l), E(m), E(n), E(o), E(p), \
	E(a), E(b), E(c), E(d), E(e), E(f), E(g), E(h), \
	E(i), E(j), E(k), E(l), E(m), E(n), E(o), E(p))

/* Nonzero where a byte of the 32 at s breaks a rule of UTF-8 or is NUL. */
__attribute__((target("avx2"))) static inline __m256i
bad32(const uint8_t *s)
{
	const __m256i by_prev_high = TABLE(LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG,
	    CONT2, CONT2, CONT2, CONT2, SHORT | OVER2, SHORT, SHORT | OVER3 | SURR,
	    SHORT | LARGE | LARGE8);
	const __m256i by_prev_low = TABLE(ALL_LOW | OVER3 | OVER2 | LARGE8,
	    ALL_LOW | OVER2, ALL_LOW, ALL_LOW, ALL_LOW | LARGE,
	    ALL_LOW | LARGE | LARGE8, ALL_LOW | LARGE | LARGE8, ALL_LOW | LARGE | LARGE8,
	    ALL_LOW | LARGE | LARGE8, ALL_LOW | LARGE | LARGE8, ALL_LOW | LARGE | LARGE8,
	    ALL_LOW | LARGE | LARGE8, ALL_LOW | LARGE | LARGE8,
	    ALL_LOW | SURR | LARGE | LARGE8, ALL_LOW | LARGE | LARGE8,
	    ALL_LOW | LARGE | LARGE8);
	const __m256i by_high = TABLE(HIGH_OF_LEAD, HIGH_OF_LEAD, HIGH_OF_LEAD, HIGH_OF_LEAD,
	    HIGH_OF_LEAD, HIGH_OF_LEAD, HIGH_OF_LEAD, HIGH_OF_LEAD,
	    LONG | CONT2 | OVER3 | OVER2 | LARGE8, LONG | CONT2 | OVER3 | OVER2 | LARGE,
	    LONG | CONT2 | SURR | OVER2 | LARGE, LONG | CONT2 | SURR | OVER2 | LARGE,
	    HIGH_OF_LEAD, HIGH_OF_LEAD, HIGH_OF_LEAD, HIGH_OF_LEAD);
	const __m256i low = _mm256_set1_epi8(0x0f);
	__m256i c = _mm256_loadu_si256((const __m256i *)s);
	__m256i p1 = _mm256_loadu_si256((const __m256i *)(s - 1));
	__m256i p2 = _mm256_loadu_si256((const __m256i *)(s - 2));
	__m256i p3 = _mm256_loadu_si256((const __m256i *)(s - 3));
	__m256i e = _mm256_and_si256(_mm256_and_si256(
	    _mm256_shuffle_epi8(by_prev_high, _mm256_and_si256(_mm256_srli_epi16(p1, 4), low)),
	    _mm256_shuffle_epi8(by_prev_low, _mm256_and_si256(p1, low))),
	    _mm256_shuffle_epi8(by_high, _mm256_and_si256(_mm256_srli_epi16(c, 4), low)));
	/* Top bit set where a lead byte two back is E0 or more, or three
	 * back F0 or more: the byte must continue it. */
	__m256i asked = _mm256_and_si256(_mm256_or_si256(
	    _mm256_subs_epu8(p2, _mm256_set1_epi8(0xe0 - 0x80)),
	    _mm256_subs_epu8(p3, _mm256_set1_epi8(0xf0 - 0x80))),
	    _mm256_set1_epi8((char)0x80));

	return _mm256_or_si256(_mm256_xor_si256(e, asked),
	    _mm256_cmpeq_epi8(c, _mm256_setzero_si256()));
}

__attribute__((target("avx2"))) static bool
blocks_clean_avx2(const uint8_t *s, size_t i, size_t n)
{
	const __m256i all = _mm256_set1_epi8(-1);

	for (; i + 64 <= n; i += 64)
		if (!_mm256_testz_si256(_mm256_or_si256(bad32(s + i), bad32(s + i + 32)), all))
			return false;
	for (; i + 32 < n; i += 32)
		if (!_mm256_testz_si256(bad32(s + i), all))
			return false;
	return _mm256_testz_si256(bad32(s + n - 32), all);
}
#endif

static bool
clean(const char *str, size_t n, bool simd)
{
	const uint8_t *s = (const uint8_t *)str;
	size_t i;

	if (n < 64)
		return !memchr(s, '\0', n) && text_valid_prefix(str, n) == n;
	/* The first bytes one at a time, up to a character's start past
	 * the third byte, so that the blocks can look three bytes back. */
	i = text_valid_prefix(str, 16);
	if (i < 16 - 3 || memchr(s, '\0', i))
		return false;
#ifdef HAVE_AVX2_PATH
	if (simd && __builtin_cpu_supports("avx2")) {
		if (!blocks_clean_avx2(s, i, n))
			return false;
	} else
#endif
	if (!blocks_clean(s, i, n))
		return false;
	/* No character cut off at the end. */
	return s[n - 1] < 0xc0 && s[n - 2] < 0xe0 && s[n - 3] < 0xf0;
}

bool
text_clean(const char *s, size_t n)
{
	return clean(s, n, true);
}

bool
text_clean_portable(const char *s, size_t n)
{
	return clean(s, n, false);
}

/* As u8_check (overlong forms, surrogates and code points past U+10FFFF are
 * invalid; the answer is where the first bad sequence starts), but faster
 * on a dossier (1.5x): runs of ASCII go eight bytes at a time and
 * three-byte characters (CJK) come first.  The reader checks the whole
 * file with it, the search every string it folds. */
size_t
text_valid_prefix(const char *str, size_t n)
{
	const uint8_t *s = (const uint8_t *)str, *end = s + n;

	while (s < end) {
		uint8_t c = *s;
		if (c < 0x80) {
			while (end - s >= 8) {
				uint64_t w;
				memcpy(&w, s, 8);
				if (w & 0x8080808080808080ULL)
					break;
				s += 8;
			}
			while (s < end && *s < 0x80)
				s++;
			continue;
		}
		if ((c & 0xf0) == 0xe0) {
			if (end - s >= 3 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
			    (c != 0xe0 || s[1] >= 0xa0) && (c != 0xed || s[1] < 0xa0)) {
				s += 3;
				continue;
			}
		} else if (c >= 0xc2 && c < 0xe0) {
			if (end - s >= 2 && (s[1] & 0xc0) == 0x80) {
				s += 2;
				continue;
			}
		} else if (c >= 0xf0 && c < 0xf5) {
			if (end - s >= 4 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
			    (s[3] & 0xc0) == 0x80 && (c != 0xf0 || s[1] >= 0x90) &&
			    (c != 0xf4 || s[1] < 0x90)) {
				s += 4;
				continue;
			}
		}
		break;
	}
	return (size_t)(s - (const uint8_t *)str);
}
