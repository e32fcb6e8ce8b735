/* Unit tests of text measuring and breaking (src/text.c): display width,
 * clipping without splitting a character, UAX #14 wrapping with the
 * Chinese rule that closing punctuation does not begin a line. */
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
#include <unistr.h>
#include <locale.h>
#include <wchar.h>

#include "dossier.h"
#include "bundled.h"
#include "text.h"

static int
width(const char *s)
{
	return text_width(s, strlen(s));
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(width(""), 0);
	assert_int_equal(width("Meta"), 4);
	assert_int_equal(width("中"), 2);
	assert_int_equal(width("两个月前"), 8);
	assert_int_equal(width("Meta的AI"), 8);
	assert_int_equal(width("开源大模型Llama 2惊艳四座"), 25);
	assert_int_equal(width("ＬＬＡＭＡ"), 10);
	assert_int_equal(width("，"), 2);
	assert_int_equal(width("。：；（）「」"), 14);
	/* East Asian Ambiguous: one column, as ncurses and wcwidth say. */
	assert_int_equal(width("“”·—…"), 5);
	assert_int_equal(width("e\xcc\x81"), 1);          /* e + U+0301 */
	assert_int_equal(width("Cafe\xcc\x81!"), 5);
	assert_int_equal(width("😀"), 2);
	assert_int_equal(width("a😀b"), 4);
	/* An invalid byte is one column. */
	assert_int_equal(text_width("a\xff" "b", 3), 3);
	assert_int_equal(text_width("\xe4\xb8", 2) >= 1, 1);
}

static void
test_char_width(void **state)
{
	size_t clen = 0;

	(void)state;
	assert_int_equal(text_char_width("中文", 6, &clen), 2);
	assert_int_equal(clen, 3);
	assert_int_equal(text_char_width("😀", 4, &clen), 2);
	assert_int_equal(clen, 4);
	assert_int_equal(text_char_width("\xcc\x81", 2, &clen), 0);
	assert_int_equal(clen, 2);
	assert_int_equal(text_char_width("\xff" "a", 2, &clen), 1);
	assert_int_equal(clen, 1);
	/* A real U+FFFD is a character like any other. */
	assert_int_equal(text_char_width("\xef\xbf\xbd", 3, &clen), 1);
	assert_int_equal(clen, 3);
}

static void
clip_is(const char *s, int cols, const char *want, int want_used)
{
	int used = -1;
	size_t n = text_clip(s, strlen(s), cols, &used);

	if (n != strlen(want) || memcmp(s, want, n) != 0)
		fail_msg("clip('%s', %d) = '%.*s', want '%s'", s, cols, (int)n, s, want);
	assert_int_equal(used, want_used);
}

static void
test_clip(void **state)
{
	(void)state;
	clip_is("中文", 3, "中", 2);
	clip_is("中文", 4, "中文", 4);
	clip_is("中文", 1, "", 0);
	clip_is("中文", 0, "", 0);
	clip_is("中文", 99, "中文", 4);
	clip_is("a中文", 2, "a", 1);
	clip_is("a中文", 3, "a中", 3);
	clip_is("ＬＬＡＭＡ", 5, "ＬＬ", 4);
	clip_is("😀x", 1, "", 0);
	/* Combining marks stay with their base. */
	clip_is("e\xcc\x81x", 1, "e\xcc\x81", 1);
	clip_is("ae\xcc\x81\xcc\xa3x", 2, "ae\xcc\x81\xcc\xa3", 2);
	clip_is("中\xcc\x81x", 1, "", 0);
	clip_is("中\xcc\x81x", 2, "中\xcc\x81", 2);
	/* NULL used is allowed. */
	assert_int_equal(text_clip("中文", 6, 2, NULL), 3);
}

