/* Unit tests of the width function under both settings of the columns of
 * East Asian Ambiguous characters (text_set_ambiwidth): one, as the C
 * library and most terminals count, or two, as CJK terminals set that way
 * draw them.  Chinese quotes, the middle dot, the ellipsis, circled
 * numbers, Greek, Cyrillic and box drawing are Ambiguous; ideographs,
 * ASCII and Neutral letters such as ã are not. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

#include "text.h"

static int
width(const char *s)
{
	return text_width(s, strlen(s));
}

static int
cell(const char *s)
{
	size_t clen;

	return text_cell(s, strlen(s), 0, &clen, NULL);
}

static int
single(void **state)
{
	(void)state;
	text_set_ambiwidth(1);
	return 0;
}

static int
doubled(void **state)
{
	(void)state;
	text_set_ambiwidth(2);
	return 0;
}

static void
test_property(void **state)
{
	static const uint32_t ambiguous[] = { 0x201c, 0x201d, 0xb7, 0x2026, 0x2460, 0x3b1,
		0x44f, 0x2500, 0x2502, 0x250c, 0x258c, 0x2020, 0xa7, 0xfffd, 0x300, 0xe000 };
	static const uint32_t not_ambiguous[] = { 'a', 0xe3, 0x4e2d, 0x3001, 0xff0c,
		0x2590, 0x254e, 0x2400, 0x1f600, 0x20, 0xa0 };

	(void)state;
	for (size_t i = 0; i < sizeof ambiguous / sizeof *ambiguous; i++)
		assert_true(text_is_ambiguous(ambiguous[i]));
	for (size_t i = 0; i < sizeof not_ambiguous / sizeof *not_ambiguous; i++)
		assert_false(text_is_ambiguous(not_ambiguous[i]));
	/* The setting does not change the property. */
	assert_int_equal(text_ambiwidth(), 1);
	text_set_ambiwidth(2);
	assert_int_equal(text_ambiwidth(), 2);
	assert_true(text_is_ambiguous(0x201c));
	assert_false(text_is_ambiguous(0xe3));
}

/* Every Ambiguous character below U+FF61 is one that libunistring widens
 * in a CJK encoding too: the table is within what libunistring counts
 * there (which is more: ã, for one). */
static void
test_within_libunistring(void **state)
{
	int bad = 0;

	(void)state;
	for (uint32_t c = 0xa1; c < 0xff61; c++)
		if (text_is_ambiguous(c) && uc_width(c, "UTF-8") == 1 &&
		    uc_width(c, "GBK") != 2 && bad++ < 10)
			print_error("U+%04X: Ambiguous, but one column in GBK\n", c);
	assert_int_equal(bad, 0);
	assert_int_equal(uc_width(0xe3, "GBK"), 2);
	assert_false(text_is_ambiguous(0xe3));
}

static void
test_cell_single(void **state)
{
	(void)state;
	assert_int_equal(cell("\u201c"), 1);
	assert_int_equal(cell("\u00b7"), 1);
	assert_int_equal(cell("\u2026"), 1);
	assert_int_equal(cell("\u2460"), 1);
	assert_int_equal(cell("\u03b1"), 1);
	assert_int_equal(cell("\u044f"), 1);
	assert_int_equal(cell("\u2502"), 1);
	assert_int_equal(cell("\u4e2d"), 2);
	assert_int_equal(cell("\u00e3"), 1);
	assert_int_equal(cell("\xff"), 1);        /* an invalid byte, drawn as U+FFFD */
}

static void
test_cell_double(void **state)
{
	(void)state;
	assert_int_equal(cell("\u201c"), 2);
	assert_int_equal(cell("\u201d"), 2);
	assert_int_equal(cell("\u00b7"), 2);
	assert_int_equal(cell("\u2026"), 2);
	assert_int_equal(cell("\u2460"), 2);
	assert_int_equal(cell("\u03b1"), 2);
	assert_int_equal(cell("\u044f"), 2);
	assert_int_equal(cell("\u2502"), 2);
	assert_int_equal(cell("\u250c"), 2);
	assert_int_equal(cell("\xff"), 2);        /* U+FFFD is Ambiguous */
	/* Not Ambiguous, or not one column: unchanged. */
	assert_int_equal(cell("\u4e2d"), 2);
	assert_int_equal(cell("\u00e3"), 1);
	assert_int_equal(cell("a"), 1);
	assert_int_equal(cell("\u0301"), 0);      /* a combining mark, Ambiguous */
	assert_int_equal(cell("\u00ad"), 0);
	assert_int_equal(cell("\x1b"), 1);        /* ␛, a control picture */
	assert_int_equal(text_width_at("\t", 1, 3), 5);
}

static void
test_width_both(void **state)
{
	static const char quote[] = "\u201c\u4f60\u597d\u201d\u00b7\u2026";   /* “你好”·… */

	(void)state;
	assert_int_equal(width(quote), 8);
	assert_int_equal(width("\u03b1\u03b2\u03b3 \u044f\u0437"), 6);    /* αβγ яз */
	assert_int_equal(width("\u250c\u2500\u2510"), 3);
	text_set_ambiwidth(2);
	assert_int_equal(width(quote), 12);
	assert_int_equal(width("\u03b1\u03b2\u03b3 \u044f\u0437"), 11);
	assert_int_equal(width("\u250c\u2500\u2510"), 6);
	assert_int_equal(width("Meta AI"), 7);
	assert_int_equal(width("\u00e3o"), 2);
	assert_int_equal(width(TEXT_ELLIPSIS), 2);
}

