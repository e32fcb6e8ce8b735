/* The sanitiser of text output: each kind of hostile character byte for
 * byte, then properties over every code point and every two-byte string:
 * the output is valid UTF-8 without a control or bidi control, and it
 * reads back to the input (the escapes are unambiguous). */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistr.h>

#include "escape.h"

/* esc_put's output, which must equal esc_format's. */
static char *
put_to_string(const char *s, size_t n, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	assert_non_null(f);
	esc_put(f, s, n);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void
expect(const char *in, size_t n, const char *want)
{
	char out[256];
	size_t len, need = esc_format(out, sizeof out, in, n);
	char *put = put_to_string(in, n, &len);

	assert_string_equal(out, want);
	assert_int_equal(need, strlen(want));
	assert_int_equal(len, need);
	assert_memory_equal(put, want, len);
	free(put);
}
#define EXPECT(in, want) expect(in, sizeof in - 1, want)

static void
test_table(void **state)
{
	(void)state;
	EXPECT("plain text", "plain text");
	EXPECT("a\tb\nc\\d", "a\\tb\\nc\\\\d");
	EXPECT("\x1b]0;pwned\x07\x1b[2J", "\\x1b]0;pwned\\x07\\x1b[2J");
	EXPECT("\r\x01\x1f\x7f", "\\x0d\\x01\\x1f\\x7f");
	/* C1: CSI, OSC, NEL as characters (two bytes each in UTF-8). */
	EXPECT("\xc2\x9b" "31m\xc2\x9d" "0;x\xc2\x85", "\\u009b31m\\u009d0;x\\u0085");
	/* Bidi overrides, embeddings, isolates, separators. */
	EXPECT("\xe2\x80\xae" "evil\xe2\x80\xac", "\\u202eevil\\u202c");
	EXPECT("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xad", "\\u202a\\u202b\\u202d");
	EXPECT("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", "\\u2066\\u2067\\u2068\\u2069");
	EXPECT("\xe2\x80\xa8\xe2\x80\xa9", "\\u2028\\u2029");
	/* Kept: the bidi marks, Chinese, emoji, a non-breaking space. */
	EXPECT("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c");
	EXPECT("杨立昆 😀\xc2\xa0", "杨立昆 😀\xc2\xa0");
	/* Not UTF-8: each bad byte on its own. */
	EXPECT("\xff\xfe", "\\xff\\xfe");
	EXPECT("a\xe4\xb8", "a\\xe4\\xb8");
	EXPECT("\xc0\xaf", "\\xc0\\xaf");
	EXPECT("\xed\xa0\x80", "\\xed\\xa0\\x80");
	EXPECT("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80");
	/* A NUL inside the counted string is escaped, not an end. */
	EXPECT("a\0b", "a\\x00b");
	EXPECT("", "");
}

static void
test_unsafe_bounds(void **state)
{
	static const uint32_t yes[] = { 0, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f,
		0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069 };
	static const uint32_t no[] = { 0x20, '\\', 0x7e, 0xa0, 0x200e, 0x200f,
		0x061c, 0x2027, 0x202f, 0x2065, 0x206a, 0x4e2d, 0x1f600 };

	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_true(esc_unsafe(yes[i]));
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(esc_unsafe(no[i]));
}

static int
hexval(char c)
{
	return c >= 'a' ? c - 'a' + 10 : c - '0';
}

/* Reads escaped text back: \n \t \\ \xNN \uNNNN. */
static size_t
unescape(const char *s, size_t n, char *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		if (s[i] != '\\') {
			out[k++] = s[i++];
			continue;
		}
		assert_true(i + 1 < n);
		switch (s[i + 1]) {
		case 'n': out[k++] = '\n'; i += 2; break;
		case 't': out[k++] = '\t'; i += 2; break;
		case '\\': out[k++] = '\\'; i += 2; break;
		case 'x':
			assert_true(i + 3 < n);
			out[k++] = (char)(hexval(s[i + 2]) * 16 + hexval(s[i + 3]));
			i += 4;
			break;
		case 'u': {
			uint32_t c = 0;
			assert_true(i + 5 < n);
			for (int j = 0; j < 4; j++)
				c = c * 16 + (uint32_t)hexval(s[i + 2 + j]);
			k += (size_t)u8_uctomb((uint8_t *)out + k, c, 6);
			i += 6;
			break;
		}
		default:
			fail_msg("unknown escape \\%c", s[i + 1]);
		}
	}
	return k;
}

