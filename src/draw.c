/* Text, spans and boxes on a curses window.  Runs of one role are cut
 * by text_clip, in bytes, never from a column count; they reach the
 * window as wide characters. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#include "draw.h"
#include "text.h"

static attr_t attrs[R_NROLES];

void
draw_init_colors(bool color)
{
	static const attr_t mono[R_NROLES] = {
		[R_BORDER_FOCUS] = A_BOLD, [R_TITLE] = 0, [R_TITLE_FOCUS] = A_BOLD | A_REVERSE,
		[R_SELECTED] = A_REVERSE, [R_SELECTED_DIM] = A_UNDERLINE,
		[R_PERSON] = A_BOLD, [R_ORG] = A_BOLD, [R_HIGHLIGHT] = A_REVERSE,
		[R_NOTE] = A_UNDERLINE, [R_HIT] = A_REVERSE | A_BOLD,
		[R_CUR_HIT] = A_REVERSE | A_BOLD | A_UNDERLINE, [R_READ] = A_BOLD,
		[R_DATE] = 0, [R_HEADING] = A_BOLD, [R_STATUS] = A_REVERSE, [R_DIM] = A_DIM,
		[R_MYNOTE] = A_BOLD,
	};
	/* Colour pairs: fg, bg (-1 = terminal default). */
	static const short pairs[R_NROLES][2] = {
		[R_BORDER_FOCUS] = { COLOR_CYAN, -1 }, [R_TITLE_FOCUS] = { COLOR_BLACK, COLOR_CYAN },
		[R_SELECTED] = { COLOR_BLACK, COLOR_CYAN }, [R_PERSON] = { COLOR_YELLOW, -1 },
		[R_ORG] = { COLOR_GREEN, -1 }, [R_HIGHLIGHT] = { COLOR_BLACK, COLOR_YELLOW },
		[R_NOTE] = { COLOR_RED, -1 }, [R_HIT] = { COLOR_BLACK, COLOR_MAGENTA },
		[R_CUR_HIT] = { COLOR_WHITE, COLOR_RED }, [R_READ] = { COLOR_MAGENTA, -1 },
		[R_DATE] = { COLOR_BLUE, -1 }, [R_HEADING] = { COLOR_CYAN, -1 },
		[R_STATUS] = { COLOR_BLACK, COLOR_WHITE }, [R_MYNOTE] = { COLOR_BLACK, COLOR_GREEN },
	};

	memcpy(attrs, mono, sizeof attrs);
	if (!color)
		return;
	for (int r = 0; r < R_NROLES; r++) {
		if (pairs[r][0] == 0 && pairs[r][1] == 0)
			continue;
		init_pair((short)r, pairs[r][0], pairs[r][1]);
		attrs[r] = (attrs[r] & (A_BOLD | A_UNDERLINE)) | COLOR_PAIR(r);
	}
	attrs[R_BORDER_FOCUS] |= A_BOLD;
	attrs[R_TITLE_FOCUS] |= A_BOLD;
}

attr_t
draw_attr(enum role r)
{
	return attrs[r];
}

/* Writes s[0..n), which starts at column col of its text and fits, at
 * (y, x) in its screen form (text_cell): controls as their placeholders,
 * a tab as spaces, so the terminal moves its cursor exactly as measured.
 * Decoded here with libunistring, since ncurses decodes a multibyte
 * string byte by byte through the C library's converters, which cost
 * more than the rest of drawing a frame. */
static void
put_text(WINDOW *win, int y, int x, const char *s, size_t n, int col)
{
	wchar_t buf[128];
	size_t k = 0, clen;
	int c = col;

	wmove(win, y, x);
	for (size_t i = 0; i < n; i += clen) {
		ucs4_t uc, shown;
		int w = text_cell(s + i, n - i, c, &clen, &shown);
		c += w;
		if (k + (size_t)TEXT_TAB > sizeof buf / sizeof *buf) {
			waddnwstr(win, buf, (int)k);
			k = 0;
		}
		if (shown == TEXT_NOTHING)
			continue;
		if (shown == ' ') {
			while (w-- > 0)       /* a tab, to its stop */
				buf[k++] = L' ';
			continue;
		}
		if (shown) {
			buf[k++] = (wchar_t)shown;
			continue;
		}
		u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		buf[k++] = (wchar_t)uc;
	}
	if (k > 0)
		waddnwstr(win, buf, (int)k);
}

/* The mark of a cut after used columns of w, when it fits: the columns
 * it takes. */
static int
put_ellipsis(WINDOW *win, int y, int x, int w, int used, enum role r)
{
	int ew = text_width(TEXT_ELLIPSIS, sizeof TEXT_ELLIPSIS - 1);

	if (used + ew > w)
		return 0;
	wattrset(win, draw_attr(r));
	put_text(win, y, x + used, TEXT_ELLIPSIS, sizeof TEXT_ELLIPSIS - 1, 0);
	wattrset(win, A_NORMAL);
	return ew;
}

/* draw_text for text that starts at column col of its line. */
static int
draw_text_at(WINDOW *win, int y, int x, int w, const char *s, size_t n, int col,
    enum role r)
{
	int used = 0;
	size_t len;
	bool cut;