/* A cut cell leaves one column for the ellipsis; a whole one is whole. */
static void
test_clip_mark(void **state)
{
	int used;
	bool cut;

	(void)state;
	assert_int_equal(text_width(TEXT_ELLIPSIS, strlen(TEXT_ELLIPSIS)), 1);
	assert_int_equal(text_clip_mark("abc", 3, 0, 3, &used, &cut), 3);
	assert_false(cut);
	assert_int_equal(used, 3);
	assert_int_equal(text_clip_mark("abcd", 4, 0, 3, &used, &cut), 2);
	assert_true(cut);
	assert_int_equal(used, 2);
	/* A wide character that would leave no room is dropped whole. */
	assert_int_equal(text_clip_mark("中文字", 9, 0, 4, &used, &cut), 3);
	assert_true(cut);
	assert_int_equal(used, 2);
	assert_int_equal(text_clip_mark("中文字", 9, 0, 5, &used, &cut), 6);
	assert_int_equal(used, 4);
	/* A combining mark does not count as a cut. */
	assert_int_equal(text_clip_mark("e\xcc\x81", 3, 0, 1, &used, &cut), 3);
	assert_false(cut);
	/* No room for the mark: nothing fits, and the cut is still told. */
	assert_int_equal(text_clip_mark("中", 3, 0, 1, &used, &cut), 0);
	assert_true(cut);
	assert_int_equal(used, 0);
	/* Measured from a column: a tab reaches its stop. */
	assert_int_equal(text_clip_mark("\tab", 4, 6, 3, &used, &cut), 1);
	assert_true(cut);
	assert_int_equal(used, 2);
}

static void
test_valid_prefix(void **state)
{
	(void)state;
	assert_int_equal(text_valid_prefix("中文", 6), 6);
	assert_int_equal(text_valid_prefix("中\xe6\x96", 5), 3);
	assert_int_equal(text_valid_prefix("ab\xc0\xaf", 4), 2);
	assert_int_equal(text_valid_prefix("", 0), 0);
}

/* text_clean agrees with text_valid_prefix and memchr, whatever the length
 * and wherever the bad byte: the blocks of sixteen, the first and last
 * bytes, a character cut at the end; in mixed text and in ASCII (whose
 * blocks of 64 take a shorter way, unless a character is open before
 * one). */
static void
test_clean(void **state)
{
	static const char *const fill[] = { "中a😀b", "abcdefghi" };
	static const char *const bad[] = {
		"\xff", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf0\x8f\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5", "\x80", "\xe4\xb8", "\xe4\x61", "", "\xf0\x9f\x98",
	};
	char buf[300];

	(void)state;
	for (size_t fi = 0; fi < 2; fi++)
	for (size_t n = 0; n < 200; n++)
		for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
			for (size_t at = 0; at + strlen(bad[k]) <= n; at++) {
				size_t len = strlen(bad[k]) ? strlen(bad[k]) : 1;
				const uint8_t *u;
				bool want;

				/* CJK, ASCII and an emoji, then the bad bytes (which
				 * may cut a character: u8_check judges). */
				for (size_t i = 0; i < n; i++)
					buf[i] = fill[fi][i % 9];
				for (size_t i = n - n % 9; i < n; i++)
					buf[i] = 'z';
				if (at + len > n)
					continue;
				memcpy(buf + at, bad[k], len);   /* "" gives a NUL */
				u = u8_check((const uint8_t *)buf, n);
				want = !u && !memchr(buf, '\0', n);
				if (text_clean(buf, n) != want ||
				    text_clean_portable(buf, n) != want)
					fail_msg("fill %zu n %zu bad %zu at %zu: want %d", fi, n, k,
					    at, want);
			}
}

/* Every sequence of three bytes, and every one of five bytes of the
 * kinds that matter (ASCII, NUL, each range of continuation and lead
 * bytes), in ASCII text across byte 80, where the blocks of both ways
 * meet (they start at 16), and at the end: both ways agree with
 * u8_check. */
static void
check_both(const char *buf, size_t n, size_t at, size_t len)
{
	/* The rest is ASCII: the bytes at at decide. */
	bool want = !u8_check((const uint8_t *)buf + at, len) && !memchr(buf + at, '\0', len);
	char hex[16] = "";

	if (text_clean(buf, n) == want && text_clean_portable(buf, n) == want)
		return;
	for (size_t k = 0; k < len; k++)
		snprintf(hex + 3 * k, sizeof hex - 3 * k, "%02x ", (uint8_t)buf[at + k]);
	fail_msg("%s at %zu (n %zu): want %d", hex, at, n, want);
}