/* Valid UTF-8, nothing unsafe in it, and it reads back to the input. */
static void
check_safe(const char *in, size_t n)
{
	char out[64], back[64];
	size_t len = esc_format(out, sizeof out, in, n);
	const uint8_t *p = (const uint8_t *)out, *end = p + len;

	assert_true(len < sizeof out);
	assert_null(u8_check(p, len));
	while (p < end) {
		ucs4_t c;
		p += u8_mbtoucr(&c, p, (size_t)(end - p));
		assert_false(esc_unsafe(c));
	}
	assert_int_equal(unescape(out, len, back), n);
	assert_memory_equal(back, in, n);
}

static void
test_every_code_point(void **state)
{
	(void)state;
	for (uint32_t c = 0; c < 0x110000; c++) {
		uint8_t buf[4];
		int n;

		if (c >= 0xd800 && c < 0xe000)
			continue;
		n = u8_uctomb(buf, c, sizeof buf);
		assert_true(n > 0);
		check_safe((const char *)buf, (size_t)n);
	}
}

static void
test_every_two_bytes(void **state)
{
	(void)state;
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++) {
			char s[3] = { (char)a, (char)b, (char)0xe2 };
			check_safe(s, 2);
			check_safe(s, 3);   /* and a cut character after them */
		}
}

/* A small buffer gets whole escapes and whole characters only, always a
 * NUL, and the length it would need. */
static void
test_format_cut(void **state)
{
	static const char in[] = "ab\x1b" "中\xe2\x80\xae";
	static const char full[] = "ab\\x1b中\\u202e";
	char out[32];

	(void)state;
	for (size_t room = 1; room <= sizeof full; room++) {
		size_t need;

		memset(out, 'Z', sizeof out);
		need = esc_format(out, room, in, sizeof in - 1);
		assert_int_equal(need, sizeof full - 1);
		assert_true(strlen(out) < room);
		assert_memory_equal(out, full, strlen(out));
		/* Cut only where a unit ends. */
		switch (strlen(out)) {
		case 0: case 1: case 2: case 6: case 9: case 15: break;
		default: fail_msg("cut inside a unit at %zu (room %zu)", strlen(out), room);
		}
	}
	assert_int_equal(esc_format(NULL, 0, in, sizeof in - 1), sizeof full - 1);
}

/* A message that quotes a value: the value escaped wherever the %s is,
 * as a translation may put it first, last or in the middle. */
static void
test_printf(void **state)
{
	static const struct { const char *fmt, *want; } cases[] = {
		{ "option '%s' unknown\n", "option 'a\\x1b[2J中' unknown\n" },
		{ "%s：未知\n", "a\\x1b[2J中：未知\n" },
		{ "未知的 %s", "未知的 a\\x1b[2J中" },
		{ "no value\n", "no value\n" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *buf = NULL;
		size_t len;
		FILE *f = open_memstream(&buf, &len);

		assert_non_null(f);
		/* The formats come from the table, as translations do. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		esc_printf(f, cases[i].fmt, "a\x1b[2J中");
#pragma GCC diagnostic pop
		assert_int_equal(fclose(f), 0);
		assert_string_equal(buf, cases[i].want);
		free(buf);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_unsafe_bounds),
		cmocka_unit_test(test_every_code_point),
		cmocka_unit_test(test_every_two_bytes),
		cmocka_unit_test(test_format_cut),
		cmocka_unit_test(test_printf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
