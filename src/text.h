/* The one place that measures and breaks text: every column computation in
 * dossier goes through these functions (libunistring, UTF-8 only). */
#ifndef DOSSIER_TEXT_H
#define DOSSIER_TEXT_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

/* One wrapped line: bytes [start, start+len) of the source, width columns. */
struct text_line {
	size_t start;
	size_t len;
	int width;
};

/* The screen form of text, the one rule that measuring, wrapping and
 * drawing share, so that what is measured is what is drawn:
 *  - a tab is spaces up to the next multiple of TEXT_TAB columns, counted
 *    from the start of the text being measured (its line, when wrapped);
 *  - other C0 controls and DEL are their control picture (U+2400 + c,
 *    U+2421: ␉ ␛ ␡), one column;
 *  - C1 controls, bidi embeddings, overrides, isolates and marks, other
 *    format characters, unassigned code points, line and paragraph
 *    separators, and an invalid byte are U+FFFD, one column;
 *  - a soft hyphen is not drawn (0 columns);
 *  - everything else is itself, as wide as libunistring says, except the
 *    few characters where libunistring 1.0 and the C library's wcwidth
 *    (which ncurses moves its cursor by) differ: there as wcwidth;
 *  - with text_set_ambiwidth(2), a character of one column that is East
 *    Asian Ambiguous (UAX #11: “ ” · … ① α я ─ and U+FFFD among them) is
 *    two columns, as CJK terminals set that way draw it.
 * A placeholder is drawn once, except a tab's space, once per column. */
#define TEXT_TAB 8

/* Columns of an East Asian Ambiguous character of one column elsewhere: 1
 * (the default, as the C library counts) or 2; text_ambiwidth says which. */
void text_set_ambiwidth(int cols);
int text_ambiwidth(void);
/* Whether uc's East_Asian_Width is Ambiguous (A). */
bool text_is_ambiguous(uint32_t uc);
#define TEXT_NOTHING 0x110000u   /* *shown: draw nothing */

/* Columns of the character at s (n > 0 bytes available) when it starts at
 * column col of its text; *clen gets its byte length (>= 1, an invalid
 * byte is one character); *shown (if not NULL) 0 when the character is
 * drawn as itself, else the code point drawn in its place, or
 * TEXT_NOTHING. */
int text_cell(const char *s, size_t n, int col, size_t *clen, uint32_t *shown);

/* Columns of the character at s as the first of a text. */
int text_char_width(const char *s, size_t n, size_t *clen);

/* Display columns of s[0..n), starting at column 0, or col, of its text. */
int text_width(const char *s, size_t n);
int text_width_at(const char *s, size_t n, int col);

/* Longest prefix of s[0..n) that fits in cols columns without splitting a
 * character; returns its byte length and stores its width in *used.  The
 * _at form for text that starts at column col of its text. */
size_t text_clip(const char *s, size_t n, int cols, int *used);
size_t text_clip_at(const char *s, size_t n, int col, int cols, int *used);

/* What marks a cut cell: nothing is cut without it. */
#define TEXT_ELLIPSIS "\u2026"
/* text_clip_at for a cell that shows where it is cut: when s[0..n) does
 * not fit in cols, the prefix that leaves room for TEXT_ELLIPSIS after it
 * (measured as any text is), and *cut is set; else the whole of it. */
size_t text_clip_mark(const char *s, size_t n, int col, int cols, int *used, bool *cut);

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
 * on long text (sixteen or thirty-two bytes at a time) but with no
 * position. */
bool text_clean(const char *s, size_t n);
/* The same without the processor's wider instructions (AVX2), which
 * text_clean takes where it has them: for the tests of both ways. */
bool text_clean_portable(const char *s, size_t n);

#endif