static void
test_clean_all_sequences(void **state)
{
	static const uint8_t kinds[] = {
		0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
		0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xff,
	};
	const size_t nk = sizeof kinds;
	char buf[88];

	(void)state;
	memset(buf, 'x', sizeof buf);
	for (unsigned v = 0; v < 1U << 24; v++) {
		buf[79] = (char)(v >> 16);
		buf[80] = (char)(v >> 8);
		buf[81] = (char)v;
		check_both(buf, sizeof buf, 79, 3);
	}
	memset(buf, 'x', sizeof buf);
	for (size_t a = 0; a < nk * nk * nk * nk * nk; a++) {
		for (size_t k = 0, v = a; k < 5; k++, v /= nk)
			buf[77 + k] = (char)kinds[v % nk];
		check_both(buf, sizeof buf, 77, 5);
		check_both(buf, 82, 77, 5);   /* at the end: cut off? */
	}
}

/* Characters that must not begin a line when that can be avoided. */
static const char *const closers[] = {
	"，", "。", "、", "：", "；", "）", "」", "』", "”", NULL
};

static size_t
closer_at(const char *s, size_t n)
{
	for (size_t k = 0; closers[k]; k++) {
		size_t l = strlen(closers[k]);
		if (l <= n && memcmp(s, closers[k], l) == 0)
			return l;
	}
	return 0;
}

/* Number of characters (zero-width ones do not count) in s[0..n). */
static size_t
chars(const char *s, size_t n)
{
	size_t i = 0, c = 0, clen;

	while (i < n) {
		c += text_char_width(s + i, n - i, &clen) > 0;
		i += clen;
	}
	return c;
}

/* Start of the last character of s[0..n) with a width. */
static size_t
last_char(const char *s, size_t n)
{
	size_t i = 0, last = 0, clen;

	while (i < n) {
		if (text_char_width(s + i, n - i, &clen) > 0)
			last = i;
		i += clen;
	}
	return last;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Every invariant of a wrap of s[0..n) to cols columns. */
static void
check_wrap(const char *s, size_t n, int cols)
{
	struct text_line *l = NULL;
	size_t count = text_wrap(s, n, cols, &l), pos = 0;

	assert_true(count >= 1);
	assert_non_null(l);
	for (size_t k = 0; k < count; k++) {
		const char *t = s + l[k].start;
		bool after_newline = k == 0;

		/* Lines are in order; what lies between them are the dropped
		 * spaces and newlines, nothing else. */
		assert_true(l[k].start >= pos);
		assert_true(l[k].start + l[k].len <= n);
		for (size_t i = pos; i < l[k].start; i++) {
			if (!is_blank(s[i]))
				fail_msg("cols %d: byte %zu (0x%02x) lost before line %zu",
				    cols, i, (unsigned char)s[i], k);
			after_newline |= s[i] == '\n';
		}
		/* Newlines are mandatory breaks: never inside a line. */
		assert_null(memchr(t, '\n', l[k].len));
		/* Lines fit, except one character wider than the pane. */
		assert_int_equal(l[k].width, text_width(t, l[k].len));
		if (l[k].width > cols && !(chars(t, l[k].len) == 1))
			fail_msg("cols %d: line %zu '%.*s' is %d wide", cols, k,
			    (int)l[k].len, t, l[k].width);
		/* A line begins with closing punctuation only when the line
		 * before cannot give it a character: it has only one, or
		 * that one and the closer do not fit together, or it is
		 * itself in a run of closers too wide for a line. */
		if (!after_newline && closer_at(t, l[k].len)) {
			const char *pt = s + l[k - 1].start;
			size_t pl = l[k - 1].len, lc = last_char(pt, pl), clen;
			int need = text_width(pt + lc, pl - lc) +
			    text_char_width(t, l[k].len, &clen);
			if (chars(pt, pl) > 1 && need <= cols && !closer_at(pt, pl))
				fail_msg("cols %d: line %zu begins with '%.*s': '%.*s' | '%.*s'",
				    cols, k, (int)clen, t, (int)pl, pt, (int)l[k].len, t);
		}
		pos = l[k].start + l[k].len;
	}
	for (size_t i = pos; i < n; i++)
		if (!is_blank(s[i]))
			fail_msg("cols %d: byte %zu lost at the end", cols, i);
	free(l);
}

/* Wraps s and compares the lines with want[0..nw). */
static void
wrap_is(const char *s, int cols, const char *const *want, size_t nw)
{
	struct text_line *l = NULL;
	size_t count = text_wrap(s, strlen(s), cols, &l);

	check_wrap(s, strlen(s), cols);
	if (count != nw) {
		for (size_t k = 0; k < count; k++)
			print_message("# line %zu: '%.*s'\n", k, (int)l[k].len, s + l[k].start);
		fail_msg("'%s' at %d: %zu lines, want %zu", s, cols, count, nw);
	}
	for (size_t k = 0; k < count; k++)
		if (l[k].len != strlen(want[k]) ||
		    memcmp(s + l[k].start, want[k], l[k].len) != 0)
			fail_msg("'%s' at %d: line %zu is '%.*s', want '%s'", s, cols,
			    k, (int)l[k].len, s + l[k].start, want[k]);
	free(l);
}

#define WRAP(s, cols, ...) do { \
	static const char *const w_[] = { __VA_ARGS__ }; \
	wrap_is(s, cols, w_, sizeof w_ / sizeof *w_); \
} while (0)