/* A clip never splits a character two columns wide, Ambiguous ones in
 * double mode included. */
static void
test_clip_double(void **state)
{
	const char *s = "\u201cab\u201d";          /* “ab” */
	int used;

	(void)state;
	assert_int_equal(text_clip(s, strlen(s), 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_clip(s, strlen(s), 2, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(text_clip(s, strlen(s), 5, &used), 5);
	assert_int_equal(used, 4);
	assert_int_equal(text_clip(s, strlen(s), 6, &used), strlen(s));
	assert_int_equal(used, 6);
	/* The mark of a cut is two columns too. */
	bool cut;
	size_t len = text_clip_mark(s, strlen(s), 0, 5, &used, &cut);
	assert_true(cut);
	assert_int_equal(len, 4);                  /* “a, then … */
	assert_int_equal(used, 3);
}

static void
test_clip_single(void **state)
{
	const char *s = "\u201cab\u201d";
	int used;

	(void)state;
	assert_int_equal(text_clip(s, strlen(s), 1, &used), 3);
	assert_int_equal(used, 1);
	assert_int_equal(text_clip(s, strlen(s), 4, &used), strlen(s));
	assert_int_equal(used, 4);
}

/* Lines are measured as they are drawn: no line wider than the width,
 * each line's width its text's, in either mode. */
static void
check_wrap(const char *s, int cols, size_t want_lines)
{
	struct text_line *l;
	size_t n = text_wrap(s, strlen(s), cols, &l);

	assert_int_equal(n, want_lines);
	for (size_t i = 0; i < n; i++) {
		assert_true(l[i].width <= cols);
		assert_int_equal(l[i].width, text_width(s + l[i].start, l[i].len));
	}
	free(l);
}

static void
test_wrap_both(void **state)
{
	const char *dots = "\u00b7\u00b7\u00b7\u00b7\u00b7";          /* ····· */
	const char *quoted = "\u4ed6\u8bf4\uff1a\u201c\u7559\u4f4f\u548c\u5438\u5f15"
	    "\u4f18\u79c0\u7684\u4eba\u624d\u201d\u3002";   /* 他说：“留住和吸引优秀的人才”。 */

	(void)state;
	check_wrap(dots, 4, 2);
	check_wrap(quoted, 10, 4);
	text_set_ambiwidth(2);
	check_wrap(dots, 4, 3);
	check_wrap(quoted, 10, 4);
	struct text_line *l;
	size_t n = text_wrap(dots, strlen(dots), 4, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[0].width, 4);
	assert_int_equal(l[0].len, 4);             /* two dots of two bytes */
	assert_int_equal(l[2].width, 2);
	free(l);
}

/* For every code point, in double mode, the columns text_cell measures are
 * those a terminal that draws Ambiguous characters two wide gives what is
 * drawn: the C library's wcwidth, two for an Ambiguous one of one column.
 * The same in single mode, without the widening. */
static void
test_cells_agree_with_terminal(void **state)
{
	int bad = 0;

	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8"))
		skip();
	for (int mode = 1; mode <= 2; mode++) {
		text_set_ambiwidth(mode);
		for (ucs4_t c = 0; c < 0x110000; c++) {
			uint8_t b[4];
			uint32_t shown, d;
			size_t clen;
			int w, drawn, n;
			if (c >= 0xd800 && c < 0xe000)
				continue;
			n = u8_uctomb(b, c, sizeof b);
			w = text_cell((const char *)b, (size_t)n, 0, &clen, &shown);
			d = shown ? shown : c;
			if (shown == TEXT_NOTHING)
				drawn = 0;
			else if (c == '\t')
				drawn = w * wcwidth(L' ');
			else
				drawn = wcwidth((wchar_t)d);
			if (mode == 2 && drawn == 1 && text_is_ambiguous(d))
				drawn = 2;
			if (drawn != w && bad++ < 10)
				print_error("U+%04X (mode %d): measured %d, drawn %d columns\n",
				    c, mode, w, drawn);
		}
	}
	assert_int_equal(bad, 0);
	setlocale(LC_CTYPE, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_property, single, single),
		cmocka_unit_test_setup_teardown(test_within_libunistring, single, single),
		cmocka_unit_test_setup_teardown(test_cell_single, single, single),
		cmocka_unit_test_setup_teardown(test_cell_double, doubled, single),
		cmocka_unit_test_setup_teardown(test_width_both, single, single),
		cmocka_unit_test_setup_teardown(test_clip_single, single, single),
		cmocka_unit_test_setup_teardown(test_clip_double, doubled, single),
		cmocka_unit_test_setup_teardown(test_wrap_both, single, single),
		cmocka_unit_test_setup_teardown(test_cells_agree_with_terminal, single, single),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