	if (w <= 0)
		return 0;
	len = text_clip_mark(s, n, col, w, &used, &cut);
	wattrset(win, draw_attr(r));
	put_text(win, y, x, s, len, col);
	wattrset(win, A_NORMAL);
	return used + (cut ? put_ellipsis(win, y, x, w, used, r) : 0);
}

int
draw_text(WINDOW *win, int y, int x, int w, const char *s, size_t n, enum role r)
{
	return draw_text_at(win, y, x, w, s, n, 0, r);
}

int
draw_str(WINDOW *win, int y, int x, int w, const char *s, enum role r)
{
	return draw_text(win, y, x, w, s, strlen(s), r);
}

int
draw_spans(WINDOW *win, int y, int x, int w, const char *s, size_t n,
    enum role base, const struct span *spans, size_t nspans)
{
	unsigned char small[512];
	unsigned char *role;
	int col = 0;
	bool cut;

	if (w <= 0)
		return 0;
	/* Clipped as a whole, so that each run fits and a tab in a later
	 * run reaches its stop from the start of the line; the mark of a
	 * cut in the role of the last character shown. */
	n = text_clip_mark(s, n, 0, w, NULL, &cut);
	role = n <= sizeof small ? small : malloc(n);
	if (!role)
		return draw_text(win, y, x, w, s, n, base);
	memset(role, base, n);
	for (size_t k = 0; k < nspans; k++) {
		size_t a = spans[k].off, b = spans[k].off + spans[k].len;
		if (a >= n)
			continue;
		if (b > n)
			b = n;
		memset(role + a, spans[k].role, b - a);
	}
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && role[j] == role[i])
			j++;
		col += draw_text_at(win, y, x + col, w - col, s + i, j - i, col,
		    (enum role)role[i]);
		i = j;
	}
	if (cut)
		col += put_ellipsis(win, y, x, w, col, n ? (enum role)role[n - 1] : base);
	if (role != small)
		free(role);
	return col;
}

void
draw_fill(WINDOW *win, int y, int x, int w, enum role r)
{
	if (w > 0)
		mvwhline(win, y, x, ' ' | draw_attr(r), w);
}

/* Box lines are drawn as Unicode characters, not the terminal's alternate
 * character set: a UTF-8 terminal draws them everywhere, while ACS
 * switching is lost on several terminals in UTF-8 mode.  A line is one
 * call with one character made once.  The box-drawing characters are East
 * Asian Ambiguous: where the terminal draws those two columns wide, the
 * lines are ASCII, one column everywhere. */
enum { BOX_H, BOX_V, BOX_DR, BOX_DL, BOX_UR, BOX_UL };

static wchar_t
box_glyph(int part)
{
	static const wchar_t usual[] = { L'\u2500', L'\u2502', L'\u250c', L'\u2510',
		L'\u2514', L'\u2518' };                  /* ─ │ ┌ ┐ └ ┘ */
	static const wchar_t narrow[] = { L'-', L'|', L'+', L'+', L'+', L'+' };

	return (text_ambiwidth() == 2 ? narrow : usual)[part];
}

static cchar_t
box_char(wchar_t c, attr_t a)
{
	const wchar_t s[2] = { c, 0 };
	cchar_t cc;

	setcchar(&cc, s, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
	return cc;
}

static void
box_hline(WINDOW *win, int y, int x, int n, attr_t a)
{
	cchar_t c = box_char(box_glyph(BOX_H), a);

	if (n > 0)
		mvwhline_set(win, y, x, &c, n);
}

static void
box_vline(WINDOW *win, int y, int x, int n, attr_t a)
{
	cchar_t c = box_char(box_glyph(BOX_V), a);

	if (n > 0)
		mvwvline_set(win, y, x, &c, n);
}

void
draw_box(WINDOW *win, struct rect r, const char *title, bool focused)
{
	enum role br = focused ? R_BORDER_FOCUS : R_BORDER;
	attr_t a = draw_attr(br);
	cchar_t corner[4] = {
		box_char(box_glyph(BOX_DR), a), box_char(box_glyph(BOX_DL), a),
		box_char(box_glyph(BOX_UR), a), box_char(box_glyph(BOX_UL), a),
	};

	if (r.h < 2 || r.w < 2)
		return;
	mvwadd_wch(win, r.y, r.x, &corner[0]);
	box_hline(win, r.y, r.x + 1, r.w - 2, a);
	mvwadd_wch(win, r.y, r.x + r.w - 1, &corner[1]);
	box_vline(win, r.y + 1, r.x, r.h - 2, a);
	box_vline(win, r.y + 1, r.x + r.w - 1, r.h - 2, a);
	mvwadd_wch(win, r.y + r.h - 1, r.x, &corner[2]);
	box_hline(win, r.y + r.h - 1, r.x + 1, r.w - 2, a);
	mvwadd_wch(win, r.y + r.h - 1, r.x + r.w - 1, &corner[3]);
	if (title && r.w > 4) {
		int used = draw_str(win, r.y, r.x + 1, 1, " ", br);
		used += draw_str(win, r.y, r.x + 1 + used, r.w - 4, title,
		    focused ? R_TITLE_FOCUS : R_TITLE);
		draw_str(win, r.y, r.x + 1 + used, 1, " ", br);
	}
}