static void
test_wrap_basic(void **state)
{
	(void)state;
	WRAP("", 10, "");
	WRAP("short", 10, "short");
	WRAP("Hello world", 5, "Hello", "world");
	WRAP("Hello world", 11, "Hello world");
	WRAP("Hello   world  ", 7, "Hello", "world");
	WRAP("a b c d", 3, "a b", "c d");
	WRAP("两个月前开源大模型", 6, "两个月", "前开源", "大模型");
	WRAP("两个月前开源大模型", 7, "两个月", "前开源", "大模型");
	WRAP("开源Llama 2惊艳", 8, "开源", "Llama 2", "惊艳");
}

static void
test_wrap_long_word(void **state)
{
	(void)state;
	WRAP("internationalization", 8, "internat", "ionaliza", "tion");
	WRAP("see internationalization now", 8,
	    "see", "internat", "ionaliza", "tion now");
	WRAP("ＬＬＡＭＡ", 4, "ＬＬ", "ＡＭ", "Ａ");
	WRAP("abc", 1, "a", "b", "c");
}

static void
test_wrap_newline(void **state)
{
	(void)state;
	WRAP("ab\ncd", 10, "ab", "cd");
	WRAP("ab\n\ncd", 10, "ab", "", "cd");
	WRAP("中文\n中文", 2, "中", "文", "中", "文");
	WRAP("one two\nthree", 3, "one", "two", "thr", "ee");
	WRAP("\nab", 10, "", "ab");
}

static void
test_wrap_closers(void **state)
{
	static const char *const texts[] = {
		"甲乙丙，丁戊己。庚辛壬、癸子丑：寅卯辰；巳午未）申酉戌」亥甲乙』丙丁”戊",
		"“留住和吸引优秀人才可能是我花费大部分时间的地方，因为没有优秀的研究人员，我什么都做不了。”",
		"我们（Meta）的模型（Llama 2）很好，“开源”。",
		"a，b。c、d：e；f）g」h』i”j",
		"中文中文中文，中文中文中文。",
		/* Latin words too long for the line, forced to split right
		 * before a closer. */
		"abcdefghij，klmnop。qrstuvwxyz、abc”def）",
		"internationalization，是一个词。",
	};

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		for (int cols = 1; cols <= 40; cols++)
			check_wrap(texts[i], strlen(texts[i]), cols);
	/* A naive split would begin the second line with the comma. */
	WRAP("甲乙丙，丁", 6, "甲乙", "丙，丁");
	WRAP("甲乙丙。", 6, "甲乙", "丙。");
	WRAP("abcdefgh，", 8, "abcdefg", "h，");
	/* A run of closing marks wider than the pane cannot avoid starting
	 * a line with one: it fills each line rather than one mark a line. */
	WRAP("。。。。。", 4, "。。", "。。", "。");
	WRAP("甲。。。。", 6, "甲", "。。。", "。");
}

