/* The one place that measures and breaks text: every column computation in
 * dossier goes through these functions (libunistring, UTF-8 only). */
#ifndef DOSSIER_TEXT_H
#define DOSSIER_TEXT_H

#include <stddef.h>
#include <stdbool.h>

/* One wrapped line: bytes [start, start+len) of the source, width columns. */
struct text_line {
	size_t start;
	size_t len;
	int width;
};

/* Display columns of s[0..n); an invalid byte counts as one column. */
int text_width(const char *s, size_t n);

/* Columns of the character at s (n bytes available); *clen gets its byte
 * length (>= 1, an invalid byte is one character). */
int text_char_width(const char *s, size_t n, size_t *clen);

/* Longest prefix of s[0..n) that fits in cols columns without splitting a
 * character; returns its byte length and stores its width in *used. */
size_t text_clip(const char *s, size_t n, int cols, int *used);

/* Wraps s[0..n) to lines of at most cols columns (cols >= 1) with UAX #14
 * break opportunities; a word wider than cols is split between characters,
 * never before closing punctuation when that can be avoided.  Trailing
 * spaces of a line are excluded from its length.  Returns the number of
 * lines (at least 1) and a malloc'd array in *out, or 0 on allocation
 * failure. */
size_t text_wrap(const char *s, size_t n, int cols, struct text_line **out);

/* Byte length of the longest valid UTF-8 prefix of s[0..n). */
size_t text_valid_prefix(const char *s, size_t n);

/* Whether s[0..n) is valid UTF-8 with no NUL byte: as
 * text_valid_prefix(s, n) == n && !memchr(s, 0, n), several times faster
 * on long text (sixteen bytes at a time) but with no position. */
bool text_clean(const char *s, size_t n);

#endif
