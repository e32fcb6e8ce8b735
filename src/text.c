/* Width, clipping and line breaking over libunistring.  Widths are asked of
 * libunistring with the "UTF-8" encoding so they agree with ncurses and
 * wcwidth (East Asian Ambiguous characters are one column, unless the
 * terminal is said to draw them two: text_set_ambiwidth). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>
#include <unilbrk.h>
#include <unictype.h>

#include "text.h"

static const char enc[] = "UTF-8";

/* libunistring has no accessor for the East_Asian_Width property, and
 * uc_width with a CJK encoding widens every character from U+00A1 up
 * (Neutral ones such as U+00E3 too), so the Ambiguous ranges come from a
 * table generated from the Unicode Character Database. */
#include "text_ambiguous.h"

static bool ambi_wide;

void
text_set_ambiwidth(int cols)
{
	ambi_wide = cols == 2;
}

int
text_ambiwidth(void)
{
	return ambi_wide ? 2 : 1;
}

bool
text_is_ambiguous(uint32_t uc)
{
	size_t lo = 0, hi = sizeof ambiguous / sizeof *ambiguous;

	if (uc < ambiguous[0].from)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (uc < ambiguous[mid].from)
			hi = mid;
		else if (uc > ambiguous[mid].to)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Format characters (Cf) other than these are shown by a placeholder: the
 * bidi embeddings, overrides, isolates and marks would reorder the
 * terminal's line, and the rest are measured 0 by libunistring but 1 by
 * the C library that ncurses asks.  These stay, invisible: zero width
 * space, joiners (emoji sequences, Indic scripts), word joiner, invisible
 * operators, byte order mark, and the tags of emoji tag sequences. */
static bool
format_kept(ucs4_t uc)
{
	return (uc >= 0x200b && uc <= 0x200d) || (uc >= 0x2060 && uc <= 0x2064) ||
	    uc == 0xfeff || (uc >= 0xe0020 && uc <= 0xe007f);
}

/* Where libunistring 1.0 and the C library (whose wcwidth ncurses moves
 * its cursor by) give printable characters different widths, the C
 * library's: the screen must be measured as ncurses fills it. */
static int
width_as_drawn(ucs4_t uc, int w)
{
	static const struct { ucs4_t from, to; int w; } differ[] = {
		{ 0x0cbf, 0x0cbf, 0 }, { 0x0cc6, 0x0cc6, 0 },       /* Kannada signs */
		{ 0x3248, 0x324f, 2 },                               /* circled numbers */
		{ 0x4dc0, 0x4dff, 2 },                               /* hexagrams */
		{ 0x11a07, 0x11a08, 0 }, { 0x11c3f, 0x11c3f, 0 },
	};

	if (uc < 0x0cbf || uc > 0x11c3f)
		return w;
	for (size_t i = 0; i < sizeof differ / sizeof *differ; i++)
		if (uc >= differ[i].from && uc <= differ[i].to)
			return differ[i].w;
	return w;
}

/* Hangul syllables, all assigned, need no look-up. */
static bool
printable(ucs4_t uc)
{
	return (uc >= 0xac00 && uc <= 0xd7a3) || uc_is_print(uc);
}

int
text_cell(const char *s, size_t n, int col, size_t *clen, ucs4_t *shown)
{
	ucs4_t uc, as = 0;
	int len, w;

	if (n > 0 && (unsigned char)s[0] >= 0x20 && (unsigned char)s[0] < 0x7f) {
		*clen = 1;      /* printable ASCII, most of the time */
		if (shown)
			*shown = 0;
		return 1;
	}
	len = u8_mbtouc(&uc, (const uint8_t *)s, n);
	*clen = len <= 0 ? 1 : (size_t)len;
	if (uc >= 0x4e00 && uc <= 0x9fff)
		w = 2;          /* CJK ideographs, most of a Chinese dossier */
	else if (uc == 0xfffd && !(n >= 3 && memcmp(s, "\xef\xbf\xbd", 3) == 0))
		w = 1;          /* an invalid byte: drawn as U+FFFD */
	else if (uc == '\t') {
		w = TEXT_TAB - (col % TEXT_TAB);
		as = ' ';
	} else if (uc < 0x20 || uc == 0x7f) {
		w = 1;
		as = uc == 0x7f ? 0x2421 : 0x2400 + uc;    /* ␛ ␡: control pictures */
	} else if (uc == 0xad) {
		w = 0;          /* soft hyphen: a hint for hyphenation, not drawn */
		as = TEXT_NOTHING;
	} else {
		w = uc_width(uc, enc);
		if (w < 0 || (w > 0 && !printable(uc)) ||
		    (w == 0 && uc_is_general_category(uc, UC_CATEGORY_Cf) && !format_kept(uc))) {
			w = 1;  /* C1 controls, unassigned, separators, bidi */
			as = 0xfffd;
		} else
			w = width_as_drawn(uc, w);
	}
	/* An Ambiguous character drawn as itself, or U+FFFD in its place
	 * (control pictures and the tab's spaces are not Ambiguous). */
	if (ambi_wide && w == 1 && text_is_ambiguous(as ? as : uc))
		w = 2;
	if (shown)
		*shown = as;
	return w;
}

int
text_char_width(const char *s, size_t n, size_t *clen)
{
	return text_cell(s, n, 0, clen, NULL);
}

int
text_width_at(const char *s, size_t n, int col)
{
	size_t i = 0, clen;
	int c = col;

	while (i < n) {
		c += text_cell(s + i, n - i, c, &clen, NULL);
		i += clen;
	}
	return c - col;
}

int
text_width(const char *s, size_t n)
{
	return text_width_at(s, n, 0);
}

size_t
text_clip_at(const char *s, size_t n, int col, int cols, int *used)
{
	size_t i = 0, clen;
	int w = 0, cw;

	while (i < n) {
		cw = text_cell(s + i, n - i, col + w, &clen, NULL);
		if (w + cw > cols)
			break;
		w += cw;
		i += clen;
	}
	/* Keep combining marks with the base character they follow. */
	while (i < n && text_cell(s + i, n - i, col + w, &clen, NULL) == 0)
		i += clen;
	if (used)
		*used = w;
	return i;
}

size_t
text_clip(const char *s, size_t n, int cols, int *used)
{
	return text_clip_at(s, n, 0, cols, used);
}

size_t
text_clip_mark(const char *s, size_t n, int col, int cols, int *used, bool *cut)
{
	size_t len = text_clip_at(s, n, col, cols, used);
	int ew = text_width(TEXT_ELLIPSIS, sizeof TEXT_ELLIPSIS - 1);

	*cut = len < n;
	if (*cut && cols >= ew)
		len = text_clip_at(s, len, col, cols - ew, used);
	return len;
}

/* Whether the character at s must not begin a line (closing punctuation,
 * kinsoku): asked of UAX #14 itself, as "may a line break between an
 * ideograph and this character?".  UAX #14 already forbids such breaks in
 * running text; this guards the forced split of an over-long run. */
static bool
no_line_start(const char *s, size_t n)
{
	uint8_t pair[8] = "\xe4\xb8\xad";     /* 中, line-break class ID */
	char brk[8];
	size_t clen;

	text_char_width(s, n, &clen);
	if (clen > 4 || text_valid_prefix(s, clen) != clen)
		return false;
	memcpy(pair + 3, s, clen);
	u8_possible_linebreaks(pair, 3 + clen, enc, brk);
	return brk[3] == UC_BREAK_PROHIBITED;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

struct wrapper {
	const char *s;
	size_t n;
	int cols;
	const char *brk;          /* UC_BREAK_* per byte */
	struct text_line *lines;
	size_t count, cap;
};

static bool
emit(struct wrapper *w, size_t start, size_t end)
{
	size_t len = end - start;

	while (len > 0 && is_space(w->s[start + len - 1]))
		len--;
	if (w->count == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 8;
		struct text_line *nl = realloc(w->lines, cap * sizeof *nl);
		if (!nl)
			return false;
		w->lines = nl;
		w->cap = cap;
	}
	w->lines[w->count].start = start;
	w->lines[w->count].len = len;
	w->lines[w->count].width = text_width(w->s + start, len);
	w->count++;
	return true;
}

/* Where to end a line that starts at start and overflows at byte over:
 * the last break opportunity, else a forced split that does not leave a
 * closing mark at the start of the next line. */
static size_t
line_end(struct wrapper *w, size_t start, size_t over, size_t last_brk)
{
	size_t end = over, clen, prev;

	if (last_brk > start)
		return last_brk;
	while (end > start && no_line_start(w->s + end, w->n - end)) {
		/* Step back one character. */
		prev = end - 1;
		while (prev > start && ((unsigned char)w->s[prev] & 0xc0) == 0x80)
			prev--;
		if (prev == start && no_line_start(w->s + start, w->n - start))
			return over;   /* inside a run of closing marks: fill lines */
		if (prev == start)
			break;
		end = prev;
	}
	if (end == start) {
		/* Nothing fits: take one character so the wrap always advances. */
		text_char_width(w->s + start, w->n - start, &clen);
		end = start + clen;
	}
	return end;
}

static bool
wrap_run(struct wrapper *w)
{
	size_t start = 0, i = 0, last_brk = 0, clen;
	int width = 0, cw;

	while (i < w->n) {
		if (w->brk[i] == UC_BREAK_POSSIBLE && i > start)
			last_brk = i;
		/* libunistring marks a mandatory break on the break character
		 * itself (the newline): the line ends before it, and the
		 * character belongs to no line. */
		if (w->s[i] == '\n' || w->brk[i] == UC_BREAK_MANDATORY) {
			if (!emit(w, start, i))
				return false;
			text_char_width(w->s + i, w->n - i, &clen);
			i += clen;
			start = i;
			width = 0;
			last_brk = start;
			continue;
		}
		cw = text_cell(w->s + i, w->n - i, width, &clen, NULL);
		if (width + cw > w->cols && !is_space(w->s[i]) && i > start) {
			size_t end = line_end(w, start, i, last_brk);
			if (!emit(w, start, end))
				return false;
			start = end;
			while (start < w->n && is_space(w->s[start]))
				start++;
			i = start;
			width = 0;
			last_brk = start;
			continue;
		}
		width += cw;
		i += clen;
	}
	if (start < w->n || w->count == 0)
		return emit(w, start, w->n);
	return true;
}

size_t
text_wrap(const char *s, size_t n, int cols, struct text_line **out)
{
	struct wrapper w = { s, n, cols < 1 ? 1 : cols, NULL, NULL, 0, 0 };
	char *brk;
	size_t valid = text_valid_prefix(s, n);

	*out = NULL;
	brk = calloc(n ? n : 1, 1);
	if (!brk)
		return 0;
	/* Break opportunities only exist in the valid prefix; the rest is
	 * split by width alone. */
	u8_possible_linebreaks((const uint8_t *)s, valid, enc, brk);
	w.brk = brk;
	if (!wrap_run(&w)) {
		free(brk);
		free(w.lines);
		return 0;
	}
	free(brk);
	*out = w.lines;
	return w.count;
}