static void
test_wrap_combining(void **state)
{
	(void)state;
	/* Zero-width marks never start a line on their own. */
	WRAP("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 1, "e\xcc\x81", "e\xcc\x81", "e\xcc\x81");
	WRAP("😀😀😀", 4, "😀😀", "😀");
	WRAP("😀😀", 1, "😀", "😀");
}

static void
test_wrap_invalid(void **state)
{
	static const char s[] = "ab\xff" "cd\xc0\xaf" "中文 ef";

	(void)state;
	for (int cols = 1; cols <= 12; cols++)
		check_wrap(s, sizeof s - 1, cols);
}

static void
test_wrap_bundled(void **state)
{
	struct dossier d;

	(void)state;
	assert_int_equal(load_bundled(&d), 0);
	assert_true(d.nparas > 50);
	for (size_t p = 0; p < d.nparas; p++)
		for (int cols = 1; cols <= 80; cols++)
			check_wrap(d.paras[p].text.s, d.paras[p].text.n, cols);
	/* Also the event texts, people's roles and orgs' notes. */
	for (size_t e = 0; e < d.nevents; e++)
		for (int cols = 1; cols <= 80; cols += 7)
			check_wrap(d.events[e].text.s, d.events[e].text.n, cols);
	for (size_t o = 0; o < d.norgs; o++)
		for (int cols = 1; cols <= 80; cols += 7)
			check_wrap(d.orgs[o].note.s, d.orgs[o].note.n, cols);
	dossier_free(&d);
}

/* The screen form: every character is measured as it is drawn. */
static void
cell_is(const char *s, int col, int want_w, size_t want_len, uint32_t want_shown)
{
	size_t clen = 0;
	uint32_t shown = 12345;
	int w = text_cell(s, strlen(s), col, &clen, &shown);

	if (w != want_w || clen != want_len || shown != want_shown)
		fail_msg("cell('%s', col %d) = %d cols, %zu bytes, shown U+%04X; want %d, %zu, U+%04X",
		    s, col, w, clen, shown, want_w, want_len, want_shown);
}

static void
test_screen_form(void **state)
{
	(void)state;
	/* Drawn as themselves. */
	cell_is("中", 0, 2, 3, 0);
	cell_is("Ｌ", 5, 2, 3, 0);                      /* full-width Latin */
	cell_is("\xcc\x81", 0, 0, 2, 0);                /* combining acute */
	cell_is("😀", 0, 2, 4, 0);
	cell_is("a", 0, 1, 1, 0);
	cell_is("\xe2\x80\x8d", 0, 0, 3, 0);             /* ZWJ (emoji sequences) */
	/* A tab reaches the next stop of eight columns. */
	cell_is("\t", 0, 8, 1, ' ');
	cell_is("\t", 3, 5, 1, ' ');
	cell_is("\t", 7, 1, 1, ' ');
	cell_is("\t", 8, 8, 1, ' ');
	/* C0 controls and DEL: their control picture, one column. */
	cell_is("\x1b", 0, 1, 1, 0x241b);                /* ␛ */
	cell_is("\x01", 4, 1, 1, 0x2401);
	cell_is("\r", 0, 1, 1, 0x240d);
	cell_is("\x7f", 0, 1, 1, 0x2421);                /* ␡ */
	/* C1 controls, bidi controls, separators, unassigned: U+FFFD. */
	cell_is("\xc2\x85", 0, 1, 2, 0xfffd);             /* U+0085 NEL */
	cell_is("\xc2\x9b", 0, 1, 2, 0xfffd);             /* U+009B CSI */
	cell_is("\xc2\x80", 0, 1, 2, 0xfffd);
	cell_is("\xc2\x9f", 0, 1, 2, 0xfffd);
	cell_is("\xe2\x80\xae", 0, 1, 3, 0xfffd);         /* U+202E RLO */
	cell_is("\xe2\x80\xaa", 0, 1, 3, 0xfffd);         /* U+202A LRE */
	cell_is("\xe2\x81\xa6", 0, 1, 3, 0xfffd);         /* U+2066 LRI */
	cell_is("\xe2\x81\xa9", 0, 1, 3, 0xfffd);         /* U+2069 PDI */
	cell_is("\xe2\x80\x8f", 0, 1, 3, 0xfffd);         /* U+200F RLM */
	cell_is("\xe2\x80\xa8", 0, 1, 3, 0xfffd);         /* U+2028 */
	cell_is("\xcd\xb8", 0, 1, 2, 0xfffd);             /* U+0378, unassigned */
	cell_is("\xff", 0, 1, 1, 0);                     /* invalid byte */
	/* A soft hyphen is not drawn. */
	cell_is("\xc2\xad", 0, 0, 2, TEXT_NOTHING);
	/* Widths of strings follow: nothing is zero wide but what draws
	 * nothing. */
	assert_int_equal(width("alpha\tbeta"), 12);
	assert_int_equal(width("\tx"), 9);
	assert_int_equal(width("中\t"), 8);
	assert_int_equal(width("a\x1b[31mb"), 7);
	assert_int_equal(width("x\xc2\x85y\xc2\x9bz"), 5);
	assert_int_equal(width("\xe2\x80\xae" "abc\xe2\x80\xac"), 5);
	assert_int_equal(text_width_at("\t", 1, 6), 2);
	assert_int_equal(text_width_at("a\tb", 3, 5), 4);
}

static void
test_clip_controls(void **state)
{
	int used = -1;

	(void)state;
	clip_is("ab\x1b" "cd", 3, "ab\x1b", 3);
	clip_is("\xc2\x9b" "31m", 2, "\xc2\x9b" "3", 2);
	/* A tab is whole or not at all. */
	clip_is("alpha\tbeta", 7, "alpha", 5);
	clip_is("alpha\tbeta", 8, "alpha\t", 8);
	clip_is("alpha\tbeta", 9, "alpha\tb", 9);
	/* From column 6 of its line, a tab is two columns. */
	assert_int_equal(text_clip_at("\tx", 2, 6, 2, &used), 1);
	assert_int_equal(used, 2);
	assert_int_equal(text_clip_at("\tx", 2, 6, 1, &used), 0);
	assert_int_equal(used, 0);
}

/* Hostile text wraps with every line inside the width, tabs measured from
 * the line's start, and every line's width what the screen form says. */
static void
test_wrap_controls(void **state)
{
	static const char *const texts[] = {
		"alpha\tbeta gamma\tdelta",
		"\tindented\n\tagain\t\tand again",
		"red \x1b[31mred\x1b[0m plain \x1b]0;title\x07 end",
		"C1 \xc2\x9b" "2J and \xc2\x85 next line",
		"\xe2\x80\xae" "reversed\xe2\x80\xac and \xe2\x81\xa6isolated\xe2\x81\xa9",
		"中文\t混排\x1b中文\xc2\x9b中文 e\xcc\x81 😀\tＬＬＡＭＡ",
	};
	(void)state;
	for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
		for (int cols = 1; cols <= 40; cols++) {
			struct text_line *l = NULL;
			size_t n = text_wrap(texts[k], strlen(texts[k]), cols, &l);
			for (size_t i = 0; i < n; i++) {
				const char *t = texts[k] + l[i].start;
				assert_int_equal(l[i].width, text_width(t, l[i].len));
				if (l[i].width > cols && chars(t, l[i].len) > 1)
					fail_msg("text %zu cols %d: line %zu is %d wide", k, cols,
					    i, l[i].width);
			}
			free(l);
		}
}

/* ncurses moves its cursor by the C library's wcwidth: for every code
 * point, the columns text_cell measures are the columns wcwidth gives
 * what is drawn (the character, or its placeholder), so that no text can
 * move a border. */
static void
test_cells_agree_with_curses(void **state)
{
	int bad = 0;

	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8"))
		skip();
	for (ucs4_t c = 0; c < 0x110000; c++) {
		uint8_t b[4];
		uint32_t shown;
		size_t clen;
		int w, drawn, n;
		if (c >= 0xd800 && c < 0xe000)
			continue;
		n = u8_uctomb(b, c, sizeof b);
		w = text_cell((const char *)b, (size_t)n, 0, &clen, &shown);
		if (shown == TEXT_NOTHING)
			drawn = 0;
		else if (c == '\t')
			drawn = w * wcwidth(L' ');
		else
			drawn = wcwidth((wchar_t)(shown ? shown : c));
		if (drawn != w && bad++ < 10)
			print_error("U+%04X: measured %d, drawn %d columns\n", c, w, drawn);
		assert_true(clen == (size_t)n);
	}
	assert_int_equal(bad, 0);
	setlocale(LC_CTYPE, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_char_width),
		cmocka_unit_test(test_clip),
		cmocka_unit_test(test_valid_prefix),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_clean_all_sequences),
		cmocka_unit_test(test_wrap_basic),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_newline),
		cmocka_unit_test(test_wrap_closers),
		cmocka_unit_test(test_wrap_combining),
		cmocka_unit_test(test_wrap_invalid),
		cmocka_unit_test(test_wrap_bundled),
		cmocka_unit_test(test_screen_form),
		cmocka_unit_test(test_clip_controls),
		cmocka_unit_test(test_clip_mark),
		cmocka_unit_test(test_wrap_controls),
		cmocka_unit_test(test_cells_agree_with_curses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
